package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.aws.RetryBudget;
import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.C1zWriter;
import dev.baton.aws.c1z.C1zWriterOptions;
import dev.baton.aws.c1z.NotAC1zFileException;
import dev.baton.aws.c1z.OutputSession;
import dev.baton.aws.c1z.ResumeRefusedException;
import dev.baton.aws.c1z.SyncHistory;
import dev.baton.aws.config.RunConfig;
import dev.baton.aws.config.SyncTargets;
import dev.baton.aws.connector.AwsApiCallStats;
import dev.baton.aws.connector.AwsConnector;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.sync.C1zSyncStore;
import dev.baton.aws.sync.DurableMemo;
import dev.baton.aws.sync.SyncEngine;
import dev.baton.aws.sync.SyncOptions;
import dev.baton.aws.sync.SyncSelection;
import dev.baton.aws.sync.SyncSummary;
import dev.baton.aws.sync.WarningCollector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full sync: AWS clients for the run's identity, the connector's syncers, the engine, and the c1z store. The
 * output is claimed first (its lock, before any AWS call), and replaced by an atomic rename only when everything
 * succeeded; a stop signal meanwhile leaves the previous file as it was.
 */
final class SyncCommandRunner {
    private static final Logger log = LoggerFactory.getLogger(SyncCommandRunner.class);
    private static final int WARNINGS_IN_SUMMARY = 10;
    /** A live display redraws every second; {@link LineAppender} keeps log lines 5 s apart. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    private final AwsClientSettings settings;
    private final Clock clock;
    private final OutputGuard guard;

    SyncCommandRunner(AwsClientSettings settings, Clock clock, OutputGuard guard) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.guard = requireNonNull(guard, "guard is null");
    }

    void run(RunConfig config, PrintWriter err) throws Exception {
        C1zWriterOptions writerOptions =
                C1zWriterOptions.defaults().withTempDir(config.output().tempDir());
        OutputSession session = claim(config.output().file(), writerOptions);
        guard.outputs().register(session);
        try {
            C1zWriter writer;
            try {
                writer = config.output().skipFullSync()
                        ? C1zWriter.create(session, writerOptions, history(config))
                        : C1zWriter.createResumable(
                                session, writerOptions, history(config), ResumeSettings.spec(config));
            } catch (NotAC1zFileException e) {
                throw ConfigException.invalid(
                        "--file", e.getMessage() + " (use --replace to start a new file there, or name another file)");
            } catch (ResumeRefusedException e) {
                throw ConfigException.invalid("--file", e.getMessage());
            }
            if (writer.resumed()) {
                log.info(
                        "continuing the unfinished sync {} of {} (--fresh starts over)",
                        writer.syncId(),
                        config.output().file());
            }
            sync(config, new C1zSyncStore(writer));
        } finally {
            guard.outputs().unregister(session);
            session.close();
        }
    }

    /** The output's lock and a writable target, or exit 2 naming {@code --file} (and the lock's holder). */
    private OutputSession claim(Path file, C1zWriterOptions writerOptions) {
        try {
            return OutputSession.open(file, writerOptions.tempDir(), guard.finalWrite());
        } catch (C1zException e) {
            throw ConfigException.invalid("--file", e.getMessage());
        }
    }

    private void sync(RunConfig config, C1zSyncStore syncStore) throws Exception {
        if (config.output().skipFullSync()) {
            try (C1zSyncStore store = syncStore) {
                store.finish(); // an empty finished full sync, without calling AWS (--skip-full-sync)
            }
            new ProgressEvents().wrote("wrote an empty sync", config.output().file());
            return;
        }
        WarningCollector warnings = new WarningCollector(WARNINGS_IN_SUMMARY, log::warn);
        try (C1zSyncStore store = syncStore;
                DefaultAwsClients clients = DefaultAwsClients.create(
                        config.credentials(),
                        config.organization(),
                        config.rateLimits(),
                        settings.withRetry(RetryBudget.of(config.rateLimits().retryBudget())))) {
            AwsConnector connector = AwsConnector.create(
                    clients,
                    config.organization(),
                    config.scope(),
                    warnings,
                    config.provisioning().createAccountResourceType(),
                    config.output().workers(),
                    new DurableMemo(store.checkpoint()));
            ProgressEvents events = new ProgressEvents();
            SyncOptions options = syncOptions(config);
            store.setSyncType(syncType(config.scope().targets()));
            SyncEngine engine = new SyncEngine(
                    connector.syncers(),
                    store,
                    options,
                    warnings,
                    new AwsApiCallStats(clients.stats()),
                    events.sink(),
                    clock);
            SyncSummary summary = engine.run();
            store.finish();
            events.summary(summary);
            events.wrote("wrote the sync", config.output().file());
        }
    }

    /** How the engine runs this configuration's sync; progress counts AWS accounts. */
    static SyncOptions syncOptions(RunConfig config) {
        return SyncOptions.defaults()
                .withProgressInterval(PROGRESS_INTERVAL)
                .withWorkers(config.output().workers())
                .withCheckpointInterval(config.output().checkpointInterval())
                .withResourceTypes(config.scope().resourceTypes())
                .withSelection(selection(config.scope().targets()))
                .withAccountTypes(ResourceTypes.ACCOUNT_TYPE_IDS);
    }

    private static SyncHistory history(RunConfig config) {
        return config.output().replace()
                ? SyncHistory.replaceExisting()
                : SyncHistory.keep(config.output().keepSyncCount());
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
