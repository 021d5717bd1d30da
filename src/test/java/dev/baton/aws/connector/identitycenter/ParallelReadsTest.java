package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.spi.SyncException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ParallelReads}: answers in item order on the caller's thread, failures as thrown, interrupts honoured. */
class ParallelReadsTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    @Test
    void answersReachTheConsumerInItemOrderOnTheCallersThread() throws SyncException {
        Thread caller = Thread.currentThread();
        List<String> consumed = new ArrayList<>();
        ParallelReads.forEachInOrder(
                ITEMS,
                6,
                "test-reader",
                item -> {
                    pause(ThreadLocalRandom.current().nextInt(3));
                    return "answer " + item + " on " + Thread.currentThread().getName();
                },
                (item, answer) -> {
                    assertSame(caller, Thread.currentThread());
                    assertTrue(answer.startsWith("answer " + item + " on test-reader-"), answer);
                    consumed.add(answer.substring(0, answer.indexOf(" on ")));
                });
        assertEquals(ITEMS.stream().map(item -> "answer " + item).toList(), consumed);
    }

    @Test
    void oneReaderReadsOnTheCallersThread() throws SyncException {
        Thread caller = Thread.currentThread();
        List<Integer> consumed = new ArrayList<>();
        ParallelReads.forEachInOrder(
                ITEMS,
                1,
                "test-reader",
                item -> {
                    assertSame(caller, Thread.currentThread());
                    return item;
                },
                (item, answer) -> consumed.add(answer));
        assertEquals(ITEMS, consumed);
    }

    @Test
    void aRuntimeFailureOfARead_andAFailingConsumer_areRethrownAsThrown() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(
                bug,
                assertThrows(
                        IllegalStateException.class,
                        () -> ParallelReads.forEachInOrder(
                                ITEMS,
                                4,
                                "test-reader",
                                item -> {
                                    if (item == 50) {
                                        throw bug;
                                    }
                                    return item;
                                },
                                (item, answer) -> {})));
        SyncException stop = new SyncException("stop");
        assertSame(
                stop,
                assertThrows(
                        SyncException.class,
                        () -> ParallelReads.forEachInOrder(ITEMS, 4, "test-reader", item -> item, (item, answer) -> {
                            if (item == 10) {
                                throw stop;
                            }
                        })));
    }

    @Test
    void anInterruptedCallerStopsTheReadersAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch reading = new CountDownLatch(2);
        AtomicInteger interruptedReads = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                ParallelReads.forEachInOrder(
                        ITEMS,
                        2,
                        "test-reader",
                        item -> {
                            reading.countDown();
                            try {
                                pause(TimeUnit.MINUTES.toMillis(1));
                            } catch (SyncException e) {
                                interruptedReads.incrementAndGet();
                                throw e;
                            }
                            return item;
                        },
                        (item, answer) -> {});
            } catch (Throwable e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        caller.interrupt();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> caller.join());

        assertTrue(thrown.get() instanceof SyncException, String.valueOf(thrown.get()));
        assertTrue(flag.get(), "the caller's interrupt flag is kept");
        assertEquals(2, interruptedReads.get(), "both running reads were interrupted");
    }

    private static void pause(long millis) throws SyncException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted", e);
        }
    }
}
