package dev.baton.aws.aws;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The words a failed AWS call is reported with: the detail that follows its error code (AWS's own message for an
 * access denial or a credential error, the cause of a client-side failure) and advice on what to change. Nothing
 * here may carry a secret: AWS's messages name principals and actions only, and client-side messages are shortened
 * and scrubbed of anything that looks like a key or token.
 */
final class FailureAdvice {
    private static final int MAX_DETAIL = 300;
    private static final Pattern CALLER = Pattern.compile("^User: (\\S+) is not authorized");
    /** Long opaque runs mixing cases and digits: secret keys, session and bearer tokens (not hex digests, paths). */
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9+/=_-]{24,}");

    record Text(String detail, String advice) {
        static final Text NONE = new Text("", "");
    }

    private FailureAdvice() {}

    /** The detail and advice for {@code service:operation} failing with {@code e}. */
    static Text of(String service, String operation, ErrorKind kind, SdkException e) {
        if (e instanceof AwsServiceException failure) {
            String message = awsMessage(failure);
            // only these two kinds get words and advice; an if keeps new kinds (e.g. transient) out of this file
            if (kind == ErrorKind.ACCESS_DENIED) {
                return new Text(message, accessDenied(service, operation, AwsErrors.errorCode(e), message));
            }
            return kind == ErrorKind.CREDENTIALS ? new Text(message, credentials(AwsErrors.errorCode(e))) : Text.NONE;
        }
        if (isChainFailure(e)) {
            return CredentialChainDiagnosis.diagnose();
        }
        Optional<AwsServiceException> nested = nestedServiceFailure(e);
        if (nested.isPresent()) { // a credential hop (AssumeRole) failed while a call resolved its credentials
            AwsServiceException hop = nested.get();
            return new Text(
                    "resolving credentials: " + AwsErrors.errorCode(hop) + ": " + awsMessage(hop),
                    credentials(AwsErrors.errorCode(hop)));
        }
        return new Text(shortMessage(e), "");
    }

    /**
     * An {@code sts:AssumeRole} hop that failed. AWS answers a wrong external id and a trust policy that does not
     * name the caller with the same AccessDenied, so the advice names both, and says whether an external id was sent.
     *
     * @param externalIdOption the flag that sets the hop's external id, or null when the hop has none to set
     */
    static Text assumeRole(String roleArn, String externalIdOption, boolean externalIdSent, SdkException e) {
        ErrorKind kind = AwsErrors.classify(e);
        Text text = of("sts", "AssumeRole", kind, e);
        if (!(e instanceof AwsServiceException failure) || kind != ErrorKind.ACCESS_DENIED) {
            return text;
        }
        String caller = caller(awsMessage(failure)).orElse("the connector's identity");
        String advice = "the trust policy of " + roleArn + " must allow " + caller + " to call sts:AssumeRole";
        if (externalIdOption != null) {
            advice += externalIdSent
                    ? ", and " + externalIdOption + " must equal the sts:ExternalId in its condition (AWS gives the"
                            + " same answer for a wrong external id and for a principal the policy does not name)"
                    : "; no external id was sent: if the policy has an sts:ExternalId condition, pass it with "
                            + externalIdOption;
        }
        return new Text(text.detail(), advice);
    }

    private static String accessDenied(String service, String operation, String code, String message) {
        if (code.equals("AWSOrganizationsNotInUseException")) {
            return "this account is not part of an organization: turn off --global-aws-orgs-enabled";
        }
        if (service.equals("organizations")) {
            return "Organizations answers only the management account or a delegated administrator: connect with a"
                    + " role there, or turn off --global-aws-orgs-enabled";
        }
        String action = service + ":" + operation;
        String who = caller(message).orElse("the connector's identity");
        if (message.contains("explicit deny")) {
            return "a Deny statement (identity policy, permissions boundary or SCP) blocks " + action + " for " + who
                    + ": remove it, or leave that part out of the sync";
        }
        return "allow " + action + " in the IAM policy of " + who;
    }

    private static String credentials(String code) {
        return switch (code) {
            case "InvalidClientTokenId", "UnrecognizedClientException" ->
                "AWS does not know this access key id "
                        + "(deleted, deactivated, or from another partition): check --global-access-key-id, "
                        + "AWS_ACCESS_KEY_ID or the profile's keys";
            case "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature" ->
                "the secret access key does not belong to the access key id: check both";
            case "ExpiredToken", "ExpiredTokenException" ->
                "the session credentials have expired: renew them ("
                        + "'aws sso login', a new token file, or fresh environment variables) and retry";
            case "MissingAuthenticationToken" -> "the request was not signed: no credentials were found";
            default -> "";
        };
    }

    /** True for the default chain's "Unable to load credentials from any of the providers" failure. */
    static boolean isChainFailure(SdkException e) {
        return e instanceof SdkClientException
                && !(e instanceof AwsServiceException)
                && e.getMessage() != null
                && e.getMessage().startsWith("Unable to load credentials");
    }

    private static Optional<AwsServiceException> nestedServiceFailure(SdkException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    private static String awsMessage(AwsServiceException e) {
        String message =
                e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message == null ? "" : scrub(message.strip());
    }

    private static Optional<String> caller(String awsMessage) {
        Matcher matcher = CALLER.matcher(awsMessage);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * A client-side failure in one short line: the exception's message, or its root cause's when it has none
     * (e.g. "Connection refused"), with the address when the JDK left it out.
     */
    static String shortMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? root.toString() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage() + ")";
        }
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll(" \\(SDK Attempt Count: \\d+\\)", "");
        return scrub(line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line);
    }

    /** Replaces key- or token-like runs (mixed case letters and digits) by {@code ***}. */
    static String scrub(String text) {
        Matcher matcher = OPAQUE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String run = matcher.group();
            boolean opaque = !run.equals(run.toLowerCase(Locale.ROOT))
                    && !run.equals(run.toUpperCase(Locale.ROOT))
                    && run.chars().anyMatch(Character::isDigit)
                    && !run.contains("Exception");
            matcher.appendReplacement(out, Matcher.quoteReplacement(opaque ? "***" : run));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
