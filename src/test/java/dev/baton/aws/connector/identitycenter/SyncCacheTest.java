package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SyncCacheTest {
    @Test
    void concurrentReadersOfOneKeyShareOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loaderEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncCache<String, String> cache = new SyncCache<>(key -> {
            loads.incrementAndGet();
            loaderEntered.countDown();
            await(release);
            return key.toUpperCase();
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> cache.get("a")));
            assertEquals(true, loaderEntered.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> cache.get("a")));
            }
            release.countDown();
            for (Future<String> answer : answers) {
                assertEquals("A", answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, loads.get());
        assertEquals("A", cache.get("a"));
        assertEquals(1, loads.get());
    }

    @Test
    void failedLoadIsNotCached() throws SyncException {
        AtomicInteger attempts = new AtomicInteger();
        SyncCache<String, Integer> cache = new SyncCache<>(key -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SyncException("sso:DescribePermissionSet on " + key + ": ThrottlingException");
            }
            return 42;
        });
        SyncException failure = assertThrows(SyncException.class, () -> cache.get("ps-1"));
        assertEquals("sso:DescribePermissionSet on ps-1: ThrottlingException", failure.getMessage());
        assertEquals(42, cache.get("ps-1"));
        assertEquals(2, attempts.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
