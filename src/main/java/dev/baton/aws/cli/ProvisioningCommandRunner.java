package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.aws.RetryBudget;
import dev.baton.aws.config.OneShotAction;
import dev.baton.aws.config.ProvisioningRequest;
import dev.baton.aws.config.RunConfig;
import dev.baton.aws.connector.AwsConnector;
import dev.baton.aws.provisioning.Outcome;
import dev.baton.aws.provisioning.ProvisioningException;
import dev.baton.aws.provisioning.ProvisioningService;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * One one-shot write: resolves ids against the c1z of an earlier sync (never modifying it), calls AWS, and prints
 * the outcome as one JSON line on stdout and one human line on stderr.
 */
final class ProvisioningCommandRunner {
    private final AwsClientSettings settings;

    ProvisioningCommandRunner(AwsClientSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    void run(RunConfig config, PrintWriter out, PrintWriter err) throws Exception {
        ProvisioningRequest request =
                request(config.provisioning().request(), config.output().file());
        try (DefaultAwsClients clients = DefaultAwsClients.create(
                config.credentials(),
                config.organization(),
                config.rateLimits(),
                settings.withRetry(RetryBudget.of(config.rateLimits().retryBudget())))) {
            AwsConnector connector = AwsConnector.create(
                    clients,
                    config.organization(),
                    config.scope(),
                    message -> LoggerFactory.getLogger(ProvisioningCommandRunner.class)
                            .warn(message),
                    config.provisioning().createAccountResourceType());
            Outcome outcome = new ProvisioningService(connector.provisioners()).run(request);
            out.println(outcome.toJson());
            out.flush();
            err.println(ErrorLines.PREFIX + ErrorLines.withoutPrefix(outcome.message()));
            err.flush();
        } catch (ProvisioningException e) {
            throw switch (e.kind()) {
                case USAGE -> new ConfigException(e.getMessage());
                case FAILED -> e;
            };
        }
    }

    static ProvisioningRequest request(OneShotAction action, Path syncFile) {
        if (action instanceof OneShotAction.Grant grant) {
            return ProvisioningRequest.grant(
                    syncFile, grant.entitlementId(), grant.principalType(), grant.principalId());
        }
        if (action instanceof OneShotAction.Revoke revoke) {
            return ProvisioningRequest.revoke(syncFile, revoke.grantId());
        }
        if (action instanceof OneShotAction.CreateAccount create) {
            return ProvisioningRequest.createAccount(
                    create.login(), create.email(), create.profileJson(), create.resourceType());
        }
        if (action instanceof OneShotAction.DeleteResource delete) {
            return ProvisioningRequest.deleteResource(delete.resourceType(), delete.resourceId());
        }
        throw new IllegalArgumentException("not a one-shot write: " + action);
    }
}
