package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.aws.AwsValues;
import software.amazon.awssdk.services.organizations.model.Account;

/**
 * Reads an Organizations account as Identity Center needs it. AWS's model marks no member of an account required,
 * and AWS is retiring {@code Status} in favour of {@code State}: the state is read first, the status when there is
 * no state, and an account that reports neither counts as active (AWS lists it as a member, and assignments on it
 * are real access). The id comes from the ARN (which ends in it) when AWS leaves it out.
 */
final class OrganizationAccountStates {
    private static final String ACTIVE = "ACTIVE";

    private OrganizationAccountStates() {}

    /** True unless AWS reports a state (or status) other than {@code ACTIVE}. */
    static boolean isActive(Account account) {
        String state = stateText(account);
        return state.isEmpty() || state.equals(ACTIVE);
    }

    /** The raw {@code State}, else the raw {@code Status}, else empty: values this SDK does not know included. */
    static String stateText(Account account) {
        return AwsValues.firstText(account.stateAsString(), account.statusAsString());
    }

    /** The account id, else the last segment of its ARN, else empty. */
    static String id(Account account) {
        String id = AwsValues.text(account.id());
        return id.isEmpty() && !AwsValues.text(account.arn()).isEmpty()
                ? PermissionSetCatalog.arnName(account.arn()) : id;
    }
}
