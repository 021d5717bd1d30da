package dev.baton.aws.connector.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.simulator.service.OrganizationsService;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Syncs of the IAM syncers against a simulator ({@link #simulator}) serving a world from {@code src/test/resources/worlds/}. */
final class IamSync {
    static final String CONNECTOR_KEY = "AKIACONNECTOR0000001";
    static final String CONNECTOR_SECRET = "connector-secret";
    static final OrganizationConfig NO_ORG =
            new OrganizationConfig(false, false, false, "us-east-1", "OrganizationAccountAccessRole");
    static final OrganizationConfig ORG =
            new OrganizationConfig(true, false, false, "us-east-1", "OrganizationAccountAccessRole");

    private IamSync() {}

    /** The simulator for an IAM sync: {@code world} from {@code src/test/resources/worlds/}, with Organizations. */
    static SimulatorExtension simulator(String world) {
        return simulator(world, tree -> {});
    }

    /** @param edit changes the loaded world tree before the simulator starts (e.g. a deny list) */
    static SimulatorExtension simulator(String world, Consumer<ObjectNode> edit) {
        return SimulatorExtension.ofResource("/worlds/" + world)
                .edit(edit)
                .jsonServices(state -> List.of(new OrganizationsService(state)))
                .withoutScim();
    }

    static CredentialsConfig staticKeys() {
        return credentials("", "", "", "");
    }

    static CredentialsConfig credentials(
            String roleArn, String externalId, String bindingRoleArn, String bindingExternalId) {
        return new CredentialsConfig(
                CONNECTOR_KEY,
                new Secret(CONNECTOR_SECRET),
                "us-east-1",
                roleArn,
                externalId,
                bindingRoleArn,
                new Secret(bindingExternalId));
    }

    static SyncScope scope(boolean fastPath, boolean syncSecrets, Set<String> resourceTypes) {
        return new SyncScope(resourceTypes, syncSecrets, false, false, 30, fastPath, ScimConfig.disabled());
    }

    static DefaultAwsClients clients(
            SimulatorExtension simulator, CredentialsConfig credentials, OrganizationConfig organization)
            throws AwsCallException {
        return DefaultAwsClients.create(
                credentials,
                organization,
                new RateLimitConfig(0, 0, 0, 0, 0),
                AwsClientSettings.endpoint(simulator.endpoint(), simulator.clock()));
    }

    static GraphWalker.Graph sync(
            SimulatorExtension simulator,
            CredentialsConfig credentials,
            OrganizationConfig organization,
            SyncScope scope)
            throws Exception {
        try (DefaultAwsClients clients = clients(simulator, credentials, organization)) {
            return sync(clients, organization, scope);
        }
    }

    static GraphWalker.Graph sync(DefaultAwsClients clients, OrganizationConfig organization, SyncScope scope)
            throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        IamSyncers syncers = IamSyncers.create(
                new SyncContext(
                        clients, organization, scope, warnings::add, new OrganizationAccounts(clients::organizations)),
                PermissionSetInlinePolicies.none());
        return GraphWalker.walk(syncers.syncers(), warnings);
    }
}
