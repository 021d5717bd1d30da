package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {
    private static final String ROLE = "arn:aws:iam::111111111111:role/app";

    private static String trust(String principal, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":" + action + "}]}";
    }

    @Test
    void grantsOnlyUsersAndRolesOfAllowStatementsWithExactAssumeRole() {
        String document = "{\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"],\"Principal\":{\"AWS\":["
                + "\"arn:aws:iam::111111111111:user/alice\",\"arn:aws:iam::222222222222:role/ci\","
                + "\"arn:aws:iam::222222222222:root\",\"333333333333\"]}},"
                + "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:user/x\"}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRoleWithSAML\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:user/y\"}}"
                + "]}";
        TrustPolicy policy = TrustPolicy.parse(document);
        assertEquals(
                List.of("arn:aws:iam::111111111111:user/alice", "arn:aws:iam::222222222222:role/ci"),
                policy.assumingPrincipals());
        assertEquals(
                List.of("AWS:333333333333", "AWS:arn:aws:iam::1:user/y", "AWS:arn:aws:iam::222222222222:root"),
                policy.otherTrustedPrincipals());
    }

    @Test
    void classifiesLikeUpstreamFirstMatchWins() {
        assertEquals(TrustPolicy.SERVICE_LINKED, TrustPolicy.classify("/aws-service-role/x/", ROLE, ""));
        assertEquals(TrustPolicy.PLAIN_ROLE, TrustPolicy.classify("/", ROLE, ""));
        assertEquals(TrustPolicy.PLAIN_ROLE, TrustPolicy.classify("/", ROLE, "not json"));
        assertEquals(
                "aws.role.ecs_tasks",
                TrustPolicy.classify(
                                "/",
                                ROLE,
                                trust(
                                        "{\"Service\":[\"lambda.amazonaws.com\",\"ecs-tasks.amazonaws.com\"]}",
                                        "\"sts:AssumeRole\""))
                        .detail());
        assertEquals(
                "aws.role.oidc",
                TrustPolicy.classify(
                                "/",
                                ROLE,
                                trust(
                                        "{\"Federated\":\"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com\"}",
                                        "\"sts:AssumeRoleWithWebIdentity\""))
                        .detail());
        assertEquals(
                "aws.role.saml",
                TrustPolicy.classify(
                                "/",
                                ROLE,
                                trust(
                                        "{\"Federated\":\"arn:aws:iam::111111111111:saml-provider/Okta\"}",
                                        "\"sts:AssumeRoleWithSAML\""))
                        .detail());
        assertEquals(
                "aws.role.federated",
                TrustPolicy.classify(
                                "/",
                                ROLE,
                                trust(
                                        "{\"Federated\":\"cognito-identity.amazonaws.com\"}",
                                        "\"sts:AssumeRoleWithWebIdentity\""))
                        .detail());
        assertEquals(
                "aws.role.cross_account",
                TrustPolicy.classify(
                                "/", ROLE, trust("{\"AWS\":\"arn:aws:iam::222222222222:root\"}", "\"sts:AssumeRole\""))
                        .detail());
        TrustPolicy.Nhi sameAccount = TrustPolicy.classify(
                "/", ROLE, trust("{\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}", "\"sts:AssumeRole\""));
        assertEquals(TrustPolicy.PLAIN_ROLE, sameAccount);
        assertEquals("NHI_TYPE_ASSUMABLE_ROLE", sameAccount.type());
    }

    @Test
    void wildcardPrincipalIsKeptAsTrustedButNotGranted() {
        TrustPolicy policy = TrustPolicy.parse(trust("\"*\"", "\"sts:AssumeRole\""));
        assertEquals(List.of(), policy.assumingPrincipals());
        assertEquals(List.of("AWS:*"), policy.otherTrustedPrincipals());
    }

    @Test
    void rejectsDocumentsThatAreNotPolicies() {
        assertThrows(IllegalArgumentException.class, () -> TrustPolicy.parse("[1]"));
        assertThrows(IllegalArgumentException.class, () -> TrustPolicy.parse("{"));
    }
}
