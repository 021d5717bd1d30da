package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.spi.SyncWarnings;
import java.util.Optional;

/**
 * Reads who an account assignment entry names. AWS's model marks neither {@code PrincipalType} nor
 * {@code PrincipalId} required, and a principal type added after this SDK was built arrives as raw text: an entry
 * that does not name a user or a group by id cannot become a grant and is skipped with one warning.
 */
final class AssignedPrincipals {
    private AssignedPrincipals() {}

    /**
     * @param principalType the raw text of the entry's type ({@code principalTypeAsString()}), null when absent
     * @param entry         names the entry for the warning: {@code sso:ListAccountAssignments: account assignment…}
     */
    static Optional<Assignment> of(String principalType, String principalId, String entry, SyncWarnings warnings) {
        String id = AwsValues.text(principalId);
        String type = AwsValues.enumText(principalType);
        if (id.isEmpty()) {
            warnings.warn(entry + " has no PrincipalId; skipping it");
        } else if (type.isEmpty()) {
            warnings.warn(entry + " for principal " + id + " has no PrincipalType; skipping it");
        } else if (!type.equals("USER") && !type.equals("GROUP")) {
            warnings.warn(entry + " for principal " + id + " has PrincipalType " + type
                    + ", which is neither USER nor GROUP; skipping it");
        } else {
            return Optional.of(new Assignment(type, id));
        }
        return Optional.empty();
    }
}
