package dev.baton.aws.connector.iam;

import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.testing.ManualClock;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.service.OrganizationsService;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A simulator loaded with a world from {@code src/test/resources/worlds/}, and syncs of the IAM syncers against it. */
final class IamSyncFixture implements AutoCloseable {
    static final String CONNECTOR_KEY = "AKIACONNECTOR0000001";
    static final String CONNECTOR_SECRET = "connector-secret";
    static final OrganizationConfig NO_ORG = new OrganizationConfig(false, false, false, "us-east-1",
            "OrganizationAccountAccessRole");
    static final OrganizationConfig ORG = new OrganizationConfig(true, false, false, "us-east-1",
            "OrganizationAccountAccessRole");
    private static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    final SimulatorServer server;

    IamSyncFixture(String world) {
        this(world, tree -> {});
    }

    /** @param edit changes the loaded world tree before the simulator starts (e.g. a deny list) */
    IamSyncFixture(String world, Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) read(world);
        edit.accept(tree);
        World loaded = new WorldLoader().load(tree);
        WorldState state = new WorldState(loaded, clock);
        this.server = SimulatorServer.builder(state).jsonServices(List.of(new OrganizationsService(state)))
                .build().start();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String world) {
        try (InputStream in = IamSyncFixture.class.getResourceAsStream("/worlds/" + world)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CredentialsConfig staticKeys() {
        return credentials("", "", "", "");
    }

    static CredentialsConfig credentials(String roleArn, String externalId, String bindingRoleArn,
                                         String bindingExternalId) {
        return new CredentialsConfig(CONNECTOR_KEY, new Secret(CONNECTOR_SECRET), "us-east-1", roleArn, externalId,
                bindingRoleArn, new Secret(bindingExternalId));
    }

    static SyncScope scope(boolean fastPath, boolean syncSecrets, Set<String> resourceTypes) {
        return new SyncScope(resourceTypes, syncSecrets, false, false, 30, fastPath, ScimConfig.disabled());
    }

    DefaultAwsClients clients(CredentialsConfig credentials, OrganizationConfig organization)
            throws AwsCallException {
        return DefaultAwsClients.create(credentials, organization, new RateLimitConfig(0, 0, 0, 0, 0),
                AwsClientSettings.endpoint(server.endpoint(), clock));
    }

    GraphWalker.Graph sync(CredentialsConfig credentials, OrganizationConfig organization, SyncScope scope)
            throws Exception {
        try (DefaultAwsClients clients = clients(credentials, organization)) {
            return sync(clients, organization, scope);
        }
    }

    static GraphWalker.Graph sync(DefaultAwsClients clients, OrganizationConfig organization, SyncScope scope)
            throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        IamSyncers syncers = IamSyncers.create(new SyncContext(clients, organization, scope, warnings::add, new OrganizationAccounts(clients::organizations)), PermissionSetInlinePolicies.none());
        return GraphWalker.walk(syncers.syncers(), warnings);
    }

    CallStats.Snapshot stats() {
        return server.stats().snapshot();
    }

    void resetStats() {
        server.stats().reset();
    }

    @Override
    public void close() {
        server.stop();
    }
}
