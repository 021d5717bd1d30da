package dev.baton.aws.sync.expand;

/** Told after each destination entitlement and each layer of the expansion, so a long one can report progress. */
@FunctionalInterface
public interface ExpansionProgress {
    void layerDone(int layersDone, int layers, long grantsCreated);

    static ExpansionProgress none() {
        return (layersDone, layers, grantsCreated) -> {};
    }
}
