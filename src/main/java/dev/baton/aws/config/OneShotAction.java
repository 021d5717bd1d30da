package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

/**
 * The one-shot action of a run. {@link None} means the run syncs; every other variant is a single write against
 * the c1z given by {@code --file} (grant, revoke, delete) or against AWS alone (create account).
 */
public sealed interface OneShotAction {
    /** No one-shot action: the run is a sync. */
    record None() implements OneShotAction {}

    /** {@code --grant-entitlement E --grant-principal P --grant-principal-type T}. */
    record Grant(String entitlementId, String principalId, String principalType) implements OneShotAction {
        public Grant {
            requireNonNull(entitlementId, "entitlementId is null");
            requireNonNull(principalId, "principalId is null");
            requireNonNull(principalType, "principalType is null");
        }
    }

    /** {@code --revoke-grant G}. */
    record Revoke(String grantId) implements OneShotAction {
        public Revoke {
            requireNonNull(grantId, "grantId is null");
        }
    }

    /**
     * {@code --create-account-login/-email/-profile}.
     *
     * @param profileJson a JSON object (validated), {@code {}} when no profile was given
     * @param resourceType the user type to create ({@code --create-account-resource-type}: iam_user or sso_user)
     */
    record CreateAccount(String login, String email, String profileJson, String resourceType) implements OneShotAction {
        public CreateAccount {
            requireNonNull(login, "login is null");
            requireNonNull(email, "email is null");
            requireNonNull(profileJson, "profileJson is null");
            requireNonNull(resourceType, "resourceType is null");
        }
    }

    /** {@code --delete-resource ID --delete-resource-type T}. */
    record DeleteResource(String resourceId, String resourceType) implements OneShotAction {
        public DeleteResource {
            requireNonNull(resourceId, "resourceId is null");
            requireNonNull(resourceType, "resourceType is null");
        }
    }
}
