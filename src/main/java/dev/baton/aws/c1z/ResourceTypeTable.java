package dev.baton.aws.c1z;

import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code v1_resource_types}: one row per {@code ResourceType}, keyed by its id. */
final class ResourceTypeTable {
    private static final String UPSERT = """
            insert into v1_resource_types (external_id, data, sync_id, discovered_at) values (?, ?, ?, ?)
            on conflict (external_id, sync_id) do update set data = excluded.data""";

    private final SqliteDatabase db;
    private final SyncRowFilter scope;

    ResourceTypeTable(SqliteDatabase db, SyncRowFilter scope) {
        this.db = db;
        this.scope = scope;
    }

    BatchedUpsert<ResourceType> upserts(int batchSize) throws SQLException {
        String syncId = scope.syncId();
        return new BatchedUpsert<>(
                db.prepare(UPSERT),
                (statement, type, discoveredAt) -> {
                    statement.setString(1, type.getId());
                    statement.setBytes(2, ProtoEncoding.serialize(type));
                    statement.setString(3, syncId);
                    statement.setString(4, discoveredAt);
                },
                batchSize);
    }

    static void validate(ResourceType type) {
        if (type.getId().isEmpty()) {
            throw new IllegalArgumentException("resource type without id: " + type.getDisplayName());
        }
    }

    List<ResourceType> all() {
        return db.list(
                "select data from v1_resource_types" + scope.whereSyncOnly() + " order by id",
                scope.params(),
                row -> ResourceType.parseFrom(row.getBytes(1)));
    }

    Optional<ResourceType> byId(String id) {
        return db.first(
                "select data from v1_resource_types" + scope.where("external_id = ?") + " order by id",
                scope.params(id),
                row -> ResourceType.parseFrom(row.getBytes(1)));
    }

    boolean exists(String id) {
        return db.count("select count(*) from v1_resource_types" + scope.where("external_id = ?"), scope.params(id))
                > 0;
    }

    List<String> ids() {
        return db.list(
                "select external_id from v1_resource_types" + scope.whereSyncOnly() + " order by id",
                scope.params(),
                row -> row.getString(1));
    }
}
