package dev.baton.aws.connector.organizations;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsValues;

/**
 * Organizations ids as AWS's model allows them: every member of an account, root, OU or parent is optional, and the
 * id is also the last segment of the object's ARN ({@code arn:aws:organizations::<management>:ou/o-…/ou-…}).
 */
final class IdFromArn {
    private IdFromArn() {}

    /** {@code id}, or the last segment of {@code arn}, or empty when AWS sent neither. */
    static String id(String id, String arn) {
        return AwsValues.firstText(id, Arn.isArn(arn) ? Arn.parse(arn).name() : "");
    }

    static boolean absent(String id) {
        return id == null || id.isEmpty();
    }
}
