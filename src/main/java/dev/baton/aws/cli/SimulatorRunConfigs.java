package dev.baton.aws.cli;

import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OneShotAction;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.OutputConfig;
import dev.baton.aws.config.ProvisioningConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.RunConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.world.World;
import java.nio.file.Path;
import java.util.Set;

/**
 * The run a user would configure against a simulated organization: the connector user's long-term key as base
 * credentials, the connector role assumed with its external id, Organizations and Identity Center on, child
 * account IAM and secrets synced, SCIM when the world serves it.
 */
final class SimulatorRunConfigs {
    private SimulatorRunConfigs() {}

    static RunConfig fullSync(ConnectionFacts facts, World world, Path file, int workers) {
        CredentialsConfig credentials = new CredentialsConfig(
                facts.accessKeyId(),
                new Secret(facts.secretAccessKey().value()),
                facts.region(),
                facts.roleArn(),
                facts.externalId() == null ? "" : facts.externalId(),
                "",
                new Secret(""));
        String ssoRegion =
                world.identityCenter() != null ? world.identityCenter().region() : facts.region();
        OrganizationConfig organization = new OrganizationConfig(
                world.organization() != null,
                world.identityCenter() != null,
                true,
                ssoRegion,
                "OrganizationAccountAccessRole");
        SyncScope scope = new SyncScope(Set.of(), true, false, false, 30, true, scim(facts, world));
        return new RunConfig(
                credentials,
                organization,
                scope,
                RateLimitConfig.defaults(),
                new OutputConfig(file, false, workers),
                new ProvisioningConfig(false, "iam_user", new OneShotAction.None()));
    }

    private static ScimConfig scim(ConnectionFacts facts, World world) {
        if (world.identityCenter() == null || world.identityCenter().scimToken() == null) {
            return ScimConfig.disabled();
        }
        String endpoint = facts.endpoint().toString().replaceAll("/$", "") + "/scim/v2";
        return new ScimConfig(
                true, endpoint, new Secret(world.identityCenter().scimToken().value()));
    }
}
