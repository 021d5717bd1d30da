package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EC2 instance metadata service, IMDSv2 only, for an instance whose profile role is the world's
 * {@code federation.instanceRoleArn}: {@code PUT /latest/api/token} (header
 * {@code X-aws-ec2-metadata-token-ttl-seconds}) returns a session token, and with that token in
 * {@code X-aws-ec2-metadata-token}, {@code GET /latest/meta-data/iam/security-credentials/} lists the role and
 * {@code GET …/security-credentials/<role>} returns its credentials. Requests without a valid token get 401, as
 * an instance that requires IMDSv2 answers.
 */
final class InstanceMetadataHandler implements HttpHandler {
    static final String PATH = "/latest/";
    private static final String CREDENTIALS = "/latest/meta-data/iam/security-credentials/";
    static final String INSTANCE_ID = "i-0b22a22eec53b9321";
    private static final int MAX_TTL = 21600;

    private final WorldState state;
    private final SessionIssuer issuer;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    InstanceMetadataHandler(WorldState state, SessionIssuer issuer) {
        this.state = requireNonNull(state, "state is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/latest/api/token") && exchange.getRequestMethod().equals("PUT")) {
                issueToken(exchange);
                return;
            }
            if (!validToken(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
                send(exchange, 401, "text/plain", "");
                return;
            }
            Optional<String> role = roleName();
            if (role.isEmpty() || !path.startsWith(CREDENTIALS)) {
                send(exchange, 404, "text/plain", "Not Found");
            } else if (path.equals(CREDENTIALS)) {
                send(exchange, 200, "text/plain", role.get());
            } else if (path.substring(CREDENTIALS.length()).equals(role.get())) {
                send(exchange, 200, "application/json", credentials(role.get()));
            } else {
                send(exchange, 404, "text/plain", "Not Found");
            }
        }
    }

    private void issueToken(HttpExchange exchange) throws IOException {
        String ttlText = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds");
        int ttl;
        try {
            ttl = ttlText == null ? 0 : Integer.parseInt(ttlText.trim());
        } catch (NumberFormatException e) {
            ttl = 0;
        }
        if (ttl < 1 || ttl > MAX_TTL) {
            send(exchange, 400, "text/plain", "");
            return;
        }
        String token = issuer.opaqueToken();
        tokens.put(token, state.clock().instant().plusSeconds(ttl));
        send(exchange, 200, "text/plain", token);
    }

    private boolean validToken(String token) {
        Instant expiry = token == null ? null : tokens.get(token);
        return expiry != null && state.clock().instant().isBefore(expiry);
    }

    private Optional<String> roleName() {
        return Optional.ofNullable(state.world().federation().instanceRoleArn())
                .map(arn -> arn.substring(arn.lastIndexOf('/') + 1));
    }

    private String credentials(String roleName) {
        String arn = state.world().federation().instanceRoleArn();
        SessionIssuer.Issued issued = issueFor(state, issuer, arn, INSTANCE_ID, 21600);
        return "{\"Code\":\"Success\",\"LastUpdated\":\"" + state.clock().instant() + "\",\"Type\":\"AWS-HMAC\","
                + "\"AccessKeyId\":\"" + issued.session().accessKeyId() + "\",\"SecretAccessKey\":\""
                + issued.secretAccessKey() + "\",\"Token\":\"" + issued.sessionToken() + "\",\"Expiration\":\""
                + issued.expiration() + "\"}";
    }

    /** A session of the world role {@code roleArn} (validated when the world was loaded). */
    static SessionIssuer.Issued issueFor(
            WorldState state, SessionIssuer issuer, String roleArn, String sessionName, long seconds) {
        String[] parts = roleArn.split(":", 6);
        String accountId = parts[4];
        String roleName = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        IamRole role = state.world()
                .account(accountId)
                .flatMap(account -> account.iam().role(roleName))
                .orElseThrow(() -> new IllegalStateException("the world has no role " + roleArn));
        return issuer.issue(
                accountId, new SessionIssuer.RoleRef(role.name(), role.path(), role.id()), sessionName, seconds);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
