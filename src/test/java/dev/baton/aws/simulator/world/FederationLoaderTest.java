package dev.baton.aws.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The world file's {@code federation} section: read, checked against the world, and written back unchanged. */
class FederationLoaderTest {
    private static final String ACCOUNTS = """
            "accounts": [ { "id": "111111111111", "iam": { "roles": [ { "name": "Pod", "trustPolicy": {} } ] } } ]""";

    private static World load(String federation) {
        return new WorldLoader().load("{" + ACCOUNTS + ", \"federation\": " + federation + "}");
    }

    @Test
    void readsProvidersTokensAndRolesAndWritesThemBack() {
        World world = load("""
                { "oidcProviders": [ { "accountId": "111111111111", "url": "https://oidc.example.com/id/A",
                    "clientIds": [ "sts.amazonaws.com" ], "tokens": [ { "token": "t1", "subject": "system:sa" } ] } ],
                  "ssoPortalTokens": [ { "accessToken": "a1", "refreshToken": "r1", "userName": "alice" } ],
                  "instanceRoleArn": "arn:aws:iam::111111111111:role/Pod",
                  "containerRoleArn": "arn:aws:iam::111111111111:role/Pod", "containerAuthorizationToken": "c1" }""");

        Federation federation = world.federation();
        Federation.WebIdentityToken token = federation.webIdentityToken("t1").orElseThrow();
        assertEquals("sts.amazonaws.com", token.audience(), "the audience defaults to the first client id");
        assertEquals(
                "arn:aws:iam::111111111111:oidc-provider/oidc.example.com/id/A",
                federation.oidcProviders().get(0).arn());
        assertEquals("***", token.token().toString(), "tokens never print");
        assertEquals(
                federation,
                new WorldLoader().load(new WorldWriter().write(world)).federation());
        assertTrue(Federation.NONE.isEmpty() && !federation.isEmpty());
    }

    @Test
    void aRoleOutsideTheWorldIsNamedWithItsPath() {
        WorldFileException failure = assertThrows(
                WorldFileException.class,
                () -> load("{ \"instanceRoleArn\": \"arn:aws:iam::111111111111:role/Missing\" }"));
        assertTrue(failure.getMessage().contains("$.federation.instanceRoleArn"), failure.getMessage());
    }

    @Test
    void aProviderUrlMustBeHttps() {
        WorldFileException failure = assertThrows(WorldFileException.class, () -> load("""
                { "oidcProviders": [ { "accountId": "111111111111", "url": "http://oidc.example.com" } ] }"""));
        assertTrue(failure.getMessage().contains("$.federation.oidcProviders[0].url"), failure.getMessage());
    }
}
