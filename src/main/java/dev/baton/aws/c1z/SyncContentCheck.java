package dev.baton.aws.c1z;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one sync: every blob decodes and agrees with its columns, references resolve within the same sync
 * (resource types, parents, entitlement resources, grant entitlements and principals), resources carry the trait
 * annotations their type lists, and only annotation types readers know are used.
 */
final class SyncContentCheck {
    static final String PROTOBUF = "protobuf";
    static final String INTEGRITY = "integrity";
    static final String TRAITS = "traits";

    private final Connection connection;
    private final String syncId;
    private final Violations violations;
    private final Notes notes;
    private final Map<String, List<Integer>> typeTraits = new HashMap<>();
    private final Set<String> resources = new HashSet<>();
    private final Set<String> entitlements = new HashSet<>();
    private final ContentTotals totals = new ContentTotals();

    private SyncContentCheck(Connection connection, String syncId, Violations violations, Notes notes) {
        this.connection = connection;
        this.syncId = syncId;
        this.violations = violations;
        this.notes = notes;
    }

    static ContentTotals run(Connection connection, String syncId, Violations violations, Notes notes)
            throws SQLException {
        SyncContentCheck check = new SyncContentCheck(connection, syncId, violations, notes);
        check.resourceTypes();
        check.resources();
        check.entitlements();
        check.grants();
        return check.totals;
    }

    private void resourceTypes() throws SQLException {
        forEachRow(
                "select external_id, data from v1_resource_types where sync_id = ?",
                row -> {
                    totals.resourceTypes++;
                    String externalId = row.getString(1);
                    ResourceType type = ResourceType.parseFrom(row.getBytes(2));
                    if (!type.getId().equals(externalId)) {
                        violations.add(
                                PROTOBUF, "resource type " + externalId + ": id in blob is '" + type.getId() + "'");
                    }
                    typeTraits.put(externalId, type.getTraitsValueList());
                    annotations("resource type " + externalId, type.getAnnotationsList());
                },
                "resource type");
    }

    private void resources() throws SQLException {
        List<String[]> parents = new ArrayList<>();
        forEachRow(
                "select resource_type_id, external_id, parent_resource_type_id, parent_resource_id, data"
                        + " from v1_resources where sync_id = ?",
                row -> {
                    totals.resources++;
                    String typeId = row.getString(1);
                    String externalId = row.getString(2);
                    String parentType = row.getString(3);
                    String parentId = row.getString(4);
                    Resource resource = Resource.parseFrom(row.getBytes(5));
                    ResourceId id = resource.getId();
                    if (id.getResourceType().isEmpty() || id.getResource().isEmpty()) {
                        violations.add(PROTOBUF, "resource " + externalId + ": empty id");
                    }
                    if (!key(id).equals(externalId) || !id.getResourceType().equals(typeId)) {
                        violations.add(
                                PROTOBUF,
                                "resource " + externalId + ": blob id is " + key(id) + ", column resource_type_id "
                                        + typeId);
                    }
                    resources.add(key(id));
                    if (resource.hasParentResourceId()) {
                        ResourceId parent = resource.getParentResourceId();
                        if (!parent.getResourceType().equals(parentType)
                                || !parent.getResource().equals(parentId)) {
                            violations.add(
                                    PROTOBUF,
                                    "resource " + externalId + ": parent in blob " + key(parent) + ", columns "
                                            + parentType + ":" + parentId);
                        }
                    } else if (parentType != null || parentId != null) {
                        violations.add(
                                PROTOBUF, "resource " + externalId + ": parent columns set but blob has no parent");
                    }
                    if (parentType != null) {
                        parents.add(new String[] {externalId, parentType + ":" + parentId});
                    }
                    annotations("resource " + externalId, resource.getAnnotationsList());
                    traits(externalId, typeId, resource);
                },
                "resource");
        for (String[] parent : parents) {
            if (!resources.contains(parent[1])) {
                violations.add(INTEGRITY, "resource " + parent[0] + ": parent " + parent[1] + " not in this sync");
            }
        }
    }

    private void traits(String externalId, String typeId, Resource resource) throws InvalidProtocolBufferException {
        List<Integer> traits = typeTraits.get(typeId);
        if (traits == null) {
            violations.add(
                    INTEGRITY, "resource " + externalId + ": resource type " + typeId + " not in v1_resource_types");
            return;
        }
        Set<String> present = new HashSet<>();
        for (Any annotation : resource.getAnnotationsList()) {
            present.add(annotation.getTypeUrl());
            if (annotation.getTypeUrl().equals(AnnotationTypes.url("UserTrait"))
                    && !UserTrait.parseFrom(annotation.getValue()).hasProfile()) {
                violations.add(
                        TRAITS,
                        "resource " + externalId + ": UserTrait without profile" + " (baton export csv crashes)");
            }
        }
        for (int trait : traits) {
            String wanted = AnnotationTypes.TRAIT_ANNOTATIONS.get(trait);
            if (wanted != null && !present.contains(AnnotationTypes.url(wanted))) {
                violations.add(
                        TRAITS,
                        "resource " + externalId + ": type " + typeId + " has trait " + wanted
                                + " but the resource lacks it");
            }
        }
    }

