package dev.baton.aws.c1z.query;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who reaches what in one sync, and how. The paths come from each grant's {@code sources}: a grant derived by
 * expansion names the entitlements it came from, and the principal's grant of each of those is followed the same
 * way, so "member of group G, which holds permission set P on account A" comes out as the hops G:member, then P.
 */
public final class AccessQuery {
    /** Enough to explain access; a principal in many nested groups could otherwise multiply paths. */
    static final int MAX_PATHS = 16;

    private static final int MAX_DEPTH = 20;

    private final SyncView view;
    private final Map<String, Optional<Entitlement>> entitlements = new HashMap<>();
    private final Map<String, Optional<Resource>> resources = new HashMap<>();

    public AccessQuery(SyncView view) {
        this.view = view;
    }

    /** Every entitlement {@code principal} holds, in the order the grants were recorded. */
    public List<Access> of(ResourceId principal) {
        Map<String, Grant> held = new HashMap<>();
        List<Grant> grants = view.grants(GrantFilter.ofPrincipal(principal.getResourceType(), principal.getResource()));
        grants.forEach(grant -> held.putIfAbsent(grant.getEntitlement().getId(), grant));
        Resource resolved = resource(principal);
        List<Access> result = new ArrayList<>();
        for (Grant grant : grants) {
            result.add(new Access(resolved, grant, entitlement(grant), paths(grant, held::get)));
        }
        return result;
    }

    /** Every principal holding {@code entitlementId}, in the order the grants were recorded. */
    public List<Access> holders(String entitlementId) {
        List<Access> result = new ArrayList<>();
        for (Grant grant : view.grants(GrantFilter.ofEntitlement(entitlementId))) {
            ResourceId principal = grant.getPrincipal().getId();
            Map<String, Optional<Grant>> held = new HashMap<>();
            List<AccessPath> paths = paths(
                    grant,
                    source -> held.computeIfAbsent(
                                    source,
                                    id -> view
                                            .grants(new GrantFilter(
                                                    null,
                                                    null,
                                                    id,
                                                    principal.getResourceType(),
                                                    principal.getResource()))
                                            .stream()
                                            .findFirst())
                            .orElse(null));
            result.add(new Access(resource(principal), grant, entitlement(grant), paths));
        }
        return result;
    }

    /** Finds the principal's grant of an entitlement id; null when it holds none. */
    private interface HeldGrants {
        Grant of(String entitlementId);
    }

    private List<AccessPath> paths(Grant grant, HeldGrants held) {
        List<AccessPath> paths = new ArrayList<>();
        collect(grant, held, new LinkedHashSet<>(), List.of(), paths);
        return paths;
    }

    /** Adds every path to {@code grant}, {@code after} being the hops already found beyond it. */
    private void collect(
            Grant grant, HeldGrants held, Set<String> visiting, List<Entitlement> after, List<AccessPath> paths) {
        if (GrantKind.of(grant) == GrantKind.DIRECT) {
            paths.add(new AccessPath(after));
        }
        if (!visiting.add(grant.getEntitlement().getId()) || visiting.size() > MAX_DEPTH) {
            return;
        }
        for (String source : GrantKind.via(grant)) {
            if (paths.size() >= MAX_PATHS) {
                break;
            }
            List<Entitlement> hops = new ArrayList<>();
            Grant sourceGrant = held.of(source);
            hops.add(sourceGrant == null ? stub(source) : entitlement(sourceGrant));
            hops.addAll(after);
            if (sourceGrant == null) {
                paths.add(new AccessPath(hops)); // the sync lacks the grant it came from: the path ends there
            } else {
                collect(sourceGrant, held, visiting, hops, paths);
            }
        }
        visiting.remove(grant.getEntitlement().getId());
    }

    /** The stored entitlement of a grant, else the one embedded in the grant. */
    public Entitlement entitlement(Grant grant) {
        return entitlements
                .computeIfAbsent(grant.getEntitlement().getId(), view::entitlement)
                .orElse(grant.getEntitlement());
    }

    private Entitlement stub(String entitlementId) {
        return entitlements
                .computeIfAbsent(entitlementId, view::entitlement)
                .orElse(Entitlement.newBuilder().setId(entitlementId).build());
    }

    /** The stored resource, else a stub holding only the id. */
    public Resource resource(ResourceId id) {
        return resources
                .computeIfAbsent(
                        id.getResourceType() + ":" + id.getResource(),
                        key -> view.resource(id.getResourceType(), id.getResource()))
                .orElse(Resource.newBuilder().setId(id).build());
    }
}
