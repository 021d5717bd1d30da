package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.c1z.C1zWriterOptions;
import dev.baton.aws.config.RunConfig;
import dev.baton.aws.config.SyncTargets;
import dev.baton.aws.connector.AwsApiCallStats;
import dev.baton.aws.connector.AwsConnector;
import dev.baton.aws.sync.C1zSyncStore;
import dev.baton.aws.sync.SyncEngine;
import dev.baton.aws.sync.SyncOptions;
import dev.baton.aws.sync.SyncSelection;
import dev.baton.aws.sync.SyncSummary;
import dev.baton.aws.sync.WarningCollector;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full sync: AWS clients for the run's identity, the connector's syncers, the engine, and the c1z store, which
 * writes {@code <file>.tmp} and renames it over the output only when everything succeeded.
 */
final class SyncCommandRunner {
    private static final Logger log = LoggerFactory.getLogger(SyncCommandRunner.class);
    private static final int WARNINGS_IN_SUMMARY = 10;
    /** A live display redraws every second; {@link LineAppender} keeps log lines 5 s apart. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    private final AwsClientSettings settings;
    private final Clock clock;

    SyncCommandRunner(AwsClientSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    void run(RunConfig config, PrintWriter err) throws Exception {
        C1zWriterOptions writerOptions = C1zWriterOptions.defaults().withTempDir(config.output().tempDir());
        if (config.output().skipFullSync()) {
            try (C1zSyncStore store = C1zSyncStore.create(config.output().file(), writerOptions)) {
                store.finish(); // an empty finished full sync, without calling AWS (--skip-full-sync)
            }
            new ProgressEvents().wrote("wrote an empty sync", config.output().file());
            return;
        }
        WarningCollector warnings = new WarningCollector(WARNINGS_IN_SUMMARY, log::warn);
        try (C1zSyncStore store = C1zSyncStore.create(config.output().file(), writerOptions);
             DefaultAwsClients clients = DefaultAwsClients.create(config.credentials(), config.organization(),
                     config.rateLimits(), settings)) {
            AwsConnector connector = AwsConnector.create(clients, config.organization(), config.scope(), warnings,
                    config.provisioning().createAccountResourceType());
            ProgressEvents events = new ProgressEvents();
            SyncOptions options = SyncOptions.defaults()
                    .withProgressInterval(PROGRESS_INTERVAL)
                    .withWorkers(config.output().workers())
                    .withResourceTypes(config.scope().resourceTypes())
                    .withSelection(selection(config.scope().targets()));
            store.setSyncType(syncType(config.scope().targets()));
            SyncEngine engine = new SyncEngine(connector.syncers(), store, options, warnings,
                    new AwsApiCallStats(clients.stats()),
                    events.sink(), clock);
            SyncSummary summary = engine.run();
            store.finish();
            events.summary(summary);
            events.wrote("wrote the sync", config.output().file());
        }
    }

    private static SyncSelection selection(SyncTargets targets) {
        return new SyncSelection(targets.resourceKeys(), targets.skipGrants(), targets.skipEntitlementsAndGrants());
    }

    /** The SDK's sync type for the same run: targeted syncs are partial, resource-only ones resources_only. */
    static String syncType(SyncTargets targets) {
        if (!targets.resourceKeys().isEmpty()) {
            return "partial";
        }
        return targets.skipEntitlementsAndGrants() ? "resources_only" : "full";
    }

}
