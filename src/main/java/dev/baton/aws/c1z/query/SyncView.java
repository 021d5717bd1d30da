package dev.baton.aws.c1z.query;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The rows of one sync of a {@link SyncFile}, in insertion order unless a method says otherwise. */
public final class SyncView {
    private final Sql sql;
    private final SyncRunRow run;

    SyncView(Sql sql, SyncRunRow run) {
        this.sql = sql;
        this.run = run;
    }

    public SyncRunRow run() {
        return run;
    }

    Sql sql() {
        return sql;
    }

    public List<ResourceType> resourceTypes() {
        return sql.list(
                "select data from v1_resource_types where sync_id = ? order by id",
                List.of(run.syncId()),
                row -> ResourceType.parseFrom(row.getBytes(1)));
    }

    public Optional<ResourceType> resourceType(String id) {
        return first(sql.list(
                "select data from v1_resource_types where external_id = ? and sync_id = ?",
                List.of(id, run.syncId()),
                row -> ResourceType.parseFrom(row.getBytes(1))));
    }

    /** Resources of one type, or of every type when {@code type} is null. */
    public List<Resource> resources(String type) {
        List<String> params = new ArrayList<>();
        String condition = type == null ? "" : " and resource_type_id = ?";
        if (type != null) {
            params.add(type);
        }
        params.add(run.syncId());
        return sql.list(
                "select data from v1_resources where 1 = 1" + condition + " and sync_id = ? order by id",
                params,
                row -> Resource.parseFrom(row.getBytes(1)));
    }

    public Optional<Resource> resource(String type, String id) {
        return first(sql.list(
                "select data from v1_resources where external_id = ? and sync_id = ?",
                List.of(type + ":" + id, run.syncId()),
                row -> Resource.parseFrom(row.getBytes(1))));
    }

    /** Entitlements, filtered by their resource's type and id when those are not null. */
    public List<Entitlement> entitlements(String resourceType, String resourceId) {
        List<String> params = new ArrayList<>();
        StringBuilder condition = new StringBuilder();
        if (resourceType != null) {
            condition.append(" and resource_type_id = ?");
            params.add(resourceType);
        }
        if (resourceId != null) {
            condition.append(" and resource_id = ?");
            params.add(resourceId);
        }
        params.add(run.syncId());
        return sql.list(
                "select data from v1_entitlements where 1 = 1" + condition + " and sync_id = ? order by id",
                params,
                row -> Entitlement.parseFrom(row.getBytes(1)));
    }

    public Optional<Entitlement> entitlement(String id) {
        return first(sql.list(
                "select data from v1_entitlements where external_id = ? and sync_id = ?",
                List.of(id, run.syncId()),
                row -> Entitlement.parseFrom(row.getBytes(1))));
    }

    public List<Grant> grants(GrantFilter filter) {
        List<Grant> grants = new ArrayList<>();
        forEachGrant(filter, grants::add);
        return grants;
    }

    public void forEachGrant(GrantFilter filter, Consumer<Grant> consumer) {
        List<String> params = new ArrayList<>();
        String conditions = filter.conditions(params);
        params.add(run.syncId());
        sql.scan(
                "select data from v1_grants where 1 = 1" + conditions + " and sync_id = ? order by id", params, row -> {
                    consumer.accept(Grant.parseFrom(row.getBytes(1)));
                    return true;
                });
    }

    /** The grants {@code filter} selects as {@link GrantRow}s, in insertion order, without decoding whole grants. */
    public void forEachGrantRow(GrantFilter filter, Consumer<GrantRow> consumer) {
        List<String> params = new ArrayList<>();
        String conditions = filter.conditions(params);
        params.add(run.syncId());
        sql.scan(
                "select external_id, entitlement_id, resource_type_id, resource_id, principal_resource_type_id,"
                        + " principal_resource_id, data from v1_grants where 1 = 1" + conditions + " and sync_id = ?"
                        + " order by id",
                params,
                row -> {
                    consumer.accept(GrantRow.of(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getBytes(7)));
                    return true;
                });
    }

    /** Resources per type, in the order the types were recorded. */
    public Map<String, Long> resourceCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ResourceType type : resourceTypes()) {
            counts.put(type.getId(), 0L);
        }
        sql.scan(
                "select resource_type_id, count(*) from v1_resources where sync_id = ? group by resource_type_id",
                List.of(run.syncId()),
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                    return true;
                });
        return counts;
    }

    public long entitlementCount() {
        return count("v1_entitlements");
    }

    public long grantCount() {
        return count("v1_grants");
    }

    private long count(String table) {
        return sql.list(
                        "select count(*) from " + table + " where sync_id = ?",
                        List.of(run.syncId()),
                        row -> row.getLong(1))
                .get(0);
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
