package dev.baton.aws.provisioning;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.C1zReader;
import dev.baton.aws.c1z.StoredGrant;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves the ids of a one-shot grant or revoke against the sync file the way the baton SDK does: the entitlement
 * gets its full stored resource, the principal is the stored resource, and a revoke's grant gets both. Every
 * unknown id is a usage error that names the id and, where one is close, suggests it.
 */
final class SyncFileLookup implements AutoCloseable {
    private final Path file;
    private final C1zReader reader;

    private SyncFileLookup(Path file, C1zReader reader) {
        this.file = file;
        this.reader = reader;
    }

    static SyncFileLookup open(Path file) throws ProvisioningException {
        requireNonNull(file, "file is null");
        if (!Files.isRegularFile(file)) {
            throw ProvisioningException.usage(
                    "sync file " + file + " does not exist; run a sync first or point " + "--file at an existing c1z");
        }
        try {
            return new SyncFileLookup(file, C1zReader.open(file));
        } catch (C1zException e) {
            throw new ProvisioningException(
                    ProvisioningException.Kind.USAGE,
                    "sync file " + file + " is not a readable c1z: " + e.getMessage(),
                    e);
        }
    }

    /** The entitlement with its resource replaced by the full stored resource. */
    Entitlement entitlement(String entitlementId) throws ProvisioningException {
        Entitlement entitlement = reader.entitlement(entitlementId)
                .orElseThrow(() -> ProvisioningException.usage("entitlement '" + entitlementId + "' is not in " + file
                        + IdSuggestion.hint(entitlementId, reader.entitlementIds())));
        ResourceId resourceId = entitlement.getResource().getId();
        Resource resource = reader.resource(resourceId)
                .orElseThrow(() -> ProvisioningException.usage("entitlement '" + entitlementId + "' belongs to "
                        + Ids.resourceKey(resourceId) + ", which is not in " + file));
        return entitlement.toBuilder().setResource(resource).build();
    }

    Resource principal(String principalType, String principalId) throws ProvisioningException {
        ResourceId id = Ids.resourceId(principalType, principalId);
        return reader.resource(id)
                .orElseThrow(() -> ProvisioningException.usage("principal " + Ids.resourceKey(id) + " is not in " + file
                        + principalHint(principalType, principalId)));
    }

    /**
     * The stored grant with its entitlement and principal hydrated. A principal that is no longer in the file keeps
     * the id the grant carries: revoking access of a since-deleted user must still be possible.
     */
    Grant grant(String grantId) throws ProvisioningException {
        StoredGrant stored = reader.grant(grantId)
                .orElseThrow(() ->
                        ProvisioningException.usage("grant '" + grantId + "' is not in " + file + grantHint(grantId)));
        Grant grant = stored.grant();
        Entitlement entitlement = entitlement(grant.getEntitlement().getId());
        Resource principal = reader.resource(grant.getPrincipal().getId()).orElse(grant.getPrincipal());
        return grant.toBuilder()
                .setEntitlement(entitlement)
                .setPrincipal(principal)
                .build();
    }

    private String principalHint(String principalType, String principalId) {
        List<String> ids = reader.resources(principalType).stream()
                .map(r -> r.getId().getResource())
                .toList();
        if (!ids.isEmpty()) {
            return IdSuggestion.hint(principalId, ids);
        }
        List<String> types =
                reader.resourceTypes().stream().map(ResourceType::getId).toList();
        return "; the file has no resources of type '" + principalType + "'"
                + IdSuggestion.closest(principalType, types)
                        .map(t -> " (did you mean type '" + t + "'?)")
                        .orElse("");
    }

    /**
     * Grant ids embed their entitlement id (SDK grants as a prefix, account assignment grants as a suffix), so the
     * suggestion searches only the grants of that entitlement.
     */
    private String grantHint(String grantId) {
        if (reader.entitlement(grantId).isPresent()) {
            return "; that is an entitlement id, and revoke takes a grant id";
        }
        String best = "";
        for (String entitlementId : reader.entitlementIds()) {
            boolean embedded = grantId.startsWith(entitlementId + ":") || grantId.endsWith(":" + entitlementId);
            if (embedded && entitlementId.length() > best.length()) {
                best = entitlementId;
            }
        }
        if (best.isEmpty()) {
            return "";
        }
        List<String> grantIds = reader.grantsForEntitlement(best).stream()
                .map(g -> g.grant().getId())
                .toList();
        return IdSuggestion.hint(grantId, grantIds);
    }

    @Override
    public void close() {
        reader.close();
    }
}
