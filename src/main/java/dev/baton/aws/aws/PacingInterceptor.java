package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Attached to every client when it is built: paces each HTTP attempt (including SDK retries) through the rate
 * limiter of the client's service scope, counts attempts, retries and throttles, and feeds throttling responses back
 * into the limiter. Throttling is recognised per attempt from the error code in the response (JSON services put it
 * in {@code x-amzn-ErrorType}; IAM and STS only in the XML body), because the final exception only exists once the
 * SDK has given up retrying.
 */
final class PacingInterceptor implements ExecutionInterceptor {
    private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>("BatonAwsAttempts");
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final ServiceScope scope;
    private final AdaptiveRateLimiter limiter;
    private final AwsCallStats stats;

    PacingInterceptor(ServiceScope scope, AdaptiveRateLimiter limiter, AwsCallStats stats) {
        this.scope = requireNonNull(scope, "scope is null");
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.stats = requireNonNull(stats, "stats is null");
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer attempts = attributes.getAttribute(ATTEMPTS);
        int previous = attempts == null ? 0 : attempts;
        if (previous > 0) {
            stats.recordRetry();
        }
        attributes.putAttribute(ATTEMPTS, previous + 1);
        limiter.acquire();
        stats.recordCall(scope);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
            Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        if (response.isSuccessful()) {
            limiter.onSuccess();
            return context.responseBody();
        }
        Optional<String> errorType = response.firstMatchingHeader("x-amzn-ErrorType");
        if (response.statusCode() == 429
                || errorType.map(PacingInterceptor::isThrottlingType).orElse(false)) {
            throttled();
            return context.responseBody();
        }
        if (context.responseBody().isEmpty()) {
            return Optional.empty();
        }
        byte[] body = read(context.responseBody().get());
        if (isThrottlingBody(new String(body, StandardCharsets.UTF_8))) {
            throttled();
        }
        return Optional.of(new ByteArrayInputStream(body));
    }

    private void throttled() {
        stats.recordThrottled();
        limiter.onThrottled();
    }

    private static boolean isThrottlingType(String headerValue) {
        int colon = headerValue.indexOf(':');
        return AwsErrors.isThrottlingCode(colon < 0 ? headerValue : headerValue.substring(0, colon));
    }

    static boolean isThrottlingBody(String body) {
        for (String code : AwsErrors.throttlingCodes()) {
            if (body.contains("<Code>" + code + "</Code>")
                    || body.contains("\"" + code + "\"")
                    || body.contains("#" + code + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
