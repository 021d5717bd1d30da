package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one read per item on a bounded pool of reader threads and hands the answers to the caller's thread in item
 * order, as a loop over the items would: whatever the consumer does (warnings, indexing) happens in the same order
 * whatever the timing of the reads. The reads only wait on the network (their pace is set by the client's rate
 * limiter), so more readers than cores is the point.
 *
 * <p>Failure: the first read that fails (in time) stops the rest: no reader takes another read, running ones are
 * interrupted, and its exception is rethrown unchanged ({@link SyncException}, runtime exception or error). So do a
 * failing consumer and an interrupt of the caller (which ends in a {@link SyncException}). The pool is shut down
 * before {@link #forEachInOrder} returns or throws. With one reader (or one item) the reads run on the caller's
 * thread, with no pool.
 */
final class ParallelReads {
    /** How long a failed run waits for interrupted readers to leave before it reports the failure anyway. */
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** A read of one item; it runs on a reader thread. */
    @FunctionalInterface
    interface Read<T, R> {
        R read(T item) throws SyncException;
    }

    /** Takes the answer of one item, on the caller's thread, in item order. */
    @FunctionalInterface
    interface Consumer<T, R> {
        void accept(T item, R answer) throws SyncException;
    }

    private ParallelReads() {}

    /**
     * Reads every item with up to {@code readers} reads at once and passes each answer to {@code consumer} in the
     * order of {@code items}, as soon as it and all answers before it are in.
     *
     * @param name names the reader threads ({@code name-<pool>-<n>}) in thread dumps and logs
     */
    static <T, R> void forEachInOrder(List<T> items, int readers, String name, Read<T, R> read, Consumer<T, R> consumer)
            throws SyncException {
        requireNonNull(items, "items is null");
        requireNonNull(name, "name is null");
        requireNonNull(read, "read is null");
        requireNonNull(consumer, "consumer is null");
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be at least 1, was " + readers);
        }
        int threads = Math.min(readers, items.size());
        if (threads <= 1) {
            for (T item : items) {
                consumer.accept(item, read.read(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory(name));
        try {
            readInOrder(items, pool, read, consumer);
        } finally {
            stop(pool);
        }
    }

    private static <T, R> void readInOrder(
            List<T> items, ExecutorService pool, Read<T, R> read, Consumer<T, R> consumer) throws SyncException {
        CompletionService<Answer<R>> done = new ExecutorCompletionService<>(pool);
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            T item = items.get(i);
            done.submit(() -> new Answer<>(index, read.read(item)));
        }
        // answers that arrived before an earlier item's; each leaves as soon as everything before it is consumed
        Map<Integer, Answer<R>> early = new HashMap<>();
        int next = 0;
        for (int received = 0; received < items.size(); received++) {
            Answer<R> answer = take(done, pool);
            early.put(answer.index(), answer);
            for (Answer<R> due = early.remove(next); due != null; due = early.remove(next)) {
                consumer.accept(items.get(next), due.value());
                next++;
            }
        }
    }

    /**
     * The next finished read. A failed one (or an interrupt) stops the pool at once: no reader takes another read,
     * the running ones are interrupted, and the failure is rethrown as it was thrown.
     */
    private static <R> Answer<R> take(CompletionService<Answer<R>> done, ExecutorService pool) throws SyncException {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted while reading in parallel", e);
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw rethrow(e.getCause());
        }
    }

    private static SyncException rethrow(Throwable cause) {
        if (cause instanceof SyncException e) {
            return e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new SyncException(String.valueOf(cause), cause);
    }

    /**
     * Drops the reads not started, interrupts the running ones and waits for the readers to leave (up to
     * {@value #SHUTDOWN_WAIT_SECONDS} s, for a call that does not answer its interrupt at once; the threads are
     * daemons and end with that call).
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        // an interrupted caller still waits for its readers (its interrupt is what stopped them), then keeps its flag
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS);
        while (!pool.isTerminated()) {
            try {
                pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threadFactory(String name) {
        String prefix = name + "-" + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Answer<R>(int index, R value) {}
}
