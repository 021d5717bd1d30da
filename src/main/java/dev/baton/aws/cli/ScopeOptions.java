package dev.baton.aws.cli;

import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.config.SyncTargets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** What a sync reads: resource types, secrets, policy and login detail, and the optional SCIM status source. */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class ScopeOptions {
    private static final int MAX_LAST_LOGIN_DAYS = 90; // CloudTrail LookupEvents keeps 90 days of events

    @Option(
            names = "--sync-resource-types",
            paramLabel = "TYPE",
            split = ",",
            description = "Only sync these resource types (comma-separated ids, e.g. iam_user,role); all by default")
    private List<String> resourceTypes = new ArrayList<>();

    @Option(
            names = "--sync-resources",
            paramLabel = "ID",
            split = ",",
            description = "Targeted sync: list entitlements and grants only of these resources (<type>:<id> or"
                    + " baton ids bid:r:<type>/<id>); resources are still listed for the principals grants name")
    private List<String> syncResources = new ArrayList<>();

    @Option(
            names = "--skip-grants",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "With --sync-resources: list no grants")
    private boolean skipGrants;

    @Option(
            names = "--skip-entitlements-and-grants",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "List resources only: no entitlements, no grants")
    private boolean skipEntitlementsAndGrants;

    @Option(
            names = "--sync-secrets",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Whether to sync secrets or not")
    private boolean syncSecrets;

    @Option(
            names = "--sync-only-attached-policies",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Only sync IAM managed policies that are attached to at least one user, role, or group")
    private boolean onlyAttachedPolicies;

    @Option(
            names = "--sync-sso-user-last-login",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Enable fetching last login time for SSO users from CloudTrail (requires"
                    + " cloudtrail:LookupEvents permission)")
    private boolean ssoUserLastLogin;

    @Option(
            names = "--sso-last-login-days",
            paramLabel = "DAYS",
            defaultValue = "30",
            showDefaultValue = Visibility.ALWAYS,
            description = "How many days of CloudTrail events to search for SSO user logins (1-90)")
    private int lastLoginDays = 30;

    @Option(
            names = "--no-fast-path",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Use upstream's call pattern: IAM per-entity List/Get calls instead of"
                    + " GetAccountAuthorizationDetails and the credential report, and account assignments listed"
                    + " page by page for each grant kind instead of once per pair")
    private boolean noFastPath;

    @Option(
            names = "--scim-enabled",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Read SSO user status from the Identity Center SCIM endpoint")
    private boolean scimEnabled;

    @Option(
            names = "--scim-endpoint",
            paramLabel = "URL",
            description = "Identity Center SCIM endpoint, https://scim.<region>.amazonaws.com/<tenant>/scim/v2")
    private String scimEndpoint = "";

    @Option(
            names = "--scim-token",
            paramLabel = "TOKEN",
            showDefaultValue = Visibility.NEVER,
            description = "Bearer token for the SCIM endpoint")
    private String scimToken = "";

    SyncScope toConfig() {
        if (lastLoginDays < 1 || lastLoginDays > MAX_LAST_LOGIN_DAYS) {
            throw ConfigException.invalid(
                    "--sso-last-login-days", lastLoginDays + " is out of range; use 1-" + MAX_LAST_LOGIN_DAYS);
        }
        Set<String> types = checkedResourceTypes();
        return new SyncScope(
                types,
                syncSecrets,
                onlyAttachedPolicies,
                ssoUserLastLogin,
                lastLoginDays,
                !noFastPath,
                scimConfig(),
                targets(types));
    }

    private SyncTargets targets(Set<String> types) {
        Set<String> keys = SyncResourceIds.resourceKeys(syncResources, types);
        if (skipGrants && keys.isEmpty()) {
            throw ConfigException.requires("--skip-grants", "--sync-resources");
        }
        return new SyncTargets(keys, skipGrants, skipEntitlementsAndGrants);
    }

    private Set<String> checkedResourceTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (String raw : resourceTypes) {
            String type = raw.trim();
            if (type.isEmpty()) {
                continue;
            }
            if (!ResourceTypeIds.ALL.contains(type)) {
                throw ConfigException.invalid(
                        "--sync-resource-types",
                        "unknown resource type '" + type + "'; valid: " + String.join(", ", ResourceTypeIds.ALL));
            }
            types.add(type);
        }
        return types;
    }

    private ScimConfig scimConfig() {
        if (!scimEnabled) {
            if (!scimEndpoint.isEmpty()) {
                throw ConfigException.requires("--scim-endpoint", "--scim-enabled");
            }
            if (!scimToken.isEmpty()) {
                throw ConfigException.requires("--scim-token", "--scim-enabled");
            }
            return ScimConfig.disabled();
        }
        if (scimEndpoint.isEmpty()) {
            throw ConfigException.requires("--scim-enabled", "--scim-endpoint");
        }
        if (scimToken.isEmpty()) {
            throw ConfigException.requires("--scim-enabled", "--scim-token");
        }
        checkEndpoint();
        return new ScimConfig(true, scimEndpoint, new Secret(scimToken));
    }

    private void checkEndpoint() {
        try {
            URI uri = new URI(scimEndpoint);
            // http only for a loopback simulator; a real SCIM endpoint always uses TLS and carries a bearer token
            boolean loopback = "http".equals(uri.getScheme())
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
            if (("https".equals(uri.getScheme()) || loopback) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below with the expected shape
        }
        throw ConfigException.invalid(
                "--scim-endpoint",
                "'" + scimEndpoint + "' is not an https URL, e.g."
                        + " https://scim.us-east-1.amazonaws.com/<tenant>/scim/v2");
    }
}
