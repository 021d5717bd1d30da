package dev.baton.aws.cli;

import dev.baton.aws.config.OneShotAction;
import dev.baton.aws.config.RunConfig;
import java.util.Optional;
import java.util.Set;

/** Rules that span option groups; each option group checks its own flags in {@code toConfig()}. */
final class RunConfigValidator {
    /** Resource types that exist only with Identity Center (and so Organizations) enabled. */
    static final Set<String> IDENTITY_CENTER_TYPES =
            Set.of("sso_user", "sso_group", "account", "permission_set", "permission_set_assignment");

    private RunConfigValidator() {}

    static RunConfig validate(RunConfig config) {
        checkSyncedTypes(config);
        if (config.scope().scim().enabled() && !config.organization().identityCenter()) {
            throw ConfigException.requires("--scim-enabled", "--global-aws-sso-enabled");
        }
        identityCenterTypeOf(config.provisioning().request()).ifPresent(type -> {
            if (!config.organization().identityCenter()) {
                throw new ConfigException("a write on " + type + " needs Identity Center: add "
                        + ConfigException.label("--global-aws-orgs-enabled") + " and "
                        + ConfigException.label("--global-aws-sso-enabled"));
            }
        });
        if (config.provisioning().createAccountResourceType().equals("sso_user")
                && !config.organization().ssoEnabled()) {
            throw new ConfigException(ConfigException.label("--create-account-resource-type") + "=sso_user requires "
                    + ConfigException.label("--global-aws-sso-enabled"));
        }
        return config;
    }

    /**
     * A type asked for with {@code --sync-resource-types} must have a syncer in this configuration; the message
     * names the flags that would add it.
     */
    private static void checkSyncedTypes(RunConfig config) {
        for (String type : config.scope().resourceTypes()) {
            String needs = null;
            if (IDENTITY_CENTER_TYPES.contains(type)
                    || type.equals("organization")
                    || type.equals("organizational_unit")) {
                needs = config.organization().identityCenter()
                        ? null
                        : ConfigException.label("--global-aws-orgs-enabled") + " and "
                                + ConfigException.label("--global-aws-sso-enabled");
            } else if (type.equals("account_iam")) {
                needs = config.organization().syncCrossAccountIam()
                        ? null
                        : ConfigException.label("--global-aws-orgs-enabled") + " (with Identity Center on, also "
                                + ConfigException.label("--global-aws-cross-account-iam-enabled") + ")";
            } else if (type.equals("access-key")) {
                needs = config.scope().syncSecrets() ? null : ConfigException.label("--sync-secrets");
            }
            if (needs != null) {
                throw ConfigException.invalid("--sync-resource-types", "'" + type + "' is synced only with " + needs);
            }
        }
    }

    /** The Identity Center type a write touches, judged from its ids before the c1z is read; empty for IAM. */
    static Optional<String> identityCenterTypeOf(OneShotAction action) {
        String type = "";
        if (action instanceof OneShotAction.Grant grant) {
            type = IDENTITY_CENTER_TYPES.contains(grant.principalType())
                    ? grant.principalType()
                    : typeOfId(grant.entitlementId());
        } else if (action instanceof OneShotAction.Revoke revoke) {
            type = revoke.grantId().startsWith("grant:sso_") ? "account" : typeOfId(revoke.grantId());
        } else if (action instanceof OneShotAction.DeleteResource delete) {
            type = delete.resourceType();
        }
        return IDENTITY_CENTER_TYPES.contains(type) ? Optional.of(type) : Optional.empty();
    }

    /** {@code <type>:...} ids name their type first; account entitlements are {@code <12 digits>|<arn>}. */
    private static String typeOfId(String id) {
        if (id.matches("\\d{12}\\|.*")) {
            return "account";
        }
        int colon = id.indexOf(':');
        return colon > 0 ? id.substring(0, colon) : "";
    }
}
