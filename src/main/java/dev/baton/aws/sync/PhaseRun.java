package dev.baton.aws.sync;

import dev.baton.aws.spi.SyncException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * Runs the units of one phase on a bounded set of worker threads. Workers never touch the store: they put pages
 * on the writer's bounded queue, and the engine's thread drains it. A worker takes, in this order, the next page
 * of a listing in progress, a newly discovered listing, then the next seed; so with one worker the order is fully
 * determined by the syncers' output. The phase is finished when nothing is queued and no unit is running.
 */
final class PhaseRun {
    private final Object lock = new Object();
    private final BlockingQueue<WriteBatch> output;
    private final List<TypeSeeds> seeds;
    private final List<Thread> threads = new ArrayList<>();
    private final Deque<WorkUnit> nextPages = new ArrayDeque<>();
    private final Deque<WorkUnit> discovered = new ArrayDeque<>();
    private final Map<String, Integer> runningByType = new HashMap<>();
    private int seedIndex;
    private int running;
    private boolean finished;
    private boolean cancelled;
    /** The worker that found the phase finished; it alone queues the {@link WriteBatch.PhaseEnd}. */
    private Thread announcer;
    private SyncException failure;

    PhaseRun(List<TypeSeeds> seeds, BlockingQueue<WriteBatch> output) {
        this.seeds = List.copyOf(seeds);
        this.output = output;
    }

    void start(int workers, String phaseName) {
        for (int worker = 0; worker < workers; worker++) {
            Thread thread = new Thread(this::work, "sync-" + phaseName + "-" + worker);
            thread.setDaemon(true); // a syncer stuck in a call must not keep the JVM alive after a failure
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    boolean isFinished() {
        synchronized (lock) {
            return finished;
        }
    }

    /** The first failure of any unit, or null. */
    SyncException failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** Stops handing out work and interrupts the workers (those blocked on the writer's queue leave at once). */
    void cancel() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
        threads.forEach(Thread::interrupt);
    }

    /** Resource types with no seed left and no unit running or waiting. */
    int typesDone() {
        synchronized (lock) {
            int done = 0;
            for (int index = 0; index < seeds.size(); index++) {
                String type = seeds.get(index).resourceTypeId();
                boolean seeded = index < seedIndex || (index == seedIndex && !seeds.get(index).units().hasNext());
                if (seeded && runningByType.getOrDefault(type, 0) == 0) {
                    done++;
                }
            }
            return done;
        }
    }

    private void work() {
        Context context = new Context();
        while (true) {
            WorkUnit unit;
            try {
                unit = take();
            } catch (RuntimeException e) { // a seed that cannot be produced
                fail(new SyncException("preparing the next unit of work failed: " + e, e));
                return;
            }
            if (unit == null) {
                announceEnd();
                return;
            }
            try {
                unit.run(context);
            } catch (InterruptedException e) {
                if (!isCancelled()) { // not our cancellation: the unit did not finish, so the phase must not either
                    fail(new SyncException(unit.describe() + ": interrupted", e));
                }
                return;
            } catch (SyncException e) {
                fail(e);
            } catch (RuntimeException | Error e) { // a dead worker must fail the phase, not shorten it silently
                fail(new SyncException(unit.describe() + ": " + e, e));
            } finally {
                done(unit);
            }
        }
    }

    private boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    private WorkUnit take() {
        synchronized (lock) {
            while (true) {
                if (cancelled || failure != null) {
                    return null;
                }
                WorkUnit unit = nextUnit();
                if (unit != null) {
                    running++;
                    return unit;
                }
                if (running == 0) {
                    if (!finished) {
                        finished = true;
                        announcer = Thread.currentThread();
                    }
                    lock.notifyAll();
                    return null;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    return null;
                }
            }
        }
    }

    /** Called with the lock held. */
    private WorkUnit nextUnit() {
        if (!nextPages.isEmpty()) {
            return nextPages.pollFirst();
        }
        if (!discovered.isEmpty()) {
            return discovered.pollFirst();
        }
        while (seedIndex < seeds.size()) {
            TypeSeeds current = seeds.get(seedIndex);
            if (current.units().hasNext()) {
                WorkUnit seed = current.units().next();
                runningByType.merge(seed.resourceTypeId(), 1, Integer::sum);
                return seed;
            }
            seedIndex++;
        }
        return null;
    }

    private void done(WorkUnit unit) {
        synchronized (lock) {
            running--;
            runningByType.merge(unit.resourceTypeId(), -1, Integer::sum);
            lock.notifyAll();
        }
    }

    private void fail(SyncException e) {
        synchronized (lock) {
            if (failure == null) {
                failure = e;
            }
            lock.notifyAll();
        }
        output.offer(new WriteBatch.PhaseEnd()); // best effort: a full queue is being drained anyway
    }

    /** Outside the lock: the writer may be waiting for the lock in {@link #typesDone()} while the queue is full. */
    private void announceEnd() {
        boolean mine;
        synchronized (lock) {
            mine = announcer == Thread.currentThread() && !cancelled;
        }
        if (mine) {
            try {
                output.put(new WriteBatch.PhaseEnd());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Context implements WorkUnit.Context {
        @Override
        public void write(WriteBatch batch) throws InterruptedException {
            output.put(batch);
        }

        @Override
        public void continueWith(WorkUnit nextPage) {
            enqueue(nextPages, nextPage, true);
        }

        @Override
        public void schedule(WorkUnit unit) {
            enqueue(discovered, unit, false);
        }

        private void enqueue(Deque<WorkUnit> queue, WorkUnit unit, boolean first) {
            synchronized (lock) {
                runningByType.merge(unit.resourceTypeId(), 1, Integer::sum);
                if (first) {
                    queue.addFirst(unit);
                } else {
                    queue.addLast(unit);
                }
                lock.notifyAll();
            }
        }
    }
}
