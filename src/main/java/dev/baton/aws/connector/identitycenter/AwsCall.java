package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsGateway;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How Identity Center code turns the run's {@link AwsGateway} answers into sync results: a failure that stops the
 * sync becomes a {@link SyncException} with the gateway's message, and a {@code NextToken} listing is read page by
 * page through the gateway until {@link AwsPaging} says it ended.
 */
final class AwsCall {
    private AwsCall() {}

    /** Sends {@code request} through {@code gateway}; every failure stops the sync. */
    static <T> T require(AwsGateway gateway, AwsOperation operation, Supplier<T> request) throws SyncException {
        try {
            return gateway.call(operation, request);
        } catch (AwsCallException e) {
            throw failure(e);
        }
    }

    /** The call's own message: {@code sso:ListPermissionSets on arn:… : ThrottlingException}. */
    static SyncException failure(AwsCallException e) {
        return new SyncException(e.getMessage(), e);
    }

    /** Upstream's message prefix ({@code baton-aws: <what>: }) plus the call context and AWS's own explanation. */
    static SyncException failure(String what, AwsCallException e) {
        return new SyncException("baton-aws: " + what + ": " + e.messageWithAwsExplanation(), e);
    }

    /** The SDK's message of the failure behind {@code e} (upstream texts quote it), else the call's message. */
    static String sdkMessage(AwsCallException e) {
        return e.getCause() != null ? String.valueOf(e.getCause().getMessage()) : e.getMessage();
    }

    /**
     * Every item of a {@code NextToken} listing, all pages.
     *
     * @param request the page asked with a token (null for the first page)
     */
    static <R, T> List<T> all(
            AwsGateway gateway,
            AwsOperation operation,
            Function<String, R> request,
            Function<R, List<T>> items,
            Function<R, String> nextToken)
            throws AwsCallException {
        List<T> all = new ArrayList<>();
        pages(gateway, operation, request, nextToken, page -> {
            all.addAll(items.apply(page));
            return true;
        });
        return all;
    }

    /**
     * Reads the pages of a {@code NextToken} listing in order and hands each to {@code onPage}, which returns false
     * to stop early. The listing ends where {@link AwsPaging#nextToken} says it does, and also on a token handed
     * out before (a cycle would otherwise never end).
     */
    static <R> void pages(
            AwsGateway gateway,
            AwsOperation operation,
            Function<String, R> request,
            Function<R, String> nextToken,
            Predicate<R> onPage)
            throws AwsCallException {
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            String asked = token;
            R page = gateway.call(operation, () -> request.apply(asked));
            if (!onPage.test(page)) {
                return;
            }
            token = AwsPaging.nextToken(nextToken.apply(page), asked);
        } while (token != null && seen.add(token));
    }
}
