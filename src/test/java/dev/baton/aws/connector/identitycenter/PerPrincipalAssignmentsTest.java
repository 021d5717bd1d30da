package dev.baton.aws.connector.identitycenter;

import static dev.baton.aws.connector.identitycenter.SparseAnswers.INSTANCE;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncMemo;
import dev.baton.aws.testing.FakeAwsClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalResponse;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;

/**
 * {@link PerPrincipalAssignments} reads principals several at once and builds the same index, with the same
 * warnings, as reading them one after the other; a principal whose listing fails stops the build.
 */
class PerPrincipalAssignmentsTest {
    private static final int ACCOUNTS = 7;
    private static final int PERMISSION_SETS = 5;
    private static final int PAGES = 3;
    private static final IdentityCenterInstance INSTANCE_OF_STORE =
            new IdentityCenterInstance(SparseAnswers.REGION, INSTANCE, STORE);

    /** Every principal's assignments over {@link #PAGES} pages, answered after {@code beforeAnswer} ran. */
    private static final class Listings extends SparseAnswers.OneInstance {
        final AtomicInteger calls = new AtomicInteger();
        private final Consumer<ListAccountAssignmentsForPrincipalRequest> beforeAnswer;

        Listings(Consumer<ListAccountAssignmentsForPrincipalRequest> beforeAnswer) {
            this.beforeAnswer = beforeAnswer;
        }

        @Override
        public ListAccountAssignmentsForPrincipalResponse listAccountAssignmentsForPrincipal(
                ListAccountAssignmentsForPrincipalRequest request) {
            calls.incrementAndGet();
            beforeAnswer.accept(request);
            int principal = Integer.parseInt(request.principalId().substring(2));
            int page = request.nextToken() == null ? 1 : Integer.parseInt(request.nextToken());
            List<AccountAssignmentForPrincipal> entries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = principal * 7 + page * 3 + i;
                entries.add(AccountAssignmentForPrincipal.builder()
                        .accountId(account(n % ACCOUNTS))
                        .permissionSetArn(permissionSet(n % PERMISSION_SETS))
                        .principalType(request.principalTypeAsString())
                        .principalId(request.principalId())
                        .build());
            }
            // what AWS may add for a user: the assignment of a group it belongs to, naming the group
            entries.add(AccountAssignmentForPrincipal.builder()
                    .accountId(account(principal % ACCOUNTS))
                    .permissionSetArn(permissionSet(0))
                    .principalType("GROUP")
                    .principalId("g-" + principal % 4)
                    .build());
            if (principal % 5 == 0) {
                entries.add(AccountAssignmentForPrincipal.builder()
                        .permissionSetArn(permissionSet(page))
                        .build());
            }
            return ListAccountAssignmentsForPrincipalResponse.builder()
                    .accountAssignments(entries)
                    .nextToken(page < PAGES ? String.valueOf(page + 1) : null)
                    .build();
        }
    }

    private static List<Assignment> principals(int count) {
        List<Assignment> principals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            principals.add(new Assignment(i % 3 == 0 ? "GROUP" : "USER", "p-" + i));
        }
        return principals;
    }

    private static String account(int n) {
        return String.format("%012d", 100000000000L + n);
    }

    private static String permissionSet(int n) {
        return "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-" + n;
    }

    private record Built(Map<String, List<Assignment>> byPair, List<String> warnings) {}

    private static Built build(Listings listings, List<Assignment> principals, int readers) throws SyncException {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        PerPrincipalAssignments index = PerPrincipalAssignments.build(
                new FakeAwsClients().ssoAdmin(listings),
                INSTANCE_OF_STORE,
                principals,
                readers,
                warnings::add,
                new AssignmentMemo(SyncMemo.NONE));
        Map<String, List<Assignment>> byPair = new LinkedHashMap<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            for (int p = 0; p < PERMISSION_SETS; p++) {
                byPair.put(
                        a + "/" + p,
                        index.read(account(a), permissionSet(p), "").assignments());
            }
        }
        return new Built(byPair, List.copyOf(warnings));
    }

    @Test
    void readsSeveralPrincipalsAtOnce() {
        int readers = 4;
        CountDownLatch allInside = new CountDownLatch(readers);
        Listings listings = new Listings(request -> {
            allInside.countDown();
            try {
                // one after the other, the first caller would wait here alone until the timeout
                if (!allInside.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("fewer than " + readers + " calls were in flight at once");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Built built = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> build(listings, principals(readers * 3), readers));
        assertEquals(readers * 3 * PAGES, listings.calls.get());
        assertFalse(built.byPair().values().stream().allMatch(List::isEmpty));
    }

    @Test
    void parallelReadingBuildsTheSameIndexAndWarningsAsOneAfterTheOther() throws SyncException {
        List<Assignment> principals = principals(300);
        Built sequential = build(new Listings(request -> {}), principals, 1);
        Built parallel = build(new Listings(request -> sleepUpTo(3)), principals, 8);

        assertEquals(sequential, parallel, "same pairs, same principals in the same order, same warnings");
        assertEquals(sequential.byPair().keySet(), parallel.byPair().keySet());
        assertTrue(
                sequential.byPair().values().stream().mapToInt(List::size).sum() > 300,
                "every principal is assigned somewhere");
        assertEquals(
                60 * PAGES,
                sequential.warnings().size(),
                "one entry without an account per page of every " + "fifth principal: "
                        + sequential.warnings().subList(0, 2));
    }

    @Test
    void aFailingPrincipalFailsTheBuildAndStopsTheOthers() throws InterruptedException {
        CountDownLatch failed = new CountDownLatch(1);
        Listings listings = new Listings(request -> {
            if (request.principalId().equals("p-3")) {
                failed.countDown();
                throw SsoAdminException.builder()
                        .statusCode(400)
                        .message("not allowed")
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("AccessDeniedException")
                                .errorMessage("not allowed")
                                .build())
                        .build();
            }
            try {
                failed.await(); // the others are still in flight when p-3 fails
                Thread.sleep(TimeUnit.MINUTES.toMillis(1)); // until the failure interrupts them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        SyncException e = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThrows(SyncException.class, () -> build(listings, principals(1000), 4)));

        assertTrue(e.getMessage().contains("p-3"), e.getMessage());
        assertTrue(e.getMessage().contains("AccessDenied"), e.getMessage());
        assertTrue(listings.calls.get() <= 8, "the principals not started are never read: " + listings.calls);
        assertTrue(noReaderThreadWithin(Duration.ofSeconds(2)), "no reader thread is left");
    }

    /** The pool has terminated when the build throws; a thread may take a moment more to leave the JVM's list. */
    private static boolean noReaderThreadWithin(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("sso-assignment-reader"))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static void sleepUpTo(int millis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(millis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
