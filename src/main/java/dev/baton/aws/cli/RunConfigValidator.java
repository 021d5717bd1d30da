package dev.baton.aws.cli;

import dev.baton.aws.config.RunConfig;

/** Rules that span option groups; each option group checks its own flags in {@code toConfig()}. */
final class RunConfigValidator {
    private RunConfigValidator() {}

    static RunConfig validate(RunConfig config) {
        if (config.scope().scim().enabled() && !config.organization().identityCenter()) {
            throw ConfigException.requires("--scim-enabled", "--global-aws-sso-enabled");
        }
        if (config.provisioning().createAccountResourceType().equals("sso_user")
                && !config.organization().ssoEnabled()) {
            throw new ConfigException(ConfigException.label("--create-account-resource-type")
                    + "=sso_user requires " + ConfigException.label("--global-aws-sso-enabled"));
        }
        return config;
    }
}
