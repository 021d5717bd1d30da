package dev.baton.aws.cli;

import dev.baton.aws.c1z.C1zReader;
import dev.baton.aws.c1z.StoredGrant;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rows of a synced c1z by id, to compare two syncs: every resource ({@code type:id}), entitlement and grant id,
 * and for each grant its entitlement, its principal and the entitlements it was expanded from.
 *
 * @param ids                  resource, entitlement and grant ids together
 * @param grants               grant id to what the grant joins
 * @param entitlementResources entitlement id to its resource ({@code type:id})
 */
record SyncedIds(Set<String> ids, Map<String, GrantRow> grants, Map<String, String> entitlementResources) {
    /**
     * One grant.
     *
     * @param sources the entitlements the grant was expanded from (empty for a grant AWS listed directly)
     */
    record GrantRow(String entitlement, String principal, Set<String> sources) {}

    static SyncedIds read(Path file) throws Exception {
        Set<String> ids = new TreeSet<>();
        Map<String, GrantRow> grants = new TreeMap<>();
        Map<String, String> entitlementResources = new TreeMap<>();
        try (C1zReader reader = C1zReader.open(file)) {
            for (ResourceType type : reader.resourceTypes()) {
                for (Resource resource : reader.resources(type.getId())) {
                    ids.add(key(resource.getId()));
                }
            }
            for (String entitlement : reader.entitlementIds()) {
                ids.add(entitlement);
                reader.entitlement(entitlement)
                        .map(Entitlement::getResource)
                        .ifPresent(resource -> entitlementResources.put(entitlement, key(resource.getId())));
                for (StoredGrant stored : reader.grantsForEntitlement(entitlement)) {
                    Grant grant = stored.grant();
                    ids.add(grant.getId());
                    grants.put(
                            grant.getId(),
                            new GrantRow(
                                    entitlement,
                                    key(grant.getPrincipal().getId()),
                                    new TreeSet<>(
                                            grant.getSources().getSourcesMap().keySet())));
                }
            }
        }
        return new SyncedIds(ids, grants, entitlementResources);
    }

    /** The id of the grant of {@code entitlement} to {@code principal}, if this sync wrote one. */
    Optional<String> grantOf(String entitlement, String principal) {
        return grants.entrySet().stream()
                .filter(e -> e.getValue().entitlement().equals(entitlement)
                        && e.getValue().principal().equals(principal))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static String key(ResourceId id) {
        return id.getResourceType() + ":" + id.getResource();
    }
}
