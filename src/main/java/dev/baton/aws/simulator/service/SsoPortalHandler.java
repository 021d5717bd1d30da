package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.baton.aws.simulator.protocol.JsonProtocol;
import dev.baton.aws.simulator.world.AccountAssignment;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.PermissionSet;
import dev.baton.aws.simulator.world.SsoUser;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM Identity Center portal's {@code GetRoleCredentials}
 * ({@code GET /federation/credentials?role_name=&account_id=} with header {@code x-amz-sso_bearer_token}), what SSO
 * profiles call. The bearer token must be a portal access token
 * the world knows; the role name is a permission set's name, which must be assigned in that account to the token's
 * user, directly or through a group. The session runs as the permission set's reserved role
 * ({@code AWSReservedSSO_<name>_<hex>} under {@code /aws-reserved/sso.amazonaws.com/}), as in AWS.
 */
final class SsoPortalHandler extends JsonEndpoint {
    static final String PATH = "/federation/";
    private static final String RESERVED_PATH = "/aws-reserved/sso.amazonaws.com/";

    private final WorldState state;
    private final SessionIssuer issuer;
    private final PortalTokens tokens;

    SsoPortalHandler(WorldState state, SessionIssuer issuer, PortalTokens tokens) {
        this.state = requireNonNull(state, "state is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    @Override
    JsonNode answer(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals(PATH + "credentials")) {
            throw new AwsFault(404, "ResourceNotFoundException", "Not found");
        }
        return roleCredentials(exchange);
    }

    private ObjectNode roleCredentials(HttpExchange exchange) {
        String user = tokens.userOf(exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token"))
                .orElseThrow(() -> new AwsFault(401, "UnauthorizedException", "Session token not found or invalid"));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String roleName = query.getOrDefault("role_name", "");
        String accountId = query.getOrDefault("account_id", "");
        World world = state.world();
        IdentityCenter center = world.identityCenter();
        PermissionSet permissionSet = Optional.ofNullable(center)
                .flatMap(ic -> ic.users().stream()
                        .filter(u -> u.userName().equals(user))
                        .findFirst()
                        .flatMap(ssoUser -> assignedPermissionSet(ic, ssoUser, accountId, roleName)))
                .orElseThrow(() -> new AwsFault(403, "ForbiddenException", "No access"));
        String reservedName = "AWSReservedSSO_" + permissionSet.name() + "_"
                + Integer.toHexString(permissionSet.arn().hashCode() & 0x7fffffff);
        String roleId = world.account(accountId)
                .flatMap(account -> account.iam().role(reservedName))
                .map(IamRole::id)
                .orElse("AROA" + Integer.toHexString(reservedName.hashCode()).toUpperCase());
        SessionIssuer.Issued issued =
                issuer.issue(accountId, new SessionIssuer.RoleRef(reservedName, RESERVED_PATH, roleId), user, 3600);
        ObjectNode body = JsonProtocol.mapper().createObjectNode();
        body.putObject("roleCredentials")
                .put("accessKeyId", issued.session().accessKeyId())
                .put("secretAccessKey", issued.secretAccessKey())
                .put("sessionToken", issued.sessionToken())
                .put("expiration", issued.expiration().toEpochMilli());
        return body;
    }

    private static Optional<PermissionSet> assignedPermissionSet(
            IdentityCenter center, SsoUser user, String accountId, String roleName) {
        return center.permissionSets().stream()
                .filter(ps -> ps.name().equals(roleName))
                .filter(ps -> center.assignments().stream()
                        .anyMatch(a -> a.accountId().equals(accountId)
                                && a.permissionSetArn().equals(ps.arn())
                                && assignedTo(center, a, user)))
                .findFirst();
    }

    private static boolean assignedTo(IdentityCenter center, AccountAssignment assignment, SsoUser user) {
        if (assignment.principalType().equals("USER")) {
            return assignment.principalId().equals(user.id());
        }
        return center.group(assignment.principalId())
                .map(group -> group.members().contains(user.id()))
                .orElse(false);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
