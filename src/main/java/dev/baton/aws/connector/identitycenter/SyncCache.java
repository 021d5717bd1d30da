package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-sync cache with single-flight loading: when several engine threads ask for the same key at once, one of
 * them calls AWS and the others wait for its answer, so an object is fetched once per sync. A failed load is
 * forgotten (the failure stops the sync anyway, and a later run must not inherit it).
 */
final class SyncCache<K, V> {
    @FunctionalInterface
    interface Loader<K, V> {
        V load(K key) throws SyncException;
    }

    private final ConcurrentHashMap<K, CompletableFuture<V>> entries = new ConcurrentHashMap<>();
    private final Loader<K, V> loader;

    SyncCache(Loader<K, V> loader) {
        this.loader = requireNonNull(loader, "loader is null");
    }

    V get(K key) throws SyncException {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = entries.putIfAbsent(key, mine);
        if (existing != null) {
            return await(existing);
        }
        try {
            V value = loader.load(key);
            mine.complete(value);
            return value;
        } catch (SyncException | RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V await(CompletableFuture<V> future) throws SyncException {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SyncException sync) {
                throw new SyncException(sync.getMessage(), sync);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
