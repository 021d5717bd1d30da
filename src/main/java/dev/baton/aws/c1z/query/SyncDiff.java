package dev.baton.aws.c1z.query;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What changed from one sync to another, by the keys the baton CLI's {@code diff} uses: resources by
 * {@code type:id}, entitlements and grants by id. Rows whose bytes differ are decoded and compared as messages,
 * so a different order of profile keys is no change. Two syncs of one file are paired by SQLite, which hands over
 * only the rows whose bytes differ; syncs of two files are read as two cursors ordered by key and merged. Either
 * way memory holds only the changes, however large the syncs are.
 */
public record SyncDiff(
        SyncRunRow from,
        SyncRunRow to,
        List<Change<Resource>> resources,
        List<Change<Entitlement>> entitlements,
        List<Change<Grant>> grants) {
    public SyncDiff {
        resources = List.copyOf(resources);
        entitlements = List.copyOf(entitlements);
        grants = List.copyOf(grants);
    }

    public static SyncDiff between(SyncView older, SyncView newer) {
        return new SyncDiff(
                older.run(),
                newer.run(),
                changes(older, newer, "v1_resources", Resource.parser()),
                changes(older, newer, "v1_entitlements", Entitlement.parser()),
                changes(older, newer, "v1_grants", Grant.parser()));
    }

    public boolean isEmpty() {
        return resources.isEmpty() && entitlements.isEmpty() && grants.isEmpty();
    }

    private static <T extends Message> List<Change<T>> changes(
            SyncView older, SyncView newer, String table, Parser<T> parser) {
        return older.sql() == newer.sql()
                ? changesInOneFile(older, newer, table, parser)
                : mergedChanges(older, newer, table, parser);
    }

    /**
     * Two syncs of one file: SQLite pairs the rows by key through the {@code (external_id, sync_id)} index and
     * compares the blobs itself, so only rows that differ reach Java (a sync of 200 accounts has 360,000 grants of
     * about 2 KB each, almost all unchanged from one sync to the next).
     */
    private static <T extends Message> List<Change<T>> changesInOneFile(
            SyncView older, SyncView newer, String table, Parser<T> parser) {
        String from = older.run().syncId();
        String to = newer.run().syncId();
        List<Change<T>> changes = new ArrayList<>();
        Sql sql = newer.sql();
        sql.scan(
                "select b.external_id, a.data, b.data from " + table + " b join " + table + " a"
                        + " on a.external_id = b.external_id and a.sync_id = ? where b.sync_id = ? and a.data != b.data",
                List.of(from, to),
                row -> {
                    T old = parser.parseFrom(row.getBytes(2));
                    T current = parser.parseFrom(row.getBytes(3));
                    if (!old.equals(current)) {
                        changes.add(new Change<>(row.getString(1), old, current, ChangedFields.between(old, current)));
                    }
                    return true;
                });
        onlyIn(sql, table, from, to, parser, changes, true);
        onlyIn(sql, table, to, from, parser, changes, false);
        changes.sort((x, y) -> compareKeys(x.id(), y.id()));
        return changes;
    }

    /** Rows of sync {@code in} whose key sync {@code notIn} lacks: removed ones, or added ones. */
    private static <T extends Message> void onlyIn(
            Sql sql,
            String table,
            String in,
            String notIn,
            Parser<T> parser,
            List<Change<T>> changes,
            boolean removed) {
        sql.scan(
                "select x.external_id, x.data from " + table + " x where x.sync_id = ? and not exists (select 1"
                        + " from " + table + " y where y.external_id = x.external_id and y.sync_id = ?)",
                List.of(in, notIn),
                row -> {
                    T message = parser.parseFrom(row.getBytes(2));
                    changes.add(
                            removed
                                    ? new Change<>(row.getString(1), message, null, List.of())
                                    : new Change<>(row.getString(1), null, message, List.of()));
                    return true;
                });
    }

    /** Syncs of two files: both read as cursors ordered by key and merged. */
    private static <T extends Message> List<Change<T>> mergedChanges(
            SyncView older, SyncView newer, String table, Parser<T> parser) {
        String sql = "select external_id, data from " + table + " where sync_id = ? order by external_id";
        List<Change<T>> changes = new ArrayList<>();
        try (PreparedStatement a = older.sql().cursor(sql, List.of(older.run().syncId()));
                PreparedStatement b =
                        newer.sql().cursor(sql, List.of(newer.run().syncId()));
                ResultSet before = a.executeQuery();
                ResultSet after = b.executeQuery()) {
            boolean hasBefore = before.next();
            boolean hasAfter = after.next();
            while (hasBefore || hasAfter) {
                int order = !hasBefore ? 1 : !hasAfter ? -1 : compareKeys(before.getString(1), after.getString(1));
                if (order < 0) {
                    changes.add(
                            new Change<>(before.getString(1), parser.parseFrom(before.getBytes(2)), null, List.of()));
                    hasBefore = before.next();
                } else if (order > 0) {
                    changes.add(new Change<>(after.getString(1), null, parser.parseFrom(after.getBytes(2)), List.of()));
                    hasAfter = after.next();
                } else {
                    byte[] x = before.getBytes(2);
                    byte[] y = after.getBytes(2);
                    if (!Arrays.equals(x, y)) {
                        T old = parser.parseFrom(x);
                        T current = parser.parseFrom(y);
                        if (!old.equals(current)) {
                            changes.add(new Change<>(
                                    after.getString(1), old, current, ChangedFields.between(old, current)));
                        }
                    }
                    hasBefore = before.next();
                    hasAfter = after.next();
                }
            }
        } catch (SQLException e) {
            throw newer.sql().failure("cannot compare " + table, e);
        } catch (InvalidProtocolBufferException e) {
            throw newer.sql().failure("a stored row of " + table + " is not a valid protobuf message", e);
        }
        return changes;
    }

    /** SQLite's default (binary) collation: UTF-8 bytes, unsigned. */
    private static int compareKeys(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8));
    }
}
