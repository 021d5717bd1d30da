package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncException;
import java.util.List;

/**
 * Who is assigned a permission set on an account. The {@code account} and {@code permission_set_assignment}
 * syncers read through this seam so that the two reading strategies ({@link AssignmentStrategy}) give them the
 * same assignments.
 */
interface AssignmentReader {
    /**
     * One page of the principals assigned {@code permissionSetArn} on {@code accountId}.
     *
     * @param token "" for the first page, else the {@link Page#nextToken()} of the previous page
     */
    AssignmentPage read(String accountId, String permissionSetArn, String token) throws SyncException;

    /** A principal as Identity Center names it: {@code principalType} is {@code USER} or {@code GROUP}. */
    record Assignment(String principalType, String principalId) {
        public Assignment {
            requireNonNull(principalType, "principalType is null");
            requireNonNull(principalId, "principalId is null");
        }
    }

    /** @param nextToken "" on the last page */
    record AssignmentPage(List<Assignment> assignments, String nextToken) {
        public AssignmentPage {
            assignments = List.copyOf(requireNonNull(assignments, "assignments is null"));
            nextToken = nextToken == null ? "" : nextToken;
        }
    }
}
