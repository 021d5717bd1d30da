package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who is calling, resolved from the SigV4 access key id. {@code principalArn} is the IAM user ARN for long-term
 * keys, or {@code arn:aws:sts::<acct>:assumed-role/<role>/<session>} for AssumeRole sessions. {@code deny} holds
 * the action patterns (IAM wildcards, e.g. {@code iam:Generate*}, {@code sso:*}) refused to this principal.
 */
public record Caller(String accountId, String principalArn, String accessKeyId, List<String> deny) {
    public Caller {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(principalArn, "principalArn is null");
        requireNonNull(accessKeyId, "accessKeyId is null");
        deny = List.copyOf(deny);
    }

    /** True when {@code action} (e.g. {@code sso:ListInstances}) matches a deny pattern; case-insensitive, as IAM. */
    public boolean denies(String action) {
        return deny.stream().anyMatch(pattern -> matches(pattern, action));
    }

    /**
     * Throws the service's access-denied fault when {@code action} is denied: query services use
     * {@code ("AccessDenied", 403)}, JSON services {@code ("AccessDeniedException", 400)}.
     */
    public void checkAllowed(String action, String errorCode, int httpStatus) {
        if (denies(action)) {
            throw new AwsFault(
                    httpStatus,
                    errorCode,
                    "User: " + principalArn + " is not authorized to perform: " + action
                            + " with an explicit deny in an identity-based policy");
        }
    }

    /** IAM action wildcards: {@code *} any run of characters, {@code ?} one character. */
    static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(action.toLowerCase(Locale.ROOT))
                .matches();
    }
}
