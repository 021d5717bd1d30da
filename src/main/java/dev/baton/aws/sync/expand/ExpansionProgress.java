package dev.baton.aws.sync.expand;

/** Told after each layer of the expansion, so a long expansion can report progress. */
@FunctionalInterface
public interface ExpansionProgress {
    void layerDone(int layersDone, int layers, long grantsCreated);

    static ExpansionProgress none() {
        return (layersDone, layers, grantsCreated) -> {};
    }
}
