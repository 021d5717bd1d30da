package dev.baton.aws.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.config.OneShotAction;
import dev.baton.aws.config.ProvisioningConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * Writes: the provisioning switch and the one-shot actions (grant, revoke, create account, delete resource).
 * Unlike the baton SDK, a one-shot action does not switch provisioning on by itself: a write to AWS has to be
 * asked for explicitly with {@code -p}.
 */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class ProvisioningOptions {
    static final List<String> ACCOUNT_TARGETS = List.of("iam_user", "sso_user");

    @Option(
            names = {"-p", "--provisioning"},
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Allow changes to AWS (grant, revoke, create account, delete resource)")
    private boolean enabled;

    @Option(names = "--grant-entitlement", paramLabel = "ID", description = "Entitlement id to grant")
    private String grantEntitlement = "";

    @Option(names = "--grant-principal", paramLabel = "ID", description = "Resource id of the principal to grant to")
    private String grantPrincipal = "";

    @Option(
            names = "--grant-principal-type",
            paramLabel = "TYPE",
            description = "Resource type id of the principal to grant to")
    private String grantPrincipalType = "";

    @Option(names = "--revoke-grant", paramLabel = "ID", description = "Grant id to revoke")
    private String revokeGrant = "";

    @Option(names = "--create-account-login", paramLabel = "LOGIN", description = "Login of the account to create")
    private String createAccountLogin = "";

    @Option(names = "--create-account-email", paramLabel = "EMAIL", description = "Email of the account to create")
    private String createAccountEmail = "";

    @Option(
            names = "--create-account-profile",
            paramLabel = "JSON",
            description = "Profile of the account to create, a JSON object")
    private String createAccountProfile = "";

    @Option(
            names = "--create-account-resource-type",
            paramLabel = "TYPE",
            defaultValue = "iam_user",
            showDefaultValue = Visibility.ALWAYS,
            completionCandidates = AccountTargets.class,
            description = "Which AWS user type C1 should create when provisioning accounts. 'iam_user' (default)"
                    + " creates IAM users; 'sso_user' creates AWS Identity Center (SSO) users. Only one path can be"
                    + " active at a time per connector instance.")
    private String createAccountResourceType = "iam_user";

    @Option(names = "--delete-resource", paramLabel = "ID", description = "Resource id to delete")
    private String deleteResource = "";

    @Option(names = "--delete-resource-type", paramLabel = "TYPE", description = "Resource type id to delete")
    private String deleteResourceType = "";

    ProvisioningConfig toConfig() {
        String target = checkedTarget();
        List<String> actions = requestedActions();
        if (actions.size() > 1) {
            throw new ConfigException(ConfigException.label(actions.get(0)) + " and "
                    + ConfigException.label(actions.get(1)) + " cannot be combined; run one one-shot action at a time");
        }
        if (actions.isEmpty()) {
            return new ProvisioningConfig(enabled, target, new OneShotAction.None());
        }
        if (!enabled) {
            throw ConfigException.invalid(
                    actions.get(0),
                    "changes AWS; enable provisioning with -p/--provisioning" + " (BATON_PROVISIONING=true)");
        }
        return new ProvisioningConfig(true, target, request(actions.get(0), target));
    }

    private String checkedTarget() {
        String target = createAccountResourceType.isEmpty() ? "iam_user" : createAccountResourceType;
        if (!ACCOUNT_TARGETS.contains(target)) {
            throw ConfigException.invalid(
                    "--create-account-resource-type",
                    "'" + target + "' is not one of " + String.join(", ", ACCOUNT_TARGETS));
        }
        return target;
    }

    /** The first flag set of each action, in a fixed order so messages are stable. */
    private List<String> requestedActions() {
        List<String> actions = new ArrayList<>();
        addFirstSet(
                actions,
                "--grant-entitlement",
                grantEntitlement,
                "--grant-principal",
                grantPrincipal,
                "--grant-principal-type",
                grantPrincipalType);
        addFirstSet(actions, "--revoke-grant", revokeGrant);
        addFirstSet(
                actions,
                "--create-account-login",
                createAccountLogin,
                "--create-account-email",
                createAccountEmail,
                "--create-account-profile",
                createAccountProfile);
        addFirstSet(actions, "--delete-resource", deleteResource, "--delete-resource-type", deleteResourceType);
        return actions;
    }

    private static void addFirstSet(List<String> actions, String... flagsAndValues) {
        for (int i = 0; i < flagsAndValues.length; i += 2) {
            if (!flagsAndValues[i + 1].isEmpty()) {
                actions.add(flagsAndValues[i]);
                return;
            }
        }
    }

    /** {@code flag} is the first flag set of the requested action; messages about missing flags start from it. */
    private OneShotAction request(String flag, String target) {
        if (flag.equals("--revoke-grant")) {
            return new OneShotAction.Revoke(revokeGrant);
        }
        if (flag.startsWith("--grant-")) {
            require(flag, "--grant-entitlement", grantEntitlement);
            require(flag, "--grant-principal", grantPrincipal);
            require(flag, "--grant-principal-type", grantPrincipalType);
            checkTypeId("--grant-principal-type", grantPrincipalType);
            return new OneShotAction.Grant(grantEntitlement, grantPrincipal, grantPrincipalType);
        }
        if (flag.startsWith("--delete-")) {
            require(flag, "--delete-resource", deleteResource);
            require(flag, "--delete-resource-type", deleteResourceType);
            checkTypeId("--delete-resource-type", deleteResourceType);
            return new OneShotAction.DeleteResource(deleteResource, deleteResourceType);
        }
        require(flag, "--create-account-login", createAccountLogin);
        return createAccount(target);
    }

    private OneShotAction createAccount(String target) {
        int at = createAccountEmail.indexOf('@');
        if (!createAccountEmail.isEmpty() && (at < 1 || at == createAccountEmail.length() - 1)) {
            throw ConfigException.invalid(
                    "--create-account-email", "'" + createAccountEmail + "' is not an email address");
        }
        String profile = profileJson();
        if (target.equals("sso_user")) {
            AccountProfiles.requireSsoUserFields(profile, "--create-account-profile");
        }
        return new OneShotAction.CreateAccount(createAccountLogin, createAccountEmail, profile, target);
    }

    private String profileJson() {
        if (createAccountProfile.isEmpty()) {
            return "{}";
        }
        ObjectMapper mapper = new ObjectMapper();
        try {
            JsonNode profile = mapper.readTree(createAccountProfile);
            if (profile != null && profile.isObject()) {
                return mapper.writeValueAsString(profile);
            }
        } catch (IOException e) { // not Jackson's own type: catching it would load Jackson for every --help
            // reported below with the expected shape
        }
        throw ConfigException.invalid(
                "--create-account-profile", "must be a JSON object, e.g." + " {\"first_name\":\"Ada\"}");
    }

    private static void require(String flag, String required, String value) {
        if (value.isEmpty() && !flag.equals(required)) {
            throw ConfigException.requires(flag, required);
        }
    }

    private static void checkTypeId(String flag, String type) {
        if (!ResourceTypeIds.ALL.contains(type)) {
            throw ConfigException.invalid(
                    flag, "unknown resource type '" + type + "'; valid: " + String.join(", ", ResourceTypeIds.ALL));
        }
    }

    /** Completion candidates of {@code --create-account-resource-type}. */
    static final class AccountTargets implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ACCOUNT_TARGETS.iterator();
        }
    }
}