    private void entitlements() throws SQLException {
        forEachRow(
                "select resource_type_id, resource_id, external_id, data from v1_entitlements where sync_id = ?",
                row -> {
                    totals.entitlements++;
                    String externalId = row.getString(3);
                    Entitlement entitlement = Entitlement.parseFrom(row.getBytes(4));
                    if (!entitlement.hasResource()) {
                        violations.add(
                                PROTOBUF,
                                "entitlement " + externalId + ": no embedded resource"
                                        + " (baton entitlements panics)");
                        return;
                    }
                    ResourceId resource = entitlement.getResource().getId();
                    if (!entitlement.getId().equals(externalId)
                            || !resource.getResourceType().equals(row.getString(1))
                            || !resource.getResource().equals(row.getString(2))) {
                        violations.add(
                                PROTOBUF,
                                "entitlement " + externalId + ": blob id '" + entitlement.getId() + "' resource "
                                        + key(resource) + "; columns " + row.getString(1) + ":" + row.getString(2));
                    }
                    if (!resources.contains(key(resource))) {
                        violations.add(
                                INTEGRITY,
                                "entitlement " + externalId + ": resource " + key(resource) + " not in this sync");
                    }
                    annotations("entitlement " + externalId, entitlement.getAnnotationsList());
                    entitlements.add(externalId);
                },
                "entitlement");
    }

    private void grants() throws SQLException {
        forEachRow(
                "select resource_type_id, resource_id, entitlement_id, principal_resource_type_id,"
                        + " principal_resource_id, external_id, expansion, needs_expansion, data from v1_grants"
                        + " where sync_id = ?",
                row -> {
                    totals.grants++;
                    String externalId = row.getString(6);
                    Grant grant = Grant.parseFrom(row.getBytes(9));
                    if (!grant.hasEntitlement() || !grant.hasPrincipal()) {
                        violations.add(
                                PROTOBUF, "grant " + externalId + ": entitlement or principal missing from blob");
                        return;
                    }
                    if (!grant.getEntitlement().hasResource()) {
                        violations.add(PROTOBUF, "grant " + externalId + ": entitlement.resource missing from blob");
                        return;
                    }
                    ResourceId resource = grant.getEntitlement().getResource().getId();
                    ResourceId principal = grant.getPrincipal().getId();
                    String entitlementId = grant.getEntitlement().getId();
                    if (!entitlementId.equals(row.getString(3))
                            || !resource.getResourceType().equals(row.getString(1))
                            || !resource.getResource().equals(row.getString(2))
                            || !principal.getResourceType().equals(row.getString(4))
                            || !principal.getResource().equals(row.getString(5))
                            || !grant.getId().equals(externalId)) {
                        violations.add(
                                PROTOBUF,
                                "grant " + externalId + ": blob (entitlement " + entitlementId
                                        + ", resource " + key(resource) + ", principal " + key(principal) + ", id "
                                        + grant.getId()
                                        + ") disagrees with its columns");
                    }
                    for (Any annotation : grant.getAnnotationsList()) {
                        if (annotation.getTypeUrl().equals(AnnotationTypes.url("GrantExpandable"))) {
                            violations.add(
                                    PROTOBUF,
                                    "grant " + externalId
                                            + ": GrantExpandable inside data; it belongs in the expansion column");
                        }
                    }
                    annotations("grant " + externalId, grant.getAnnotationsList());
                    expansion(externalId, row.getBytes(7), row.getLong(8));
                    if (!entitlements.contains(row.getString(3))) {
                        violations.add(
                                INTEGRITY,
                                "grant " + externalId + ": entitlement " + row.getString(3)
                                        + " not in this sync (baton access panics)");
                    }
                    if (!resources.contains(key(principal))) {
                        violations.add(
                                INTEGRITY,
                                "grant " + externalId + ": principal " + key(principal) + " not in this sync");
                    }
                },
                "grant");
    }

    private void expansion(String grantId, byte[] expansion, long needsExpansion)
            throws InvalidProtocolBufferException {
        if (expansion == null) {
            if (needsExpansion != 0) {
                violations.add(
                        PROTOBUF,
                        "grant " + grantId + ": needs_expansion = " + needsExpansion
                                + " but the expansion column is NULL");
            }
            return;
        }
        if (GrantExpandable.parseFrom(expansion).getEntitlementIdsCount() == 0) {
            violations.add(PROTOBUF, "grant " + grantId + ": expansion without entitlement_ids");
        }
        if (needsExpansion != 1) {
            violations.add(PROTOBUF, "grant " + grantId + ": expansion set but needs_expansion = " + needsExpansion);
        }
    }

    private void annotations(String where, List<Any> annotations) {
        for (Any annotation : annotations) {
            AnnotationTypes.check(where, annotation.getTypeUrl(), violations, notes);
        }
    }

    private static String key(ResourceId id) {
        return id.getResourceType() + ":" + id.getResource();
    }

    /** Reads one row; a blob that does not decode becomes a protobuf violation naming the row. */
    @FunctionalInterface
    private interface RowCheck {
        void check(ResultSet row) throws SQLException, InvalidProtocolBufferException;
    }

    private void forEachRow(String sql, RowCheck check, String kind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, syncId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    try {
                        check.check(row);
                    } catch (InvalidProtocolBufferException e) {
                        violations.add(PROTOBUF, kind + " " + externalIdOf(row) + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    private static String externalIdOf(ResultSet row) throws SQLException {
        return row.getString("external_id");
    }
}
