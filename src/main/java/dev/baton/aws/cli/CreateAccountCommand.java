package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.config.OneShotAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton-aws create-account}: the friendly form of {@code -p --create-account-login … --create-account-email …}. */
@Command(
        name = "create-account",
        mixinStandardHelpOptions = true,
        description = "Create an IAM user or an Identity Center user (--create-account-resource-type); creating an"
                + " existing user returns it.")
final class CreateAccountCommand implements Callable<Integer> {
    @Option(names = "--login", required = true, paramLabel = "LOGIN", description = "User name")
    private String login;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Primary email")
    private String email;

    @Option(
            names = "--profile",
            paramLabel = "JSON",
            defaultValue = "{}",
            description = "Profile JSON object, e.g. {\"given_name\":\"Ada\",\"family_name\":\"Lovelace\"}")
    private String profile;

    @Mixin
    private WriteOptions options;

    @Spec
    private CommandSpec spec;

    private final Wiring wiring;
    private final ProcessContext context;

    CreateAccountCommand(Wiring wiring, ProcessContext context) {
        this.wiring = requireNonNull(wiring, "wiring is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        String profileJson = profileJson();
        if (options.createAccountResourceType().equals("sso_user")) {
            AccountProfiles.requireSsoUserFields(profileJson, "--profile");
        }
        OneShotAction action =
                new OneShotAction.CreateAccount(login, email, profileJson, options.createAccountResourceType());
        wiring.syncRunner()
                .run(
                        options.runConfig(context, "create-account", action),
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
        return 0;
    }

    private String profileJson() {
        try {
            JsonNode node = new ObjectMapper().readTree(profile);
            if (node != null && node.isObject()) {
                return node.toString();
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        throw ConfigException.invalid("--profile", "must be a JSON object, e.g. {\"given_name\":\"Ada\"}");
    }
}
