package dev.baton.aws.connector;

import dev.baton.aws.spi.SyncException;
import java.util.Optional;

/**
 * The seam between the IAM syncers and Identity Center: the inline_policy syncer lists the inline policy of a
 * permission set without knowing SSO Admin. Implemented by the Identity Center package.
 */
public interface PermissionSetInlinePolicies {
    /**
     * The permission set's inline policy document, raw as SSO Admin returns it; empty when it has none, no longer
     * exists, or reading it is denied (the implementation reports that warning).
     */
    Optional<String> inlinePolicy(String permissionSetArn) throws SyncException;

    /** For runs without Identity Center: no permission set has an inline policy. */
    static PermissionSetInlinePolicies none() {
        return permissionSetArn -> Optional.empty();
    }
}
