package dev.baton.aws.connector;

import dev.baton.aws.spi.SyncException;
import java.util.Optional;

/**
 * The inline policy document of an Identity Center permission set. The {@code inline_policy} syncer (IAM side)
 * lists a permission set's inline policy through this seam; the Identity Center side implements it.
 */
public interface PermissionSetInlinePolicies {
    /** The raw policy document, or empty when the set has none (or is gone, or hidden from us, with a warning). */
    Optional<String> inlinePolicy(String permissionSetArn) throws SyncException;
}
