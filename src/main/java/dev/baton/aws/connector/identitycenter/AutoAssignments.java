package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.connector.organizations.AccountStates;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the assignment-reading strategy once per sync, on the first read, and delegates to it.
 *
 * <p>The rule for {@link AssignmentStrategy#AUTO}: per principal when the identity store holds fewer principals
 * (users + groups) than there are (ACTIVE account, provisioned permission set) pairs, else per pair. Each strategy
 * costs at least one call per unit (pair or principal), so the smaller count wins. Counting pairs uses the
 * provisioned-set lists every sync needs anyway (cached in {@link PermissionSetCatalog}) plus the sync's one
 * account listing ({@link OrganizationAccounts}, shared with the account syncers); counting principals stops as
 * soon as it reaches the pair count, so ruling the per-principal strategy out costs at most one Identity Store page
 * per 100 pairs.
 */
final class AutoAssignments implements AssignmentReader {
    private static final Logger LOG = LoggerFactory.getLogger(AutoAssignments.class);

    /**
     * What the strategies read from; one per run.
     *
     * @param readers how many principals the per-principal strategy reads at once (the sync's {@code --workers})
     */
    record Sources(
            AwsClients clients,
            OrganizationAccounts accounts,
            PermissionSetCatalog catalog,
            SyncWarnings warnings,
            int readers,
            AssignmentMemo memo) {
        Sources {
            requireNonNull(memo, "memo is null");
            requireNonNull(clients, "clients is null");
            requireNonNull(accounts, "accounts is null");
            requireNonNull(catalog, "catalog is null");
            requireNonNull(warnings, "warnings is null");
            if (readers < 1) {
                throw new IllegalArgumentException("readers must be at least 1, was " + readers);
            }
        }
    }

    private final AssignmentStrategy strategy;
    private final Sources sources;
    private AssignmentReader chosen;

    AutoAssignments(AssignmentStrategy strategy, Sources sources) {
        this.strategy = requireNonNull(strategy, "strategy is null");
        this.sources = requireNonNull(sources, "sources is null");
    }

    @Override
    public AssignmentPage read(String accountId, String permissionSetArn, String token) throws SyncException {
        return chosen().read(accountId, permissionSetArn, token);
    }

    /** Single flight: the first reader decides (and builds the index) while the others wait for its answer. */
    private synchronized AssignmentReader chosen() throws SyncException {
        if (chosen == null) {
            chosen = choose();
        }
        return chosen;
    }

    private AssignmentReader choose() throws SyncException {
        Optional<AssignmentStrategy> recalled =
                strategy == AssignmentStrategy.AUTO ? sources.memo().strategy() : Optional.empty();
        if (recalled.isPresent()) { // an earlier run of this sync chose; its choice holds, and costs no call
            return recalled.get() == AssignmentStrategy.PER_PAIR
                    ? perPair()
                    : perPrincipal(sources.memo().principals().orElseThrow());
        }
        return switch (strategy) {
            case PER_PAIR -> perPair();
            case PER_PRINCIPAL ->
                perPrincipal(directory().principalsFewerThan(Integer.MAX_VALUE).orElseThrow());
            case AUTO -> chooseByCost();
            case UPSTREAM ->
                new PagedPairAssignments(sources.clients(), sources.catalog().instanceProvider(), sources.warnings());
        };
    }

    private AssignmentReader chooseByCost() throws SyncException {
        int pairs = countPairs();
        Optional<List<Assignment>> principals =
                pairs == 0 ? Optional.empty() : directory().principalsFewerThan(pairs);
        if (principals.isPresent()) {
            LOG.info(
                    "reading account assignments per principal: {} principals < {} (account, permission set) pairs",
                    principals.get().size(),
                    pairs);
            sources.memo().principals(principals.get());
            sources.memo().strategy(AssignmentStrategy.PER_PRINCIPAL);
            return perPrincipal(principals.get());
        }
        LOG.info("reading account assignments per (account, permission set) pair: {} pairs", pairs);
        sources.memo().strategy(AssignmentStrategy.PER_PAIR);
        return perPair();
    }

    private int countPairs() throws SyncException {
        int pairs = 0;
        for (String accountId : activeAccountIds()) {
            pairs += sources.catalog().provisionedTo(accountId).size();
        }
        return pairs;
    }

    private List<String> activeAccountIds() throws SyncException {
        try {
            return sources.accounts().all().stream()
                    .filter(AccountStates::isActive)
                    .map(AccountStates::id)
                    .filter(id -> !id.isEmpty())
                    .toList();
        } catch (AwsCallException e) {
            throw AwsCall.failure(e);
        }
    }

    private AssignmentReader perPair() {
        return new PerPairAssignments(
                sources.clients(), sources.catalog().instanceProvider(), sources.warnings(), sources.memo());
    }

    private AssignmentReader perPrincipal(List<Assignment> principals) throws SyncException {
        return PerPrincipalAssignments.build(
                sources.clients(),
                sources.catalog().instance(),
                principals,
                sources.readers(),
                sources.warnings(),
                sources.memo());
    }

    private SsoPrincipalDirectory directory() {
        return new SsoPrincipalDirectory(sources.clients(), sources.catalog().instanceProvider());
    }
}
