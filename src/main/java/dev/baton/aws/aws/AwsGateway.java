package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one way the connector calls AWS. Every call names its {@link AwsOperation}; an SDK failure comes back as an
 * {@link AwsCallException} whose {@link ErrorKind} says what the caller may do with it (skip the object, fail the
 * sync). Throttling and transient failures that outlast the SDK's own attempts are retried here, with growing pauses,
 * until the call's {@link RetryBudget} is spent; the client's rate limiter slows its scope on every throttled
 * attempt, so retries go out at the pace AWS accepts. Connectors never catch {@code SdkException} themselves.
 */
public final class AwsGateway {
    private static final Logger log = LoggerFactory.getLogger(AwsGateway.class);

    /** Waits between retries; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryBudget retry;
    private final Pause pause;
    private final LongSupplier nanoTime;

    public AwsGateway(RetryBudget retry, Pause pause, LongSupplier nanoTime) {
        this.retry = requireNonNull(retry, "retry is null");
        this.pause = requireNonNull(pause, "pause is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    /** A gateway that sleeps for real, with {@code retry} as every call's budget. */
    public static AwsGateway withBudget(RetryBudget retry) {
        return new AwsGateway(retry, duration -> Thread.sleep(duration.toMillis()), System::nanoTime);
    }

    /** A gateway that relies on the SDK's attempts alone: what test fakes of {@link AwsClients} get by default. */
    public static AwsGateway sdkAttemptsOnly() {
        return withBudget(RetryBudget.sdkAttemptsOnly());
    }

    public RetryBudget retryBudget() {
        return retry;
    }

    /**
     * Sends {@code request}; retries it while it fails with a retryable kind and the budget lasts.
     *
     * @throws AwsCallException the call's failure, classified; for a retryable failure that outlasted the budget,
     *                          one whose message names the operation, the account and the budget
     */
    public <T> T call(AwsOperation operation, Supplier<T> request) throws AwsCallException {
        requireNonNull(operation, "operation is null");
        return call(operation, request, e -> AwsErrors.wrap(operation, e));
    }

    /**
     * As {@link #call(AwsOperation, Supplier)}, with the caller's own wording of a failure ({@code describe} must
     * keep {@link AwsErrors#classify}'s kind, which decides whether the call is retried).
     */
    public <T> T call(AwsOperation operation, Supplier<T> request, Function<SdkException, AwsCallException> describe)
            throws AwsCallException {
        requireNonNull(operation, "operation is null");
        requireNonNull(describe, "describe is null");
        long start = nanoTime.getAsLong();
        for (int retryNumber = 1; ; retryNumber++) {
            AwsCallException failure;
            try {
                return request.get();
            } catch (SdkException e) {
                failure = describe.apply(e);
            }
            if (!failure.kind().retryable() || !retry.enabled()) {
                throw failure;
            }
            Duration wait = jittered(retry.backoff(retryNumber));
            Duration spent = Duration.ofNanos(nanoTime.getAsLong() - start);
            if (spent.plus(wait).compareTo(retry.budget()) > 0) {
                throw AwsErrors.budgetSpent(operation, failure, retry.budget(), retryNumber);
            }
            log.debug(
                    "{} failed with {} ({}); retry {} in {} ms",
                    operation.action(),
                    failure.errorCode(),
                    failure.kind(),
                    retryNumber,
                    wait.toMillis());
            sleep(operation, failure, wait);
        }
    }

    private void sleep(AwsOperation operation, AwsCallException failure, Duration wait) throws AwsCallException {
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallException(
                    operation, failure.kind(), failure.errorCode(), "interrupted while waiting to retry", failure);
        }
    }

    /** Half fixed, half random, so that workers throttled together do not retry together. */
    private static Duration jittered(Duration base) {
        long half = base.toMillis() / 2;
        return Duration.ofMillis(
                half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }
}
