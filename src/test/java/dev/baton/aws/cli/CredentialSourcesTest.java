package dev.baton.aws.cli;

import static dev.baton.aws.cli.AwsProfileHome.ACCESS_KEY_ID;
import static dev.baton.aws.cli.AwsProfileHome.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every credential source of the AWS CLI, set up as a user would (environment variables, {@code ~/.aws} files,
 * token caches) in a temporary home, each running a sync through the CLI in a child JVM against the simulator and
 * checked by the identity the connector reports ("calling AWS as ..."). No secret reaches stdout or stderr.
 */
class CredentialSourcesTest extends AwsProfileHome.Case {
    static final String START_URL = "https://d-9067c2a1b3.awsapps.com/start";
    private static final String SSO_PROFILE = """
            [profile sso]
            sso_session = corp
            sso_account_id = 111111111111
            sso_role_name = BatonReadOnly
            region = us-east-1

            [sso-session corp]
            sso_start_url = %s
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """.formatted(START_URL);
    private static final String SSO_ROLE = "assumed-role/AWSReservedSSO_BatonReadOnly_";

    /** At debug level, so the check that no secret is printed covers every line the CLI can write. */
    private AwsProfileHome.Run sync(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--log-level", "debug"));
        return aws.sync(all.toArray(String[]::new));
    }

