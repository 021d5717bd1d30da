package dev.baton.aws.simulator.world;

/** A malformed world file; the message names the JSON path and the problem, e.g. {@code $.accounts[2].id: ...}. */
public final class WorldFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorldFileException(String path, String problem) {
        super(path + ": " + problem, null, false, false);
    }
}
