package dev.baton.aws.connector.iam;

import dev.baton.aws.aws.AwsCallException;

/** The one place that says which failures on a single resource are skipped (upstream §11, decision 13). */
final class IamSoftErrors {
    private IamSoftErrors() {}

    /** NOT_FOUND and ACCESS_DENIED on one resource are skipped with a warning; everything else stops the sync. */
    static boolean isSoft(AwsCallException e) {
        return e.kind().skippable();
    }
}
