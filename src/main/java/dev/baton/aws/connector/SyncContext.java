package dev.baton.aws.connector;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.OutputConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.spi.SyncMemo;
import dev.baton.aws.spi.SyncWarnings;

/**
 * What every syncer of one run is built from: the AWS clients, what the flags turn on, where warnings go, and the
 * run's one listing of the organization's accounts (the {@code account} and {@code account_iam} syncers and the
 * assignment strategy all read it). One instance lives for one sync.
 *
 * @param workers the sync's {@code --workers}: how many calls a syncer that reads in parallel on its own (Identity
 *                Center assignments per principal) may have in flight at once
 * @param memo    where a syncer keeps answers that took many calls, for a run that continues an interrupted sync
 */
public record SyncContext(
        AwsClients clients,
        OrganizationConfig organization,
        SyncScope scope,
        SyncWarnings warnings,
        OrganizationAccounts accounts,
        int workers,
        SyncMemo memo) {

    public SyncContext {
        requireNonNull(clients, "clients is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(warnings, "warnings is null");
        requireNonNull(accounts, "accounts is null");
        requireNonNull(memo, "memo is null");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
    }

    /** A context with the default number of workers. */
    public SyncContext(
            AwsClients clients,
            OrganizationConfig organization,
            SyncScope scope,
            SyncWarnings warnings,
            OrganizationAccounts accounts) {
        this(clients, organization, scope, warnings, accounts, OutputConfig.DEFAULT_WORKERS, SyncMemo.NONE);
    }

    /** A context with a fresh account listing and the default number of workers. */
    public static SyncContext of(
            AwsClients clients, OrganizationConfig organization, SyncScope scope, SyncWarnings warnings) {
        return of(clients, organization, scope, warnings, OutputConfig.DEFAULT_WORKERS);
    }

    /** A context with a fresh account listing that remembers nothing. */
    public static SyncContext of(
            AwsClients clients, OrganizationConfig organization, SyncScope scope, SyncWarnings warnings, int workers) {
        return of(clients, organization, scope, warnings, workers, SyncMemo.NONE);
    }

    /** A context with a fresh account listing. */
    public static SyncContext of(
            AwsClients clients,
            OrganizationConfig organization,
            SyncScope scope,
            SyncWarnings warnings,
            int workers,
            SyncMemo memo) {
        return new SyncContext(
                clients,
                organization,
                scope,
                warnings,
                new OrganizationAccounts(clients::organizations, clients.gateway(), warnings),
                workers,
                memo);
    }
}
