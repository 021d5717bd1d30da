package dev.baton.aws.cli;

import dev.baton.aws.c1z.ResumeSpec;
import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RunConfig;
import dev.baton.aws.config.SyncScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The settings an unfinished sync is continued only with (docs/resumable-syncs.md): everything that decides which
 * identity reads AWS and which rows the sync writes, by flag. How fast it runs ({@code --workers}, {@code --rate-*},
 * {@code --retry-budget}, logging) may change between runs. Secrets and the external ids are kept only as hashes.
 */
final class ResumeSettings {
    private ResumeSettings() {}

    static ResumeSpec spec(RunConfig config) {
        return new ResumeSpec(
                ResumeSpec.directoryFor(config.output().file(), config.output().checkpointDir()),
                of(config),
                config.output().fresh());
    }

    static Map<String, String> of(RunConfig config) {
        Map<String, String> settings = new LinkedHashMap<>();
        CredentialsConfig credentials = config.credentials();
        settings.put("--role-arn", text(credentials.roleArn()));
        settings.put("--external-id", ResumeSpec.hashed(credentials.externalId()));
        settings.put("--global-role-arn", text(credentials.bindingRoleArn()));
        settings.put(
                "--global-binding-external-id",
                ResumeSpec.hashed(credentials.bindingExternalId().value()));
        settings.put("--global-access-key-id", text(credentials.accessKeyId()));
        OrganizationConfig organization = config.organization();
        settings.put("--global-aws-orgs-enabled", String.valueOf(organization.orgsEnabled()));
        settings.put("--global-aws-sso-enabled", String.valueOf(organization.ssoEnabled()));
        settings.put("--global-aws-cross-account-iam-enabled", String.valueOf(organization.crossAccountIamEnabled()));
        settings.put("--global-aws-sso-region", text(organization.ssoRegion()));
        settings.put("--iam-assume-role-name", text(organization.iamAssumeRoleName()));
        SyncScope scope = config.scope();
        settings.put("--sync-resource-types", String.join(",", new TreeSet<>(scope.resourceTypes())));
        settings.put("--sync-secrets", String.valueOf(scope.syncSecrets()));
        settings.put("--sync-only-attached-policies", String.valueOf(scope.onlyAttachedPolicies()));
        settings.put("--sync-sso-user-last-login", String.valueOf(scope.ssoUserLastLogin()));
        settings.put("--sso-last-login-days", String.valueOf(scope.lastLoginWindowDays()));
        settings.put("--no-fast-path", String.valueOf(!scope.fastPath()));
        settings.put("--scim-enabled", String.valueOf(scope.scim().enabled()));
        settings.put("--scim-endpoint", text(scope.scim().endpoint()));
        settings.put(
                "--sync-resources",
                String.join(",", new TreeSet<>(scope.targets().resourceKeys())));
        settings.put("--skip-grants", String.valueOf(scope.targets().skipGrants()));
        settings.put(
                "--skip-entitlements-and-grants", String.valueOf(scope.targets().skipEntitlementsAndGrants()));
        settings.put(
                "--create-account-resource-type",
                String.valueOf(config.provisioning().createAccountResourceType()));
        settings.put("--replace", String.valueOf(config.output().replace()));
        settings.put("--keep-sync-count", String.valueOf(config.output().keepSyncCount()));
        return settings;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
