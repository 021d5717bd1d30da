package dev.baton.aws.simulator.world;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Reads and writes the {@code federation} section of a world file (see {@link Federation}). */
final class FederationLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens a file gives no expiry outlive any test run. */
    private static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

    private FederationLoader() {}

    static Federation federation(WorldNode node, World world) {
        if (node.absent()) {
            return Federation.NONE;
        }
        node.requireObject();
        List<Federation.OidcProvider> providers = node.list("oidcProviders").stream()
                .map(provider -> provider(provider, world))
                .toList();
        List<Federation.SsoPortalToken> portal = node.list("ssoPortalTokens").stream()
                .map(token -> {
                    token.requireObject();
                    String refresh = token.string("refreshToken", null);
                    return new Federation.SsoPortalToken(
                            new Secret(token.requiredString("accessToken")),
                            refresh == null ? null : new Secret(refresh),
                            token.requiredString("userName"));
                })
                .toList();
        String instanceRole = roleArn(node, "instanceRoleArn", world);
        String containerRole = roleArn(node, "containerRoleArn", world);
        String containerToken = node.string("containerAuthorizationToken", null);
        return new Federation(
                providers,
                portal,
                instanceRole,
                containerRole,
                containerToken == null ? null : new Secret(containerToken));
    }

    private static Federation.OidcProvider provider(WorldNode node, World world) {
        node.requireObject();
        String accountId = node.requiredString("accountId");
        if (world.account(accountId).isEmpty()) {
            throw node.field("accountId").error("no account with id '" + accountId + "' in $.accounts");
        }
        String url = node.requiredString("url");
        if (!url.startsWith("https://")) {
            throw node.field("url").error("an OpenID Connect provider URL starts with https://, found '" + url + "'");
        }
        List<String> clientIds = node.stringList("clientIds");
        String defaultAudience = clientIds.isEmpty() ? "sts.amazonaws.com" : clientIds.get(0);
        List<Federation.WebIdentityToken> tokens = node.list("tokens").stream()
                .map(token -> {
                    token.requireObject();
                    return new Federation.WebIdentityToken(
                            new Secret(token.requiredString("token")),
                            url,
                            token.requiredString("subject"),
                            token.string("audience", defaultAudience),
                            token.instant("expiresAt", NEVER));
                })
                .toList();
        return new Federation.OidcProvider(accountId, url, clientIds, tokens);
    }

    /** A role ARN that must name a role of the world. */
    private static String roleArn(WorldNode node, String name, World world) {
        String arn = node.string(name, null);
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        boolean exists = parts.length == 6
                && parts[5].startsWith("role/")
                && world.account(parts[4])
                        .flatMap(account -> account.iam().role(parts[5].substring(parts[5].lastIndexOf('/') + 1)))
                        .isPresent();
        if (!exists) {
            throw node.field(name).error("no role '" + arn + "' in $.accounts");
        }
        return arn;
    }

    static ObjectNode tree(Federation federation) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode providers = root.putArray("oidcProviders");
        for (Federation.OidcProvider provider : federation.oidcProviders()) {
            ObjectNode node =
                    providers.addObject().put("accountId", provider.accountId()).put("url", provider.url());
            provider.clientIds().forEach(node.putArray("clientIds")::add);
            ArrayNode tokens = node.putArray("tokens");
            provider.tokens()
                    .forEach(token -> tokens.addObject()
                            .put("token", token.token().value())
                            .put("subject", token.subject())
                            .put("audience", token.audience())
                            .put("expiresAt", token.expiresAt().toString()));
        }
        ArrayNode portal = root.putArray("ssoPortalTokens");
        for (Federation.SsoPortalToken token : federation.ssoPortalTokens()) {
            ObjectNode node = portal.addObject()
                    .put("accessToken", token.accessToken().value())
                    .put("userName", token.userName());
            if (token.refreshToken() != null) {
                node.put("refreshToken", token.refreshToken().value());
            }
        }
        if (federation.instanceRoleArn() != null) {
            root.put("instanceRoleArn", federation.instanceRoleArn());
        }
        if (federation.containerRoleArn() != null) {
            root.put("containerRoleArn", federation.containerRoleArn());
        }
        if (federation.containerAuthorizationToken() != null) {
            root.put(
                    "containerAuthorizationToken",
                    federation.containerAuthorizationToken().value());
        }
        return root;
    }
}
