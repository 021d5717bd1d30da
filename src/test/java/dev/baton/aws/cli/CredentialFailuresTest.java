package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the SDK's credential chain finds nothing, the CLI says which source it looked at, that source's own error,
 * and what to run, on two plain lines beside the JSON log events, without {@code --log-level debug}; the CLI runs in a child JVM with a controlled
 * environment and home directory (see {@link AwsProfileHome}).
 */
class CredentialFailuresTest extends AwsProfileHome.Case {
    private static List<String> failureLines(AwsProfileHome.Run run) {
        assertEquals(1, run.exitCode(), run.err());
        for (String secret : AwsProfileHome.SECRETS) {
            assertFalse(run.err().contains(secret) || run.out().contains(secret), "a secret was printed: " + run.err());
        }
        // stderr is not a terminal here, so log events are JSON lines; the failure is told in plain lines
        List<String> lines =
                run.errLines().stream().filter(line -> !line.startsWith("{")).toList();
        assertEquals(2, lines.size(), run.err());
        lines.forEach(
                line -> assertTrue(line.startsWith("baton-aws: ") && !line.startsWith("baton-aws: baton-aws"), line));
        return lines;
    }

    @Test
    void noCredentialsAnywhere() throws Exception {
        List<String> lines = failureLines(aws.sync());

        assertTrue(
                lines.get(0)
                        .startsWith("baton-aws: sts:GetCallerIdentity: no AWS credentials found (looked at "
                                + "AWS_ACCESS_KEY_ID, profile 'default' in " + home.resolve(".aws/config")),
                lines.get(0));
        assertTrue(
                lines.get(1)
                        .startsWith(
                                "baton-aws: to fix: set AWS_PROFILE to a profile of ~/.aws/config (for an "
                                        + "SSO profile run 'aws sso login --profile <name>' first), pass --global-access-key-id"),
                lines.get(1));
    }

    @Test
    void noCredentialsBeforeAssumingTheRole() throws Exception {
        List<String> lines = failureLines(aws.sync("--role-arn", "arn:aws:iam::111111111111:role/Connector"));

        assertTrue(
                lines.get(0)
                        .startsWith("baton-aws: sts:AssumeRole on arn:aws:iam::111111111111:role/Connector "
                                + "(account 111111111111): no AWS credentials found"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("baton-aws: to fix: set AWS_PROFILE"), lines.get(1));
    }

    @Test
    void ssoSessionWithoutCachedTokenSaysToLogIn() throws Exception {
        aws.config(CredentialSourcesTest.ssoProfile()).env("AWS_PROFILE", "sso");

        List<String> lines = failureLines(aws.sync());

        assertTrue(
                lines.get(0)
                        .startsWith(
                                "baton-aws: sts:GetCallerIdentity: no AWS credentials from SSO profile " + "'sso': "),
                lines.get(0));
        assertEquals(
                "baton-aws: to fix: run 'aws sso login --sso-session corp' (the cached SSO token is missing or "
                        + "expired) and retry",
                lines.get(1));
    }

    @Test
    void legacySsoProfileWithExpiredTokenSaysToLogIn() throws Exception {
        aws.config(CredentialSourcesTest.legacySsoConfig())
                .ssoCache(
                        CredentialSourcesTest.START_URL,
                        CredentialSourcesTest.legacyToken(Instant.now().minus(1, ChronoUnit.HOURS)))
                .env("AWS_PROFILE", "legacy");

        List<String> lines = failureLines(aws.sync());

        assertTrue(
                lines.get(0)
                        .startsWith("baton-aws: sts:GetCallerIdentity: no AWS credentials from SSO profile "
                                + "'legacy': "),
                lines.get(0));
        assertEquals(
                "baton-aws: to fix: run 'aws sso login --profile legacy' (the cached SSO token is missing or "
                        + "expired) and retry",
                lines.get(1));
    }

    @Test
    void unknownProfileIsNamed() throws Exception {
        aws.config("[profile other]\nregion = us-east-1\n").env("AWS_PROFILE", "prod");

        List<String> lines = failureLines(aws.sync());

        assertEquals(
                "baton-aws: sts:GetCallerIdentity: no AWS credentials: AWS_PROFILE is 'prod' but "
                        + home.resolve(".aws/config") + " has no [profile prod] and " + home.resolve(".aws/credentials")
                        + " has no [prod]",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("baton-aws: to fix: fix AWS_PROFILE, or create the profile"), lines.get(1));
    }

    @Test
    void webIdentityTokenTheRoleDoesNotTrust() throws Exception {
        aws.write("token", "eyJhbGciOiJSUzI1NiJ9.service-account-token-other.c2lnbmF0dXJl")
                .env("AWS_ROLE_ARN", "arn:aws:iam::111111111111:role/Irsa")
                .env("AWS_WEB_IDENTITY_TOKEN_FILE", home.resolve("token").toString());

        List<String> lines = failureLines(aws.sync());

        assertTrue(
                lines.get(0)
                        .startsWith("baton-aws: sts:GetCallerIdentity: no AWS credentials from the web "
                                + "identity token (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE): "),
                lines.get(0));
        assertTrue(lines.get(0).contains("Not authorized to perform sts:AssumeRoleWithWebIdentity"), lines.get(0));
        assertTrue(lines.get(1).contains("trust policy allows the token's issuer and subject"), lines.get(1));
    }

    @Test
    void failingCredentialProcessSaysToRunIt() throws Exception {
        aws.config("[profile proc]\ncredential_process = /bin/sh -c 'exit 3'\n").env("AWS_PROFILE", "proc");

        List<String> lines = failureLines(aws.sync());

        assertTrue(
                lines.get(0)
                        .startsWith("baton-aws: sts:GetCallerIdentity: no AWS credentials from the "
                                + "credential_process of profile 'proc': "),
                lines.get(0));
        assertEquals(
                "baton-aws: to fix: run the profile's credential_process command by hand to see why it fails",
                lines.get(1));
    }
}
