package dev.baton.aws.connector.identitycenter;

/**
 * How account assignments are read. Both give the same assignments for every provisioned (account, permission set)
 * pair; they differ only in the number of calls.
 */
public enum AssignmentStrategy {
    /** {@code sso:ListAccountAssignments} per (account, provisioned permission set) pair, all pages, once per pair. */
    PER_PAIR,
    /**
     * {@code sso:ListAccountAssignmentsForPrincipal} per user and group, indexed once per sync: at least one call per
     * principal, plus the Identity Store pages that enumerate them.
     */
    PER_PRINCIPAL,
    /** Per principal when the directory has fewer principals than there are pairs, else per pair. */
    AUTO,
    /**
     * Upstream's pattern, for {@code --no-fast-path}: one {@code sso:ListAccountAssignments} page per read, uncached,
     * so every pair is listed once for the {@code account} grants and again for the binding grants.
     */
    UPSTREAM
}
