package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.config.RunConfig;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws}: without a subcommand, syncs AWS into the c1z or runs the one-shot provisioning action given
 * by flags. Its subcommands are listed in {@link Subcommands}, which attaches them only when a run can use them.
 */
// addMethodSubcommands = false: there are none, and looking for them parses the annotations of every method
// up to Object's (generating a proxy class per annotation type), a sizeable share of a cold --help.
@Command(
        name = "baton-aws",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        abbreviateSynopsis = true,
        addMethodSubcommands = false,
        description = "Syncs AWS IAM, Organizations and IAM Identity Center into a baton c1z file, and grants,"
                + " revokes, creates or deletes access in one shot.")
final class BatonAwsCommand implements Callable<Integer> {
    @Mixin
    private CredentialOptions credentials;

    @Mixin
    private OrganizationOptions organization;

    @Mixin
    private ScopeOptions scope;

    @Mixin
    private RateLimitOptions rateLimits;

    @Mixin
    private OutputOptions output;

    @Mixin
    private ProvisioningOptions provisioning;

    @Mixin
    private LoggingOptions logging;

    @Mixin
    private ServiceModeOptions serviceMode;

    @Spec
    private CommandSpec spec;

    private final Wiring wiring;
    private final ProcessContext context;

    BatonAwsCommand(Wiring wiring, ProcessContext context) {
        this.wiring = requireNonNull(wiring, "wiring is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        RunConfig config = runConfig();
        // looked up here, not in a static field, so --help does not pay for logback's start-up
        Logger log = LoggerFactory.getLogger(BatonAwsCommand.class);
        log.debug("resolved configuration: {}", config);
        wiring.syncRunner()
                .run(config, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    /** Validates every option group, then the rules between groups; the first problem is the one reported. */
    RunConfig runConfig() {
        serviceMode.refuseServiceMode();
        AwsEnvironment.check(context.environment());
        return RunConfigValidator.validate(new RunConfig(
                credentials.toConfig(),
                organization.toConfig(),
                scope.toConfig(),
                rateLimits.toConfig(context.environment()),
                output.toConfig(context.workingDirectory()),
                provisioning.toConfig()));
    }

    /** Read by {@link Main} before any command runs, to configure logging once. */
    LoggingConfig loggingConfig() {
        return logging.toConfig(context);
    }
}
