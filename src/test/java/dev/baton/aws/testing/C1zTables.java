package dev.baton.aws.testing;

import dev.baton.aws.c1z.C1zReader;
import dev.baton.aws.c1z.C1zSnapshot;
import dev.baton.aws.c1z.SyncRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rows of a c1z's current sync (the one baton readers show), table by table: resource types, resources,
 * entitlements and grants, each row keyed by its id and held as a digest of its stored bytes (the protobuf blob,
 * and for grants also the {@code expansion} column and the {@code needs_expansion} flag). Two files compare as
 * rows lost (in the reference only), extra (in the other only) and changed (same id, other bytes).
 *
 * <p>{@code main} compares two files for {@code scripts/faults.sh}: it prints {@code lost extra changed} summed
 * over the four tables, then one line per table, and exits 0 whether or not they differ (2 on bad arguments).
 */
public final class C1zTables {
    /** The compared tables, with the SQL that keys and reads each row of one sync. */
    private static final Map<String, String> QUERIES = queries();

    private final Map<String, SortedMap<String, String>> tables;

    private C1zTables(Map<String, SortedMap<String, String>> tables) {
        this.tables = tables;
    }

    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("resource_types", "select external_id, data from v1_resource_types where sync_id = ?");
        queries.put(
                "resources",
                "select resource_type_id || ':' || external_id, data from v1_resources" + " where sync_id = ?");
        queries.put("entitlements", "select external_id, data from v1_entitlements where sync_id = ?");
        queries.put("grants", "select external_id, data, expansion, needs_expansion from v1_grants where sync_id = ?");
        return queries;
    }

    /** Reads the current sync of {@code c1z}, decompressing it into {@code tempDir}. */
    public static C1zTables read(Path c1z, Path tempDir) throws Exception {
        String syncId;
        try (C1zReader reader = C1zReader.open(c1z, tempDir)) {
            syncId = reader.currentSync()
                    .map(SyncRun::syncId)
                    .orElseThrow(() -> new IllegalStateException(c1z + " records no sync"));
        }
        Map<String, SortedMap<String, String>> tables = new LinkedHashMap<>();
        try (C1zSnapshot snapshot = C1zSnapshot.open(c1z, tempDir)) {
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                tables.put(query.getKey(), rows(snapshot.connection(), query.getValue(), syncId));
            }
        }
        return new C1zTables(tables);
    }

    private static SortedMap<String, String> rows(Connection connection, String sql, String syncId)
            throws SQLException, NoSuchAlgorithmException {
        SortedMap<String, String> rows = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, syncId);
            try (ResultSet row = statement.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    for (int column = 2; column <= columns; column++) {
                        byte[] value = row.getBytes(column);
                        // length-prefixed, so that (ab, c) and (a, bc) differ; -1 for NULL
                        digest.update(Integer.toString(value == null ? -1 : value.length)
                                .getBytes());
                        digest.update((byte) ':');
                        if (value != null) {
                            digest.update(value);
                        }
                    }
                    String id = row.getString(1);
                    if (rows.put(id, HexFormat.of().formatHex(digest.digest())) != null) {
                        throw new IllegalStateException("two rows with id " + id + " in one sync");
                    }
                }
            }
        }
        return rows;
    }

    public List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /** Rows per table. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach((name, rows) -> counts.put(name, rows.size()));
        return counts;
    }

    public int rows() {
        return tables.values().stream().mapToInt(Map::size).sum();
    }

    /** How {@code this} differs from {@code reference}, per table. */
    public Comparison against(C1zTables reference) {
        Map<String, TableDiff> diffs = new LinkedHashMap<>();
        for (String name : reference.tables.keySet()) {
            SortedMap<String, String> expected = reference.tables.get(name);
            SortedMap<String, String> actual = tables.getOrDefault(name, new TreeMap<>());
            List<String> lost = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            expected.forEach((id, digest) -> {
                String other = actual.get(id);
                if (other == null) {
                    lost.add(id);
                } else if (!other.equals(digest)) {
                    changed.add(id);
                }
            });
            List<String> extra = actual.keySet().stream()
                    .filter(id -> !expected.containsKey(id))
                    .toList();
            diffs.put(name, new TableDiff(lost, extra, changed));
        }
        return new Comparison(diffs);
    }

    /** The ids lost, extra and changed in one table. */
    public record TableDiff(List<String> lost, List<String> extra, List<String> changed) {
        public boolean same() {
            return lost.isEmpty() && extra.isEmpty() && changed.isEmpty();
        }
    }

    /** Per table; {@link #toString()} names the first few ids of every difference. */
    public record Comparison(Map<String, TableDiff> tables) {
        public boolean same() {
            return tables.values().stream().allMatch(TableDiff::same);
        }

        public int lost() {
            return tables.values().stream().mapToInt(diff -> diff.lost().size()).sum();
        }

        public int extra() {
            return tables.values().stream()
                    .mapToInt(diff -> diff.extra().size())
                    .sum();
        }

        public int changed() {
            return tables.values().stream()
                    .mapToInt(diff -> diff.changed().size())
                    .sum();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            tables.forEach((name, diff) -> text.append(name)
                    .append(": lost ")
                    .append(diff.lost().size())
                    .append(first(diff.lost()))
                    .append(", extra ")
                    .append(diff.extra().size())
                    .append(first(diff.extra()))
                    .append(", changed ")
                    .append(diff.changed().size())
                    .append(first(diff.changed()))
                    .append('\n'));
            return text.toString();
        }

        private static String first(List<String> ids) {
            return ids.isEmpty() ? "" : " " + ids.subList(0, Math.min(3, ids.size()));
        }
    }

    /** {@code C1zTables REFERENCE.c1z OTHER.c1z}: see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: C1zTables REFERENCE.c1z OTHER.c1z");
            System.exit(2);
        }
        Path temp = Files.createTempDirectory("c1z-tables");
        try {
            C1zTables reference = read(Path.of(args[0]), temp);
            Comparison comparison = read(Path.of(args[1]), temp).against(reference);
            System.out.println(comparison.lost() + " " + comparison.extra() + " " + comparison.changed());
            System.out.print(comparison);
            System.out.println("reference rows: " + reference.counts());
        } finally {
            try (var files = Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
