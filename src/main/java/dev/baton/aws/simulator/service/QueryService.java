package dev.baton.aws.simulator.service;

import java.util.Map;
import java.util.Set;

/**
 * An awsQuery service (IAM, STS), chosen by the request's {@code Version}. The server applies the same gate as for
 * {@link JsonService}: caller resolution, deny list ({@code <statsPrefix>:<Action>} → 403 {@code AccessDenied}),
 * rate scope (throttling → 400 {@code Throttling}), random 5xx, stats.
 */
public interface QueryService {
    /** The API version that selects this service, e.g. {@code 2010-05-08}. */
    String version();

    /** The XML namespace of replies, e.g. {@code https://iam.amazonaws.com/doc/2010-05-08/}. */
    String namespace();

    /** E.g. {@code iam}; also the IAM action prefix for deny checks. */
    String statsPrefix();

    String rateScope(Caller caller);

    Map<String, QueryAction> actions();

    /** Actions AWS serves without a signature (the request itself carries the proof); they run as no one. */
    default Set<String> unsignedActions() {
        return Set.of();
    }
}
