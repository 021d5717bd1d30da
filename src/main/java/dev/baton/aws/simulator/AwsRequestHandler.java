package dev.baton.aws.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.fault.FaultGate;
import dev.baton.aws.simulator.fault.NetworkFault;
import dev.baton.aws.simulator.fault.Verdict;
import dev.baton.aws.simulator.protocol.JsonProtocol;
import dev.baton.aws.simulator.protocol.QueryProtocol;
import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.ReplyTransport;
import dev.baton.aws.simulator.protocol.SigV4Authorization;
import dev.baton.aws.simulator.protocol.SigV4Verifier;
import dev.baton.aws.simulator.service.AwsFault;
import dev.baton.aws.simulator.service.Caller;
import dev.baton.aws.simulator.service.CallerResolver;
import dev.baton.aws.simulator.service.IdentityPolicyCheck;
import dev.baton.aws.simulator.service.JsonAction;
import dev.baton.aws.simulator.service.JsonService;
import dev.baton.aws.simulator.service.QueryAction;
import dev.baton.aws.simulator.service.QueryService;
import dev.baton.aws.simulator.service.SigningSecret;
import dev.baton.aws.simulator.world.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every AWS call on {@code /}: awsQuery form posts go to IAM or STS by {@code Version} (the SDK drops the
 * endpoint path, so the path cannot tell them apart), requests with {@code X-Amz-Target} to the JSON service
 * owning the target prefix. Every call passes the same gate, in AWS's order: authenticate, throttle (and injected
 * 5xx), authorize (deny list, then the enforced policies of the caller's role), act; each step is counted in {@link CallStats}.
 */
final class AwsRequestHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AwsRequestHandler.class);
    private static final String TARGET = "X-Amz-Target";

    private final Map<String, QueryService> queryServices = new LinkedHashMap<>();
    private final Map<String, JsonService> jsonServices = new LinkedHashMap<>();
    private final CallerResolver callers;
    private final IdentityPolicyCheck policies;
    private final FaultGate gate;
    private final CallStats stats;
    private final ReplySettings replies;

    AwsRequestHandler(
            List<QueryService> query,
            List<JsonService> json,
            CallerResolver callers,
            IdentityPolicyCheck policies,
            FaultGate gate,
            CallStats stats,
            ReplySettings replies) {
        query.forEach(service -> queryServices.put(service.version(), service));
        for (JsonService service : json) {
            if (jsonServices.putIfAbsent(service.targetPrefix(), service) != null) {
                throw new IllegalArgumentException("two JSON services for target prefix " + service.targetPrefix());
            }
        }
        this.callers = requireNonNull(callers, "callers is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.replies = requireNonNull(replies, "replies is null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            NetworkFault fault = replies.networkFaults().next();
            ReplyTransport.plan(exchange, new ReplyTransport.Plan(fault, replies.slowBodyDelayMs()));
            String target = exchange.getRequestHeaders().getFirst(TARGET);
            if (target != null) {
                serveJson(exchange, target);
            } else if ("POST".equals(exchange.getRequestMethod())) {
                serveQuery(exchange);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (RuntimeException e) {
            // a bug in a handler must not leave the SDK waiting for an answer: log it and answer 500
            LOG.error("simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            if (exchange.getResponseCode() < 0) {
                exchange.sendResponseHeaders(500, -1);
            }
        } finally {
            closeQuietly(exchange);
        }
    }

    /** Closing an exchange whose body was cut short fails; the server then drops the connection, as intended. */
    private static void closeQuietly(HttpExchange exchange) {
        try {
            exchange.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a cut-short reply: {}", e.toString());
        }
    }

    private void serveQuery(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        QueryRequest request = QueryRequest.parse(new String(bytes, StandardCharsets.UTF_8));
        QueryService service = queryServices.get(request.version());
        String namespace = service == null ? "https://iam.amazonaws.com/doc/2010-05-08/" : service.namespace();
        String operation = (service == null ? "unknown" : service.statsPrefix()) + ":" + request.action();
        stats.call(operation);
        try {
            if (service == null) {
                throw new AwsFault(
                        400,
                        "InvalidAction",
                        "Could not find operation " + request.action() + " for version " + request.version());
            }
            boolean unsigned = service.unsignedActions().contains(request.action());
            Caller caller = unsigned
                    ? new Caller("", "", "", List.of())
                    : callers.resolve(accessKeyId(exchange, "MissingAuthenticationToken", 403));
            if (!unsigned) {
                verifySignature(exchange, bytes, caller, 403, "SignatureDoesNotMatch");
            }
            QueryAction action = service.actions().get(request.action());
            if (action == null) {
                throw new AwsFault(
                        400,
                        "InvalidAction",
                        "Could not find operation " + request.action() + " for version " + request.version());
            }
            admit(service.rateScope(caller), "Throttling");
            caller.checkAllowed(operation, "AccessDenied", 403);
            policies.checkQuery(caller, operation, request);
            String result = replies.sparse().query(request.version(), request.action(), action.handle(caller, request));
            QueryProtocol.writeResponse(exchange, request.action(), namespace, result, requestId);
        } catch (AwsFault fault) {
            count(operation, fault, "Throttling");
            QueryProtocol.writeError(
                    exchange, fault.httpStatus(), fault.type(), fault.code(), fault.getMessage(), requestId, namespace);
        }
    }

    private void serveJson(HttpExchange exchange, String target) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int dot = target.lastIndexOf('.');
        JsonService service = dot < 0 ? null : jsonServices.get(target.substring(0, dot));
        String name = dot < 0 ? target : target.substring(dot + 1);
        String operation = (service == null ? "unknown" : service.statsPrefix()) + ":" + name;
        String throttlingCode = service == null ? "ThrottlingException" : service.throttlingCode();
        stats.call(operation);
        try {
            JsonAction action = service == null ? null : service.actions().get(name);
            if (action == null) {
                throw new AwsFault(400, "UnknownOperationException", "Unknown operation " + target);
            }
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Caller caller = jsonCaller(exchange);
            verifySignature(exchange, bytes, caller, 400, "InvalidSignatureException");
            admit(service.rateScope(caller), throttlingCode);
            caller.checkAllowed(operation, "AccessDeniedException", 400);
            policies.check(caller, operation, null, "AccessDeniedException", 400);
            JsonNode body = JsonProtocol.readBody(new ByteArrayInputStream(bytes));
            JsonProtocol.writeResponse(
                    exchange,
                    200,
                    replies.sparse().json(service.targetPrefix(), name, action.handle(caller, body)),
                    requestId);
        } catch (AwsFault fault) {
            count(operation, fault, throttlingCode);
            JsonProtocol.writeError(exchange, fault.httpStatus(), fault.code(), fault.getMessage(), requestId);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            stats.error(operation);
            JsonProtocol.writeError(exchange, 400, "SerializationException", "Malformed JSON body", requestId);
        }
    }

    /** Caller resolution with the JSON services' codes for bad credentials. */
    private Caller jsonCaller(HttpExchange exchange) {
        try {
            return callers.resolve(accessKeyId(exchange, "MissingAuthenticationTokenException", 400));
        } catch (AwsFault fault) {
            String code = switch (fault.code()) {
                case "InvalidClientTokenId" -> "UnrecognizedClientException";
                case "ExpiredToken" -> "ExpiredTokenException";
                default -> fault.code();
            };
            throw new AwsFault(400, code, fault.getMessage());
        }
    }

    /**
     * With verification on, the signature must match the caller's secret key and a session's requests must carry
     * its token ({@code InvalidClientTokenId} otherwise, renamed for JSON services). Sessions whose secret was
     * not recorded are let through.
     */
    private void verifySignature(HttpExchange exchange, byte[] body, Caller caller, int status, String code) {
        if (!replies.verifySignatures()) {
            return;
        }
        Optional<SigningSecret> secret = callers.signingSecret(caller.accessKeyId());
        if (secret.isEmpty()) {
            return;
        }
        String token = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
        Secret expectedToken = secret.get().sessionToken();
        if (expectedToken == null ? token != null : !expectedToken.value().equals(token)) {
            throw new AwsFault(
                    status,
                    status == 403 ? "InvalidClientTokenId" : "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        SigV4Verifier.SignedRequest request = new SigV4Verifier.SignedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                body);
        if (!SigV4Verifier.verify(request, secret.get().secretAccessKey().value())) {
            throw new AwsFault(
                    status,
                    code,
                    "The request signature we calculated does not match the signature you"
                            + " provided. Check your AWS Secret Access Key and signing method. Consult the service"
                            + " documentation for details.");
        }
    }

    private static String accessKeyId(HttpExchange exchange, String missingCode, int status) {
        return SigV4Authorization.accessKeyId(exchange.getRequestHeaders().getFirst("Authorization"))
                .orElseThrow(() -> new AwsFault(status, missingCode, "Request is missing Authentication Token"));
    }

    /** Throttling, injected failures and latency; throws the fault the gate chose. */
    private void admit(String scope, String throttlingCode) {
        Verdict verdict = gate.admit(scope);
        if (verdict != Verdict.THROTTLED) {
            stats.admitted(scope);
        }
        switch (verdict) {
            case THROTTLED -> throw new AwsFault(400, throttlingCode, "Rate exceeded");
            case INTERNAL_FAILURE ->
                throw new AwsFault(
                        500,
                        "InternalFailure",
                        "The request processing has failed because of an unknown error, exception or failure.");
            case SERVICE_UNAVAILABLE -> throw new AwsFault(503, "ServiceUnavailable", "Service is unavailable.");
            case PASS -> delay();
        }
    }

    private void delay() {
        long millis = gate.delayMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void count(String operation, AwsFault fault, String throttlingCode) {
        if (fault.code().equals(throttlingCode)) {
            stats.throttled(operation);
        } else {
            stats.error(operation);
        }
    }
}
