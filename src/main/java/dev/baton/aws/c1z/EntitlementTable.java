package dev.baton.aws.c1z;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code v1_entitlements}: keyed by the entitlement id, indexed by the entitlement's resource. */
final class EntitlementTable {
    private static final String UPSERT = """
            insert into v1_entitlements (resource_type_id, resource_id, external_id, data, sync_id, discovered_at)
                values (?, ?, ?, ?, ?, ?)
            on conflict (external_id, sync_id) do update set resource_type_id = excluded.resource_type_id,
                resource_id = excluded.resource_id, data = excluded.data""";

    private final SqliteDatabase db;
    private final SyncRowFilter scope;

    EntitlementTable(SqliteDatabase db, SyncRowFilter scope) {
        this.db = db;
        this.scope = scope;
    }

    static void validate(Entitlement entitlement) {
        ResourceId resource = entitlement.getResource().getId();
        if (entitlement.getId().isEmpty()) {
            throw new IllegalArgumentException(
                    "entitlement without id on resource " + ResourceTable.externalId(resource));
        }
        if (resource.getResourceType().isEmpty() || resource.getResource().isEmpty()) {
            throw new IllegalArgumentException(
                    "entitlement " + entitlement.getId() + " does not embed its resource id");
        }
    }

    BatchedUpsert<Entitlement> upserts(int batchSize) throws SQLException {
        String syncId = scope.syncId();
        return new BatchedUpsert<>(
                db.prepare(UPSERT),
                (statement, entitlement, discoveredAt) -> {
                    ResourceId resource = entitlement.getResource().getId();
                    statement.setString(1, resource.getResourceType());
                    statement.setString(2, resource.getResource());
                    statement.setString(3, entitlement.getId());
                    statement.setBytes(4, ProtoEncoding.serialize(entitlement));
                    statement.setString(5, syncId);
                    statement.setString(6, discoveredAt);
                },
                batchSize);
    }

    Optional<Entitlement> byId(String id) {
        return db.first(
                "select data from v1_entitlements" + scope.where("external_id = ?") + " order by id",
                scope.params(id),
                row -> Entitlement.parseFrom(row.getBytes(1)));
    }

    boolean exists(String id) {
        return db.count("select count(*) from v1_entitlements" + scope.where("external_id = ?"), scope.params(id)) > 0;
    }

    List<Entitlement> ofResource(ResourceId resource) {
        return db.list(
                "select data from v1_entitlements" + scope.where("resource_type_id = ? and resource_id = ?")
                        + " order by id",
                scope.params(resource.getResourceType(), resource.getResource()),
                row -> Entitlement.parseFrom(row.getBytes(1)));
    }

    List<String> ids() {
        return db.list(
                "select external_id from v1_entitlements" + scope.whereSyncOnly() + " order by id",
                scope.params(),
                row -> row.getString(1));
    }

    long count() {
        return db.count("select count(*) from v1_entitlements" + scope.whereSyncOnly(), scope.params());
    }
}
