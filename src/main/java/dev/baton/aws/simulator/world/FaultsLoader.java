package dev.baton.aws.simulator.world;

/** Reads the world file's optional {@code faults} section into {@link Faults}, naming the JSON path on errors. */
final class FaultsLoader {
    private FaultsLoader() {}

    static Faults faults(WorldNode node) {
        Faults defaults = Faults.defaults();
        if (node.absent()) {
            return defaults;
        }
        node.requireObject();
        String sparseText = node.string("sparse", defaults.sparse().value());
        SparseMode sparse = SparseMode.parse(sparseText)
                .orElseThrow(
                        () -> node.field("sparse").error("expected none, all or random, found '" + sparseText + "'"));
        double drop = rate(node, "dropConnectionRate");
        double truncate = rate(node, "truncateBodyRate");
        double slow = rate(node, "slowBodyRate");
        if (drop + truncate + slow > 1) {
            throw node.error("dropConnectionRate, truncateBodyRate and slowBodyRate must add up to at most 1");
        }
        long delay = node.longValue("slowBodyDelayMs", defaults.slowBodyDelayMs());
        if (delay < 0) {
            throw node.field("slowBodyDelayMs").error("must not be negative");
        }
        return new Faults(
                sparse,
                node.longValue("sparseSeed", defaults.sparseSeed()),
                node.booleanValue("verifySignatures", defaults.verifySignatures()),
                drop,
                truncate,
                slow,
                delay);
    }

    private static double rate(WorldNode node, String name) {
        double value = node.doubleValue(name, 0);
        if (!(value >= 0 && value <= 1)) {
            throw node.field(name).error("must be between 0 and 1");
        }
        return value;
    }
}