    private static void assertCaller(AwsProfileHome.Run run, String expectedArnPart) {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("calling AWS as arn:aws:" + expectedArnPart), run.err());
        for (String secret : AwsProfileHome.SECRETS) {
            assertFalse(run.err().contains(secret) || run.out().contains(secret), "a secret was printed: " + run.err());
        }
    }

    @Test
    void environmentKeys() throws Exception {
        aws.env("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID).env("AWS_SECRET_ACCESS_KEY", SECRET_KEY);

        assertCaller(sync(), "iam::111111111111:user/connector");
    }

    @Test
    void staticKeysInTheCredentialsFile() throws Exception {
        aws.credentials("[dev]\naws_access_key_id = " + ACCESS_KEY_ID + "\naws_secret_access_key = " + SECRET_KEY
                        + "\n")
                .env("AWS_PROFILE", "dev");

        assertCaller(sync(), "iam::111111111111:user/connector");
    }

    @Test
    void credentialProcess() throws Exception {
        Path script = home.resolve("print-credentials.sh");
        Files.writeString(
                script,
                "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"" + ACCESS_KEY_ID + "\", \"SecretAccessKey\": \""
                        + SECRET_KEY + "\"}'\n");
        aws.config("[profile proc]\ncredential_process = /bin/sh " + script + "\n")
                .env("AWS_PROFILE", "proc");

        assertCaller(sync(), "iam::111111111111:user/connector");
    }

    @Test
    void sourceProfileRoleChainWithExternalId() throws Exception {
        aws.credentials("[base]\naws_access_key_id = " + ACCESS_KEY_ID + "\naws_secret_access_key = " + SECRET_KEY
                        + "\n")
                .config("""
                [profile hop]
                role_arn = arn:aws:iam::111111111111:role/Connector
                source_profile = base

                [profile chained]
                role_arn = arn:aws:iam::111111111111:role/ConnectorWithExternalId
                external_id = ext-1234
                role_session_name = baton-chained
                source_profile = hop
                """)
                .env("AWS_PROFILE", "chained");

        assertCaller(sync(), "sts::111111111111:assumed-role/ConnectorWithExternalId/baton-chained");
    }

    @Test
    void webIdentityTokenFileProfile() throws Exception {
        aws.write("token", AwsProfileHome.WEB_IDENTITY_TOKEN)
                .config("[profile irsa]\nrole_arn = "
                        + "arn:aws:iam::111111111111:role/Irsa\nweb_identity_token_file = " + home.resolve("token")
                        + "\nrole_session_name = baton-pod\n")
                .env("AWS_PROFILE", "irsa");

        assertCaller(sync(), "sts::111111111111:assumed-role/Irsa/baton-pod");
    }

    @Test
    void irsaEnvironmentThenRoleArn() throws Exception {
        aws.write("token", AwsProfileHome.WEB_IDENTITY_TOKEN)
                .env("AWS_ROLE_ARN", "arn:aws:iam::111111111111:role/Irsa")
                .env("AWS_WEB_IDENTITY_TOKEN_FILE", home.resolve("token").toString());

        assertCaller(
                sync(
                        "--role-arn",
                        "arn:aws:iam::111111111111:role/ConnectorWithExternalId",
                        "--external-id",
                        "ext-1234"),
                "sts::111111111111:assumed-role/ConnectorWithExternalId/baton-aws");
    }

    @Test
    void ssoSessionProfileWithCachedToken() throws Exception {
        aws.config(SSO_PROFILE)
                .ssoCache("corp", ssoToken(Instant.now().plus(1, ChronoUnit.HOURS)))
                .env("AWS_PROFILE", "sso");

        assertCaller(sync(), "sts::111111111111:" + SSO_ROLE);
    }

    @Test
    void ssoSessionProfileRefreshesAnExpiredToken() throws Exception {
        aws.config(SSO_PROFILE)
                .ssoCache("corp", ssoToken(Instant.now().minus(1, ChronoUnit.HOURS)))
                .env("AWS_PROFILE", "sso");

        assertCaller(sync(), "sts::111111111111:" + SSO_ROLE);
    }

    @Test
    void legacySsoProfile() throws Exception {
        aws.config(legacySsoConfig())
                .ssoCache(START_URL, legacyToken(Instant.now().plus(1, ChronoUnit.HOURS)))
                .env("AWS_PROFILE", "legacy");

        assertCaller(sync(), "sts::111111111111:" + SSO_ROLE);
    }

    @Test
    void ssoProfileThenRoleArn() throws Exception {
        aws.config(SSO_PROFILE)
                .ssoCache("corp", ssoToken(Instant.now().plus(1, ChronoUnit.HOURS)))
                .env("AWS_PROFILE", "sso");

        assertCaller(
                sync(
                        "--role-arn",
                        "arn:aws:iam::111111111111:role/ConnectorWithExternalId",
                        "--external-id",
                        "ext-1234"),
                "sts::111111111111:assumed-role/ConnectorWithExternalId/baton-aws");
    }

    @Test
    void containerCredentialsFullUriWithAuthorizationToken() throws Exception {
        aws.env("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.simulator.endpoint() + "/v2/credentials/task-1")
                .env("AWS_CONTAINER_AUTHORIZATION_TOKEN", AwsProfileHome.CONTAINER_TOKEN);

        assertCaller(sync(), "sts::111111111111:assumed-role/EcsTask/");
    }

    @Test
    void containerCredentialsRelativeUri() throws Exception {
        aws.write("container-token", AwsProfileHome.CONTAINER_TOKEN)
                .env("AWS_CONTAINER_SERVICE_ENDPOINT", aws.simulator.endpoint().toString())
                .env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task-2")
                .env(
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
                        home.resolve("container-token").toString());

        assertCaller(sync(), "sts::111111111111:assumed-role/EcsTask/");
    }

    @Test
    void instanceMetadataServiceVersion2() throws Exception {
        aws.env("AWS_EC2_METADATA_DISABLED", null)
                .env(
                        "AWS_EC2_METADATA_SERVICE_ENDPOINT",
                        aws.simulator.endpoint().toString());

        assertCaller(sync(), "sts::111111111111:assumed-role/Ec2Instance/");
    }

    @Test
    void awsLoginProfile() throws Exception {
        String session = "arn:aws:iam::111111111111:user/connector";
        aws.config("[profile console]\nlogin_session = " + session + "\nregion = us-east-1\n")
                .loginCache(
                        session,
                        "{\"accessToken\": {\"accessKeyId\": \"" + AwsProfileHome.LOGIN_KEY_ID
                                + "\", \"secretAccessKey\": \"" + AwsProfileHome.LOGIN_SECRET
                                + "\", \"sessionToken\": \""
                                + AwsProfileHome.SESSION_TOKEN_PREFIX + "login\", \"accountId\": \"111111111111\", "
                                + "\"expiresAt\": \""
                                + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                                + "\"}, \"tokenType\": \"aws_sigv4\", \"clientId\": \"arn:aws:signin:::devtools/same-device\", "
                                + "\"refreshToken\": \"sso-client-secret-value\", \"dpopKey\": \"unused-until-refresh\"}")
                .env("AWS_PROFILE", "console");

        assertCaller(sync(), "iam::111111111111:user/connector");
    }

    static String ssoProfile() {
        return SSO_PROFILE;
    }

    static String legacySsoConfig() {
        return "[profile legacy]\nsso_start_url = " + START_URL + "\nsso_region = us-east-1\n"
                + "sso_account_id = 111111111111\nsso_role_name = BatonReadOnly\n";
    }

    /** The cache entry of a legacy SSO profile: the access token only, keyed by the start URL. */
    static String legacyToken(Instant expiresAt) {
        return "{\"startUrl\": \"" + START_URL + "\", \"region\": \"us-east-1\", \"accessToken\": \""
                + AwsProfileHome.SSO_ACCESS_TOKEN + "\", \"expiresAt\": \"" + expiresAt.truncatedTo(ChronoUnit.SECONDS)
                + "\"}";
    }

    /** The cache entry {@code aws sso login} writes for an SSO session, with the registration needed to refresh. */
    static String ssoToken(Instant expiresAt) {
        Instant later = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return "{\"startUrl\": \"" + START_URL + "\", \"region\": \"us-east-1\", \"accessToken\": \""
                + AwsProfileHome.SSO_ACCESS_TOKEN + "\", \"expiresAt\": \"" + expiresAt.truncatedTo(ChronoUnit.SECONDS)
                + "\", \"clientId\": \"sso-client-id\", \"clientSecret\": \"sso-client-secret-value\", "
                + "\"registrationExpiresAt\": \"" + later + "\", \"refreshToken\": \""
                + AwsProfileHome.SSO_REFRESH_TOKEN + "\"}";
    }
}
