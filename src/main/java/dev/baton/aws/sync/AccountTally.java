package dev.baton.aws.sync;

import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Accounts done and in all, for progress lines. An account is a resource of one of
 * {@link SyncOptions#accountTypes()} (resources of those types with the same id are one account); it counts once its
 * page is queued, and is done when no work that belongs to it is left: no listing under it (child resources, at any
 * depth, and the entitlements and grants of it and of everything under it) queued, running or with a page not yet
 * written, and every child listing of it scheduled. Not thread-safe: {@link WorkQueues} calls it under the
 * scheduler's lock.
 */
final class AccountTally {
    private final Set<String> accountTypes;
    private final Set<String> accounts = new LinkedHashSet<>();
    /** Per account id: units queued or running, pages not yet written, and holds of pages naming the account. */
    private final Map<String, Integer> outstanding = new HashMap<>();

    AccountTally(Set<String> accountTypes) {
        this.accountTypes = Set.copyOf(accountTypes);
    }

    void unitAdded(WorkUnit unit) {
        add(unit.account(), 1);
    }

    void unitDone(WorkUnit unit) {
        add(unit.account(), -1);
    }

    /**
     * A page was queued for writing. Each account it lists is held twice: until the page is written (its own
     * entitlement and grant listings are queued then) and until the child listings of the page are scheduled.
     */
    void pageQueued(WriteBatch page) {
        add(page.account(), 1);
        if (page instanceof WriteBatch.Resources resources) {
            for (Resource resource : resources.resources()) {
                if (accountTypes.contains(resource.getId().getResourceType())) {
                    accounts.add(resource.getId().getResource());
                    add(resource.getId().getResource(), 2);
                }
            }
        }
    }

    /** A page was written and the listings its resources start were queued. */
    void pageWritten(WriteBatch page) {
        add(page.account(), -1);
        releaseAccountsOf(page);
    }

    void childrenScheduled(WriteBatch.Resources page) {
        releaseAccountsOf(page);
    }

    int total() {
        return accounts.size();
    }

    int done() {
        int done = 0;
        for (String account : accounts) {
            if (outstanding.getOrDefault(account, 0) == 0) {
                done++;
            }
        }
        return done;
    }

    private void releaseAccountsOf(WriteBatch page) {
        if (page instanceof WriteBatch.Resources resources) {
            for (Resource resource : resources.resources()) {
                if (accountTypes.contains(resource.getId().getResourceType())) {
                    add(resource.getId().getResource(), -1);
                }
            }
        }
    }

    private void add(String account, int delta) {
        if (account != null) {
            outstanding.merge(account, delta, Integer::sum);
        }
    }
}
