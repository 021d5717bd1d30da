package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link IamAccountReader} per account per sync. This is the documented snapshot cache: the first syncer that
 * touches an account collects its snapshot (GAAD + credential report) while concurrent callers for the same account
 * wait for that one collection (single flight). An account that denies the fast path gets the per-entity reader,
 * announced by one info line. Failures are not cached, so a later call may retry; one instance lives for one sync.
 */
final class IamReaders {
    private static final Logger log = LoggerFactory.getLogger(IamReaders.class);

    private final AwsClients clients;
    private final boolean fastPath;
    private final SyncWarnings warnings;
    private final Map<String, CompletableFuture<IamAccountReader>> readers = new ConcurrentHashMap<>();
    /** Syncers reading through this instance whose listings are not all done. */
    private final AtomicInteger users = new AtomicInteger();

    IamReaders(AwsClients clients, boolean fastPath, SyncWarnings warnings) {
        this.clients = requireNonNull(clients, "clients is null");
        this.fastPath = fastPath;
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    /** A syncer that reads through these readers; its {@code listingsDone()} calls {@link #release()}. */
    void register() {
        users.incrementAndGet();
    }

    /**
     * A syncer's listings are all done. After the last one, the accounts' snapshots are dropped: at 1,000 accounts
     * they are tens of MiB that grant expansion and the Identity Center listings still running do not need. A read
     * after that (none is expected) collects the account again.
     */
    void release() {
        if (users.decrementAndGet() == 0) {
            int accounts = readers.size();
            readers.clear();
            log.debug("IAM listings done: dropped the readers of {} accounts", accounts);
        }
    }

    String callerAccountId() throws SyncException {
        return AwsFailures.require(clients::callerAccountId);
    }

    /** The reader of the account that owns {@code entityArn} (every IAM call goes to the owning account). */
    IamAccountReader forEntity(String entityArn) throws SyncException {
        return forAccount(Arn.parse(entityArn).accountId());
    }

    /** The reader for a List call: the caller's account at top level, the child account under account_iam. */
    IamAccountReader forListing(ResourceId parent) throws SyncException {
        return forAccount(parent == null ? callerAccountId() : parent.getResource());
    }

    /** True when a List call with this parent is one the IAM syncers answer (top level or account_iam). */
    static boolean listsUnder(ResourceId parent) {
        return parent == null || parent.getResourceType().equals(ResourceTypes.ACCOUNT_IAM_ID);
    }

    IamAccountReader forAccount(String accountId) throws SyncException {
        CompletableFuture<IamAccountReader> mine = new CompletableFuture<>();
        CompletableFuture<IamAccountReader> existing = readers.putIfAbsent(accountId, mine);
        if (existing == null) {
            try {
                mine.complete(create(accountId));
            } catch (SyncException | RuntimeException e) {
                readers.remove(accountId, mine);
                mine.completeExceptionally(e);
            }
        }
        try {
            return (existing == null ? mine : existing).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SyncException sync) {
                throw sync;
            }
            throw e;
        }
    }

    private IamAccountReader create(String accountId) throws SyncException {
        IamCalls iam = new IamCalls(clients.gateway(), AwsFailures.require(() -> clients.iam(accountId)), accountId);
        if (!fastPath) {
            return new PerEntityIamReader(iam, warnings);
        }
        try {
            return new SnapshotIamReader(new IamSnapshotCollector(iam, warnings).collect(), iam, warnings);
        } catch (AwsCallException e) {
            if (e.kind() != ErrorKind.ACCESS_DENIED) {
                throw AwsFailures.fatal(e);
            }
            log.info(
                    "baton-aws: account {} denies the IAM fast path ({}); using per-entity IAM calls",
                    accountId,
                    e.getMessage());
            return new PerEntityIamReader(iam, warnings);
        }
    }
}
