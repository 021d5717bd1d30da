package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.aws.simulator.world.Secret;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;

/**
 * The container credentials endpoint (ECS task role, EKS Pod Identity) for the world's
 * {@code federation.containerRoleArn}: {@code GET /v2/credentials/<anything>} returns the role's credentials. When
 * the world sets {@code containerAuthorizationToken}, the request's {@code Authorization} header must equal it
 * (what the SDK sends from {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}); otherwise 401.
 */
final class ContainerCredentialsHandler implements HttpHandler {
    static final String PATH = "/v2/credentials/";
    private static final String SESSION_NAME = "baton-aws-task";

    private final WorldState state;
    private final SessionIssuer issuer;

    ContainerCredentialsHandler(WorldState state, SessionIssuer issuer) {
        this.state = requireNonNull(state, "state is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String roleArn = state.world().federation().containerRoleArn();
            Secret required = state.world().federation().containerAuthorizationToken();
            if (roleArn == null || !exchange.getRequestMethod().equals("GET")) {
                InstanceMetadataHandler.send(exchange, 404, "text/plain", "Not Found");
                return;
            }
            if (required != null
                    && !required.value().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                InstanceMetadataHandler.send(
                        exchange,
                        401,
                        "application/json",
                        "{\"code\":\"AccessDenied\",\"message\":\"Unable to authorize the request\"}");
                return;
            }
            SessionIssuer.Issued issued = InstanceMetadataHandler.issueFor(state, issuer, roleArn, SESSION_NAME, 21600);
            InstanceMetadataHandler.send(
                    exchange,
                    200,
                    "application/json",
                    "{\"AccessKeyId\":\""
                            + issued.session().accessKeyId() + "\",\"SecretAccessKey\":\"" + issued.secretAccessKey()
                            + "\",\"Token\":\"" + issued.sessionToken() + "\",\"Expiration\":\"" + issued.expiration()
                            + "\",\"RoleArn\":\"" + roleArn + "\"}");
        }
    }
}
