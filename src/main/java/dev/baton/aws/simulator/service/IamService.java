package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.world.IdSource;
import dev.baton.aws.simulator.world.WorldState;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** IAM (awsQuery, version 2010-05-08): every action runs in the caller's account. */
public final class IamService implements QueryService {
    private final Map<String, QueryAction> actions;

    public IamService(WorldState state) {
        requireNonNull(state, "state is null");
        Map<String, QueryAction> registry = new TreeMap<>();
        // ids for created users: seeded apart from the loader's ids, so creating users is reproducible too
        new IamUserActions(state, new IdSource(state.world().limits().seed() + 1)).register(registry);
        new IamEntityActions(state).register(registry);
        new IamPrincipalPolicyActions(state).register(registry);
        new IamCredentialActions(state).register(registry);
        new CredentialReportActions(state).register(registry);
        registry.put("GetAccountAuthorizationDetails", new AuthorizationDetailsAction(state));
        this.actions = Collections.unmodifiableMap(registry);
    }

    @Override
    public String version() {
        return "2010-05-08";
    }

    @Override
    public String namespace() {
        return IamXml.NAMESPACE;
    }

    @Override
    public String statsPrefix() {
        return "iam";
    }

    /** IAM throttles per account. */
    @Override
    public String rateScope(Caller caller) {
        return "iam:" + caller.accountId();
    }

    @Override
    public Map<String, QueryAction> actions() {
        return actions;
    }
}
