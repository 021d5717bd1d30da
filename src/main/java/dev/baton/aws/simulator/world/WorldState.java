package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The current world of a running simulator, shared by every service. Readers take an immutable snapshot with
 * {@link #world()} (no lock: a volatile read); writers go through {@link #update} so concurrent writes never lose
 * each other's changes. Also carries the simulator's clock, so every service agrees on "now".
 */
public final class WorldState {
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Clock clock;
    private volatile World current;

    public WorldState(World initial, Clock clock) {
        this.current = requireNonNull(initial, "initial is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** An immutable snapshot of the world right now. */
    public World world() {
        return current;
    }

    public Clock clock() {
        return clock;
    }

    /** Applies {@code change} atomically; a change that throws (e.g. an {@code AwsFault}) leaves the world as it was. */
    public World update(UnaryOperator<World> change) {
        return updateAndGet(world -> {
            World next = change.apply(world);
            return new Change<>(next, next);
        });
    }

    /** Applies a change that also computes a result (e.g. the created entity), atomically. */
    public <T> T updateAndGet(Function<World, Change<T>> change) {
        writeLock.lock();
        try {
            Change<T> result = change.apply(current);
            current = requireNonNull(result.world(), "world is null");
            return result.value();
        } finally {
            writeLock.unlock();
        }
    }

    /** The outcome of a write: the new world and what the caller wants back. */
    public record Change<T>(World world, T value) {}
}
