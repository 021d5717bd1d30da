package dev.baton.aws.sync.expand;

/**
 * What one expansion run did.
 *
 * @param edges            distinct source → destination edges loaded from expandable grants
 * @param droppedEdges     edges dropped because their source entitlement is not in the store
 * @param collapsedCycles  cycles (strongly connected components, self-loops included) merged into one node
 * @param depth            length of the longest path after collapsing cycles
 * @param grantsCreated    new grants, each carrying {@code GrantImmutable}
 * @param grantsUpdated    rewrites of grants already in the store (direct grants given their sources, earlier
 *                         expanded grants reached from one more source)
 */
public record ExpansionResult(
        long edges, long droppedEdges, long collapsedCycles, int depth, long grantsCreated, long grantsUpdated) {
    public static ExpansionResult none() {
        return new ExpansionResult(0, 0, 0, 0, 0, 0);
    }
}
