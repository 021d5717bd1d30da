package dev.baton.aws.sync;

import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

/**
 * Runs every listing of a sync on a bounded set of worker threads, without barriers between resources,
 * entitlements and grants: the entitlement and grant listings of a resource may start as soon as the writer has
 * written it (which unit runs next: {@link WorkQueues}). That keeps a slow service busy while another one is still
 * listing resources; the writer defers the checks that need the whole sync (see {@link SyncWriter}).
 *
 * <p>Workers never touch the store: they put pages on the writer's bounded queue, and the engine's thread drains
 * it and hands back the listings that written resources start ({@link #pageWritten}). The run is finished when
 * nothing is queued, no unit is running and no page waits to be written.
 */
final class WorkScheduler {
    private final Object lock = new Object();
    private final BlockingQueue<WriteBatch> output;
    private final WorkQueues queues;
    private final List<Thread> threads = new ArrayList<>();
    private int running;
    private boolean finished;
    private boolean cancelled;
    /** The worker that found the run finished; it alone queues the {@link WriteBatch.PhaseEnd}. */
    private Thread announcer;

    private SyncException failure;

    /**
     * @param seeds the top-level resource listings, one per synced type, in the order to start them
     * @param accountTypes resource types whose resources count as accounts ({@link SyncOptions#accountTypes()})
     */
    WorkScheduler(
            List<WorkUnit> seeds, int waitingGrantsLimit, Set<String> accountTypes, BlockingQueue<WriteBatch> output) {
        this.output = output;
        this.queues = new WorkQueues(seeds, waitingGrantsLimit, accountTypes);
    }

    /**
     * Before {@link #start}: the listings a continued sync still has to run (checkpoint of an earlier run), besides
     * the seeds: resource listings as if discovered, entitlement and grant listings as if their resource had just
     * been written.
     */
    void resume(List<WorkUnit> units) {
        synchronized (lock) {
            for (WorkUnit unit : units) {
                if (unit.kind() == WorkKind.RESOURCES) {
                    queues.addDiscovered(unit);
                } else {
                    queues.addFollowUp(unit);
                }
            }
        }
    }

    void start(int workers) {
        for (int worker = 0; worker < workers; worker++) {
            Thread thread = new Thread(this::work, "sync-worker-" + worker);
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

    /** True once no resource or entitlement can be written any more: every check the writer defers can be made. */
    /** See {@link WorkQueues#finishedTypes()}. */
    List<String> finishedTypes() {
        synchronized (lock) {
            return queues.finishedTypes();
        }
    }

    boolean resourcesAndEntitlementsSettled() {
        synchronized (lock) {
            return queues.resourcesAndEntitlementsSettled();
        }
    }

    SyncPhase currentPhase() {
        synchronized (lock) {
            return queues.currentPhase();
        }
    }

    int typesDone() {
        synchronized (lock) {
            return queues.typesDone();
        }
    }

    int typesTotal() {
        synchronized (lock) {
            return queues.typesTotal();
        }
    }

    /** Pages of listings done, and queued or running: how far the listing is, for an estimate of what is left. */
    long[] unitsDoneAndPending() {
        synchronized (lock) {
            return new long[] {queues.unitsDone(), queues.unitsPending()};
        }
    }

    /** Accounts with no work left, and accounts listed so far ({@link AccountTally}). */
    int[] accountsDoneAndTotal() {
        synchronized (lock) {
            return new int[] {queues.accountsDone(), queues.accountsTotal()};
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

    /**
     * The writer wrote {@code page}; {@code started} are the listings its resources start, and
     * {@code waitingGrants} the grants it keeps until it can check them. All under one lock, so the run cannot look
     * finished in between.
     */
    void pageWritten(WriteBatch page, Collection<WorkUnit> started, int waitingGrants) {
        synchronized (lock) {
            started.forEach(queues::addFollowUp);
            queues.pageWritten(page, waitingGrants);
            if (running == 0 && queues.drained()) {
                finished = true;
            }
            lock.notifyAll();
        }
    }

    private void work() {
        Context context = new Context();
        while (true) {
            WorkUnit unit = take();
            if (unit == null) {
                announceEnd();
                return;
            }
            try {
                unit.run(context);
            } catch (InterruptedException e) {
                if (!isCancelled()) { // not our cancellation: the unit did not finish, so the run must not either
                    fail(new SyncException(unit.describe() + ": interrupted", e));
                }
                return;
            } catch (SyncException e) {
                fail(e);
            } catch (RuntimeException | Error e) { // a dead worker must fail the run, not shorten it silently
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
                if (cancelled || failure != null || finished) {
                    return null;
                }
                WorkUnit unit = queues.next();
                if (unit != null) {
                    running++;
                    return unit;
                }
                if (running == 0 && queues.drained()) {
                    finished = true;
                    announcer = Thread.currentThread();
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

    private void done(WorkUnit unit) {
        synchronized (lock) {
            running--;
            queues.done(unit);
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

    /** Outside the lock: the writer may be waiting for the lock while the queue is full. */
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

    /** The kind of work a page comes from. */
    static WorkKind kindOf(WriteBatch page) {
        if (page instanceof WriteBatch.Resources) {
            return WorkKind.RESOURCES;
        }
        if (page instanceof WriteBatch.Entitlements) {
            return WorkKind.ENTITLEMENTS;
        }
        if (page instanceof WriteBatch.Grants) {
            return WorkKind.GRANTS;
        }
        throw new IllegalArgumentException("not a page: " + page);
    }

    private final class Context implements WorkUnit.Context {
        @Override
        public void write(WriteBatch batch) throws InterruptedException {
            synchronized (lock) {
                queues.pageQueued(batch);
            }
            output.put(batch);
        }

        @Override
        public void childrenScheduled(WriteBatch.Resources page) {
            synchronized (lock) {
                queues.childrenScheduled(page);
                lock.notifyAll();
            }
        }

        @Override
        public void continueWith(WorkUnit nextPage) {
            synchronized (lock) {
                queues.addNextPage(nextPage);
                lock.notifyAll();
            }
        }

        @Override
        public void schedule(WorkUnit unit) {
            synchronized (lock) {
                queues.addDiscovered(unit);
                lock.notifyAll();
            }
        }
    }
}
