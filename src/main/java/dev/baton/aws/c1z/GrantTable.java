package dev.baton.aws.c1z;

import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code v1_grants}. Columns come from the blob: the resource columns are the <em>entitlement's</em> resource,
 * the principal columns the grant's principal.
 */
final class GrantTable {
    private static final String INSERT = """
            insert into v1_grants (resource_type_id, resource_id, entitlement_id, principal_resource_type_id,
                principal_resource_id, external_id, expansion, needs_expansion, data, sync_id, discovered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (external_id, sync_id) do update set resource_type_id = excluded.resource_type_id,
                resource_id = excluded.resource_id, entitlement_id = excluded.entitlement_id,
                principal_resource_type_id = excluded.principal_resource_type_id,
                principal_resource_id = excluded.principal_resource_id, data = excluded.data""";
    private static final String UPSERT =
            INSERT + ", expansion = excluded.expansion, needs_expansion = excluded.needs_expansion";
    private static final String COLUMNS = "select id, data, expansion from v1_grants";

    private final SqliteDatabase db;
    private final SyncRowFilter scope;

    GrantTable(SqliteDatabase db, SyncRowFilter scope) {
        this.db = db;
        this.scope = scope;
    }

    /** Upserts that replace the expansion column with the one of the new grant (the SDK's normal put). */
    BatchedUpsert<GrantEncoding.Encoded> upserts(int batchSize) throws SQLException {
        return new BatchedUpsert<>(db.prepare(UPSERT), this::bind, batchSize);
    }

    /** Upserts that keep an existing row's expansion column, for the expander's rewrites of stored grants. */
    BatchedUpsert<GrantEncoding.Encoded> expansionPreservingUpserts(int batchSize) throws SQLException {
        return new BatchedUpsert<>(db.prepare(INSERT), this::bind, batchSize);
    }

    private void bind(PreparedStatement statement, GrantEncoding.Encoded encoded, String discoveredAt)
            throws SQLException {
        Grant grant = encoded.grant();
        ResourceId resource = grant.getEntitlement().getResource().getId();
        ResourceId principal = grant.getPrincipal().getId();
        statement.setString(1, resource.getResourceType());
        statement.setString(2, resource.getResource());
        statement.setString(3, grant.getEntitlement().getId());
        statement.setString(4, principal.getResourceType());
        statement.setString(5, principal.getResource());
        statement.setString(6, grant.getId());
        if (encoded.expansion() == null) {
            statement.setNull(7, Types.NULL);
        } else {
            statement.setBytes(7, encoded.expansion());
        }
        statement.setInt(8, encoded.needsExpansion() ? 1 : 0);
        statement.setBytes(9, encoded.data());
        statement.setString(10, scope.syncId());
        statement.setString(11, discoveredAt);
    }

    Optional<StoredGrant> byId(String id) {
        return db.first(
                COLUMNS + scope.where("external_id = ?") + " order by id", scope.params(id), GrantTable::stored);
    }

    List<StoredGrant> ofEntitlement(String entitlementId) {
        return db.list(
                COLUMNS + scope.where("entitlement_id = ?") + " order by id",
                scope.params(entitlementId),
                GrantTable::stored);
    }

    List<StoredGrant> ofPrincipal(ResourceId principal) {
        return db.list(
                COLUMNS + scope.where("principal_resource_type_id = ? and principal_resource_id = ?") + " order by id",
                scope.params(principal.getResourceType(), principal.getResource()),
                GrantTable::stored);
    }

    /** One page of an entitlement's grants after {@code afterRowId}, in rowid order. */
    List<Keyed> pageOfEntitlement(String entitlementId, long afterRowId, int limit) {
        return db.list(
                COLUMNS + scope.where("entitlement_id = ? and id > ?") + " order by id limit " + limit,
                scope.params(entitlementId, afterRowId),
                GrantTable::keyed);
    }

    /**
     * One page of an entitlement's grant ids and principals, read from the columns: the expander's principal
     * index needs only these, and decoding every blob for them costs more than the query.
     */
    List<PrincipalRow> principalPageOfEntitlement(String entitlementId, long afterRowId, int limit) {
        return db.list(
                "select id, external_id, principal_resource_type_id, principal_resource_id from v1_grants"
                        + scope.where("entitlement_id = ? and id > ?") + " order by id limit " + limit,
                scope.params(entitlementId, afterRowId),
                row -> new PrincipalRow(
                        row.getLong(1),
                        row.getString(2),
                        ResourceId.newBuilder()
                                .setResourceType(row.getString(3))
                                .setResource(row.getString(4))
                                .build()));
    }

    /** One page of grants with a non-null expansion column after {@code afterRowId}, in rowid order. */
    List<Keyed> pageOfExpandable(long afterRowId, int limit) {
        return db.list(
                COLUMNS + scope.where("expansion is not null and id > ?") + " order by id limit " + limit,
                scope.params(afterRowId),
                GrantTable::keyed);
    }

    long count() {
        return db.count("select count(*) from v1_grants" + scope.whereSyncOnly(), scope.params());
    }

    /** True when a grant of the sync waits for expansion. */
    boolean anyExpandable() {
        return db.count("select count(*) from v1_grants" + scope.where("needs_expansion = 1"), scope.params()) > 0;
    }

    /** A row with its rowid, the cursor of keyset paging. */
    interface RowKeyed {
        long rowId();
    }

    /** A grant with its rowid. */
    record Keyed(long rowId, StoredGrant grant) implements RowKeyed {}

    /** A grant's id and principal id as the columns hold them (both derived from the blob on write). */
    record PrincipalRow(long rowId, String grantId, ResourceId principal) implements RowKeyed {}

    /**
     * Walks pages until one comes back short. Between pages no statement is open, so the consumer may write
     * grants; rows it appends to the same entitlement are visited too, since they get higher rowids.
     */
    static <R extends RowKeyed> void forEachPaged(PageSource<R> source, int pageSize, Consumer<R> consumer) {
        long after = 0;
        while (true) {
            List<R> page = source.page(after, pageSize);
            page.forEach(consumer);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).rowId();
        }
    }

    /** Fetches the page after a rowid. */
    @FunctionalInterface
    interface PageSource<R> {
        List<R> page(long afterRowId, int limit);
    }

    private static Keyed keyed(ResultSet row) throws SQLException, IOException {
        return new Keyed(row.getLong(1), stored(row));
    }

    private static StoredGrant stored(ResultSet row) throws SQLException, IOException {
        return GrantEncoding.decode(row.getBytes(2), row.getBytes(3));
    }
}
