package dev.baton.aws.aws;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Why the SDK's default credential chain found nothing, in one line, and what to try. The chain's own message lists
 * every provider it tried (a screenful); this asks the one source the environment points at (a web identity
 * token, the chosen profile, a container endpoint) for its own error, which is the line a user can act on: "the
 * SSO session has expired", "the profile does not exist". Runs only after a failure, reading what the SDK reads:
 * the process environment, system properties and the AWS config files.
 */
final class CredentialChainDiagnosis {
    private static final String GENERAL_ADVICE = "set AWS_PROFILE to a profile of ~/.aws/config (for an SSO "
            + "profile run 'aws sso login --profile <name>' first), pass --global-access-key-id and "
            + "--global-secret-access-key, or on EKS use IRSA (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE)";

    private final Function<String, String> environment;

    CredentialChainDiagnosis(Function<String, String> environment) {
        this.environment = environment;
    }

    static FailureAdvice.Text diagnose() {
        return new CredentialChainDiagnosis(System::getenv).explain();
    }

    FailureAdvice.Text explain() {
        if (set("AWS_ACCESS_KEY_ID") != set("AWS_SECRET_ACCESS_KEY")) {
            return new FailureAdvice.Text(
                    "no AWS credentials: only one of AWS_ACCESS_KEY_ID and " + "AWS_SECRET_ACCESS_KEY is set",
                    "set both, or neither to use a profile");
        }
        if (set("AWS_WEB_IDENTITY_TOKEN_FILE")) {
            return new FailureAdvice.Text(
                    "no AWS credentials from the web identity token (AWS_ROLE_ARN, " + "AWS_WEB_IDENTITY_TOKEN_FILE): "
                            + causeOf(WebIdentityTokenFileCredentialsProvider.create()),
                    "check that the token file is readable and that the role's trust policy allows the token's "
                            + "issuer and subject (sts:AssumeRoleWithWebIdentity)");
        }
        String profileName = Optional.ofNullable(environment.apply("AWS_PROFILE"))
                .or(() -> Optional.ofNullable(System.getProperty("aws.profile")))
                .orElse("default");
        Optional<Profile> profile = profiles().profile(profileName);
        if (profile.isPresent() && !profile.get().properties().isEmpty()) {
            return profileFailure(profile.get());
        }
        if (set("AWS_PROFILE")) {
            return new FailureAdvice.Text(
                    "no AWS credentials: AWS_PROFILE is '" + profileName + "' but "
                            + configFile() + " has no [profile " + profileName + "] and " + credentialsFile()
                            + " has no ["
                            + profileName + "]",
                    "fix AWS_PROFILE, or create the profile ('aws configure sso --profile " + profileName
                            + "' or 'aws configure --profile " + profileName + "')");
        }
        if (set("AWS_CONTAINER_CREDENTIALS_FULL_URI") || set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
            return new FailureAdvice.Text(
                    "no AWS credentials from the container credentials endpoint: "
                            + causeOf(ContainerCredentialsProvider.create()),
                    "check the task role (ECS) or the pod "
                            + "identity association (EKS) and AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE)");
        }
        return new FailureAdvice.Text(
                "no AWS credentials found (looked at AWS_ACCESS_KEY_ID, profile '"
                        + profileName + "' in " + configFile() + " and " + credentialsFile()
                        + ", web identity, container and EC2 instance credentials)",
                GENERAL_ADVICE);
    }

    private FailureAdvice.Text profileFailure(Profile profile) {
        Map<String, String> properties = profile.properties();
        String name = profile.name();
        String cause =
                causeOf(ProfileCredentialsProvider.builder().profileName(name).build());
        if (properties.containsKey("sso_session") || properties.containsKey("sso_start_url")) {
            String login = properties.containsKey("sso_session")
                    ? "aws sso login --sso-session " + properties.get("sso_session")
                    : "aws sso login --profile " + name;
            return new FailureAdvice.Text(
                    "no AWS credentials from SSO profile '" + name + "': " + cause,
                    "run '" + login + "' (the cached SSO token is missing or expired) and retry");
        }
        if (properties.containsKey("login_session")) {
            return new FailureAdvice.Text(
                    "no AWS credentials from login profile '" + name + "': " + cause,
                    "run 'aws login --profile " + name + "' and retry");
        }
        if (properties.containsKey("credential_process")) {
            return new FailureAdvice.Text(
                    "no AWS credentials from the credential_process of profile '" + name + "': " + cause,
                    "run the profile's credential_process command by hand to see why it fails");
        }
        if (properties.containsKey("role_arn")) {
            return new FailureAdvice.Text(
                    "no AWS credentials from role profile '" + name + "': " + cause,
                    "check the credentials of its source_profile (or credential_source) and that the role's trust "
                            + "policy allows them");
        }
        return new FailureAdvice.Text(
                "no AWS credentials from profile '" + name + "': " + cause,
                "give the profile aws_access_key_id and aws_secret_access_key, or an SSO, role or "
                        + "credential_process setting");
    }

    private static ProfileFile profiles() {
        try {
            return ProfileFile.defaultProfileFile();
        } catch (RuntimeException e) {
            return ProfileFile.aggregator().build();
        }
    }

    private static Path configFile() {
        return ProfileFileLocation.configurationFilePath();
    }

    private static Path credentialsFile() {
        return ProfileFileLocation.credentialsFilePath();
    }

    private boolean set(String name) {
        String value = environment.apply(name);
        return value != null && !value.isBlank();
    }

    /** The one source's own error, shortened to its first sentence-ish line and scrubbed of anything secret. */
    private static String causeOf(AwsCredentialsProvider provider) {
        try {
            provider.resolveCredentials();
            return "it answers now (a transient failure?)";
        } catch (RuntimeException e) {
            return FailureAdvice.shortMessage(e);
        } finally {
            if (provider instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
