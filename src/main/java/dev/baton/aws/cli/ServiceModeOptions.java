package dev.baton.aws.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * The baton daemon-mode credentials. Accepted so that an environment copied from a ConductorOne setup fails with
 * an explanation instead of "unknown option", then refused: service mode needs the ConductorOne platform.
 */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class ServiceModeOptions {
    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "ConductorOne client id (service mode, not supported: run one-shot and upload the c1z)")
    private String clientId = "";

    @Option(
            names = "--client-secret",
            paramLabel = "SECRET",
            showDefaultValue = Visibility.NEVER,
            description = "ConductorOne client secret (service mode, not supported)")
    private String clientSecret = "";

    /** Fails when either flag is set; the secret's value is never part of the message. */
    void refuseServiceMode() {
        String flag = !clientId.isEmpty() ? "--client-id" : !clientSecret.isEmpty() ? "--client-secret" : null;
        if (flag != null) {
            throw ConfigException.invalid(
                    flag, "service mode needs the ConductorOne platform; run one-shot and" + " upload the c1z");
        }
    }
}
