package dev.baton.aws.connector.permissions;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.connector.AwsApiCallStats;
import dev.baton.aws.connector.AwsConnector;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.world.ConnectorAccess;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.sync.InMemorySyncStore;
import dev.baton.aws.sync.SyncEngine;
import dev.baton.aws.sync.SyncOptions;
import dev.baton.aws.sync.SyncSummary;
import dev.baton.aws.sync.WarningCollector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

/** One full sync against the simulator with the run's flags, reduced to what a lost permission can change. */
record PolicySyncRun(
        String failure,
        List<String> warnings,
        SortedMap<String, Long> resourcesByType,
        long entitlements,
        long grants) {

    static PolicySyncRun run(SimulatorServer server, ConnectorAccess access, PermissionFeatures features) {
        try (InMemorySyncStore store = new InMemorySyncStore()) {
            return run(server, access, features, store);
        }
    }

    /** A sync into {@code store}, which the caller reads afterwards. */
    static PolicySyncRun run(
            SimulatorServer server, ConnectorAccess access, PermissionFeatures features, InMemorySyncStore store) {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        WarningCollector collector = new WarningCollector(100, warnings::add);
        Clock clock = Clock.systemUTC();
        try (DefaultAwsClients clients = clients(server, access, features)) {
            AwsConnector connector = AwsConnector.create(
                    clients, features.organization(), features.scope(), collector, features.accountCreationType());
            SyncSummary summary = new SyncEngine(
                            connector.syncers(),
                            store,
                            SyncOptions.defaults().withWorkers(4),
                            collector,
                            new AwsApiCallStats(clients.stats()),
                            progress -> {},
                            clock)
                    .run();
            return new PolicySyncRun(
                    null, List.copyOf(warnings), summary.resourcesByType(), summary.entitlements(), summary.grants());
        } catch (SyncException | dev.baton.aws.aws.AwsCallException | RuntimeException e) {
            return new PolicySyncRun(
                    String.valueOf(e.getMessage()), List.copyOf(warnings), new java.util.TreeMap<>(), 0, 0);
        }
    }

    static DefaultAwsClients clients(SimulatorServer server, ConnectorAccess access, PermissionFeatures features)
            throws dev.baton.aws.aws.AwsCallException {
        CredentialsConfig credentials = new CredentialsConfig(
                access.accessKeyId(),
                new Secret(access.secretAccessKey().value()),
                access.region(),
                access.roleArn(),
                access.externalId(),
                "",
                new Secret(""));
        return DefaultAwsClients.create(
                credentials,
                features.organization(),
                RateLimitConfig.defaults(),
                AwsClientSettings.endpoint(server.endpoint(), Clock.systemUTC()));
    }

    /** How this run differs from {@code baseline}, or empty when it does not. */
    String differenceFrom(PolicySyncRun baseline) {
        if (failure != null) {
            return "the sync failed: " + failure;
        }
        if (!warnings.isEmpty()) {
            return warnings.size() + " warning(s), first: " + warnings.get(0);
        }
        if (!resourcesByType.equals(baseline.resourcesByType)) {
            return "resources " + resourcesByType + " instead of " + baseline.resourcesByType;
        }
        if (entitlements != baseline.entitlements || grants != baseline.grants) {
            return entitlements + " entitlements and " + grants + " grants instead of " + baseline.entitlements
                    + " and " + baseline.grants;
        }
        return "";
    }
}
