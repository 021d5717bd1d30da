package dev.baton.aws.simulator.service;

import java.util.Map;

/**
 * A JSON 1.1 AWS service plugged into {@code SimulatorServer}. The server routes a request whose
 * {@code X-Amz-Target} is {@code <targetPrefix>.<Operation>} to {@code actions().get(Operation)} and, before that:
 * <ul>
 *   <li>resolves the {@link Caller} (unknown key → {@code UnrecognizedClientException}, expired session →
 *       {@code ExpiredTokenException});</li>
 *   <li>refuses the call with {@code AccessDeniedException} (HTTP 400) when the caller's deny list matches
 *       {@code <statsPrefix>:<Operation>}, so {@code statsPrefix} must be the IAM action prefix
 *       ({@code organizations}, {@code sso}, {@code identitystore}, {@code cloudtrail});</li>
 *   <li>applies latency, the token bucket named by {@link #rateScope} (over the rate → {@link #throttlingCode()},
 *       HTTP 400) and random 500s, counting calls as {@code <statsPrefix>:<Operation>}.</li>
 * </ul>
 * An unknown operation answers {@code UnknownOperationException}. Services read the world from the shared
 * {@code WorldState} they were built with: the page size is {@code state.world().limits().pageSize("ssoAdmin")}
 * (keys {@code organizations}, {@code ssoAdmin}, {@code identityStore}, {@code cloudtrail}), "now" is
 * {@code state.clock()}. Paging tokens: {@link PageTokens}; slicing: {@link Page}.
 */
public interface JsonService {
    /** E.g. {@code AWSOrganizationsV20161128}. */
    String targetPrefix();

    /** E.g. {@code organizations}; stats keys are {@code organizations:ListAccounts}. */
    String statsPrefix();

    /** The rate-limit bucket for this caller, e.g. {@code identityCenter} (shared by SSO Admin and Identity Store). */
    String rateScope(Caller caller);

    /** E.g. {@code TooManyRequestsException} or {@code ThrottlingException}. */
    String throttlingCode();

    /** Operation name → handler. */
    Map<String, JsonAction> actions();
}
