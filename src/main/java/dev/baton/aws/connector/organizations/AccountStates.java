package dev.baton.aws.connector.organizations;

import dev.baton.aws.aws.AwsValues;
import software.amazon.awssdk.services.organizations.model.Account;

/**
 * How every reader tells whether an Organizations account is live. AWS's model marks no member of an account
 * required, and AWS is retiring {@code Status} in favour of {@code State}: the state is read first, the status
 * when there is no state, and an account that reports neither counts as active (AWS lists it as a member, and
 * access on it is real). Values this SDK does not know keep their own text.
 */
public final class AccountStates {
    private static final String ACTIVE = "ACTIVE";

    private AccountStates() {}

    /** True unless AWS reports a state (or status) other than {@code ACTIVE}. */
    public static boolean isActive(Account account) {
        String state = stateText(account);
        return state.isEmpty() || state.equals(ACTIVE);
    }

    /** The raw {@code State}, else the raw {@code Status}, else empty. */
    public static String stateText(Account account) {
        return AwsValues.firstText(account.stateAsString(), account.statusAsString());
    }

    /** The account id, else the last segment of its ARN, else empty. */
    public static String id(Account account) {
        return IdFromArn.id(account.id(), account.arn());
    }
}
