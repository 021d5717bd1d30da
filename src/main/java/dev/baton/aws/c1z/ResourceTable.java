package dev.baton.aws.c1z;

import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code v1_resources}. The lookup key is {@code external_id = "<type>:<id>"}; it ignores the parent, so two
 * resources that differ only by parent collide and the later one wins, as in the SDK.
 */
final class ResourceTable {
    // The derived columns are refreshed together with data so that they can never disagree with the blob.
    private static final String UPSERT = """
            insert into v1_resources (resource_type_id, external_id, parent_resource_type_id, parent_resource_id,
                data, sync_id, discovered_at) values (?, ?, ?, ?, ?, ?, ?)
            on conflict (external_id, sync_id) do update set resource_type_id = excluded.resource_type_id,
                parent_resource_type_id = excluded.parent_resource_type_id,
                parent_resource_id = excluded.parent_resource_id, data = excluded.data""";

    private final SqliteDatabase db;
    private final SyncRowFilter scope;

    ResourceTable(SqliteDatabase db, SyncRowFilter scope) {
        this.db = db;
        this.scope = scope;
    }

    static String externalId(ResourceId id) {
        return id.getResourceType() + ":" + id.getResource();
    }

    static void validate(Resource resource) {
        ResourceId id = resource.getId();
        if (id.getResourceType().isEmpty() || id.getResource().isEmpty()) {
            throw new IllegalArgumentException(
                    "resource without a complete id: '" + externalId(id) + "' (" + resource.getDisplayName() + ")");
        }
    }

    BatchedUpsert<Resource> upserts(int batchSize) throws SQLException {
        String syncId = scope.syncId();
        return new BatchedUpsert<>(
                db.prepare(UPSERT),
                (statement, resource, discoveredAt) -> {
                    ResourceId id = resource.getId();
                    statement.setString(1, id.getResourceType());
                    statement.setString(2, externalId(id));
                    if (resource.hasParentResourceId()) {
                        statement.setString(3, resource.getParentResourceId().getResourceType());
                        statement.setString(4, resource.getParentResourceId().getResource());
                    } else {
                        statement.setNull(3, Types.NULL);
                        statement.setNull(4, Types.NULL);
                    }
                    statement.setBytes(5, ProtoEncoding.serialize(resource));
                    statement.setString(6, syncId);
                    statement.setString(7, discoveredAt);
                },
                batchSize);
    }

    Optional<Resource> byId(ResourceId id) {
        return db.first(
                "select data from v1_resources" + scope.where("external_id = ?") + " order by id",
                scope.params(externalId(id)),
                row -> Resource.parseFrom(row.getBytes(1)));
    }

    boolean exists(ResourceId id) {
        return db.count(
                        "select count(*) from v1_resources" + scope.where("external_id = ?"),
                        scope.params(externalId(id)))
                > 0;
    }

    List<Resource> ofType(String resourceTypeId) {
        return db.list(
                "select data from v1_resources" + scope.where("resource_type_id = ?") + " order by id",
                scope.params(resourceTypeId),
                row -> Resource.parseFrom(row.getBytes(1)));
    }

    /** A resource with its rowid, the cursor of {@link #pageOfSync}. */
    record Keyed(long rowId, Resource resource) implements GrantTable.RowKeyed {}

    /** The sync's resources after {@code afterRowId}, in rowid (write) order. */
    List<Keyed> pageOfSync(long afterRowId, int limit) {
        return db.list(
                "select id, data from v1_resources" + scope.where("id > ?") + " order by id limit " + limit,
                scope.params(afterRowId),
                row -> new Keyed(row.getLong(1), Resource.parseFrom(row.getBytes(2))));
    }

    /** Resources per type id, in first-seen order (callers sort). */
    Map<String, Long> countByType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.list(
                "select resource_type_id, count(*) from v1_resources" + scope.whereSyncOnly()
                        + " group by resource_type_id",
                scope.params(),
                row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }
}
