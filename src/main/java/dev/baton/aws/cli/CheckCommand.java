package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.connector.permissions.CheckResult;
import dev.baton.aws.connector.permissions.PermissionCatalog;
import dev.baton.aws.connector.permissions.PermissionCheck;
import dev.baton.aws.connector.permissions.PermissionFeatures;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws check}: with the run's credentials, probes every permission the flags need with harmless read
 * calls and prints one row per permission and account. Exit 0 when nothing is denied, 1 otherwise.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Probe every AWS permission the flags need with harmless read calls (connector account, each"
                + " member account, Identity Center) and print what a sync would lose. Exit 0 when all are granted.")
final class CheckCommand implements Callable<Integer> {
    enum Format {
        table,
        json
    }

    @Mixin
    private CredentialOptions credentials;

    @Mixin
    private OrganizationOptions organization;

    @Mixin
    private ScopeOptions scope;

    @Mixin
    private PermissionFeatureOptions features;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "table|json",
            defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE})")
    private Format format = Format.table;

    @Spec
    private CommandSpec spec;

    private final Wiring wiring;

    CheckCommand(Wiring wiring) {
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public Integer call() throws Exception {
        OrganizationConfig organizationConfig = organization.toConfig();
        PermissionFeatures required = new PermissionFeatures(
                organizationConfig, scope.toConfig(), features.provisioning(), features.accountCreationType());
        CredentialsConfig credentialsConfig = credentials.toConfig();
        List<CheckResult> results;
        try (DefaultAwsClients clients = DefaultAwsClients.create(
                credentialsConfig,
                organizationConfig,
                RateLimitConfig.defaults(),
                wiring.awsClientSettings(Clock.systemUTC()))) {
            results = new PermissionCheck(clients).run(PermissionCatalog.required(required));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? json(results) : CheckTable.render(results));
        out.flush();
        return results.stream().anyMatch(r -> r.status() == CheckResult.Status.DENIED) ? 1 : 0;
    }

    private static String json(List<CheckResult> results) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = mapper.createArrayNode();
        for (CheckResult result : results) {
            rows.addObject()
                    .put("permission", result.action())
                    .put("account", result.account())
                    .put("status", CheckTable.lower(result.status()))
                    .put("detail", result.detail())
                    .put("withoutIt", result.loss());
        }
        return IndentedJson.of(mapper.createObjectNode()
                        .put("ok", results.stream().noneMatch(r -> r.status() == CheckResult.Status.DENIED))
                        .set("permissions", rows))
                + "\n";
    }
}
