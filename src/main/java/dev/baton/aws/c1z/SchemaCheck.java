package dev.baton.aws.c1z;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tables, columns and indexes equal the SDK's. The expected schema is the one {@link C1zSchema} creates (its DDL is
 * the SDK's, verbatim). Readers add a few newer columns and one newer index themselves on open, so files written
 * by older SDKs may lack those; anything else missing, different or extra is a violation.
 */
final class SchemaCheck {
    static final String NAME = "schema";
    /** Added by reader migrations of newer SDKs; an older file without them is still read. */
    static final Set<String> OPTIONAL_COLUMNS = Set.of(
            "v1_sync_runs.stats",
            "v1_sync_runs.ingest_invariant_generation",
            "v1_sync_runs.ingest_invariant_coverage",
            "v1_sync_runs.ingest_invariant_mode");

    static final Set<String> OPTIONAL_INDEXES = Set.of(C1zSchema.ENTITLEMENT_GRANTS_INDEX);
    /** Tables every later check reads. */
    static final List<String> CORE_TABLES =
            List.of("v1_sync_runs", "v1_resource_types", "v1_resources", "v1_entitlements", "v1_grants");

    private SchemaCheck() {}

    /** The schema this project writes, read back from an in-memory database built with {@link C1zSchema}. */
    static SchemaSnapshot expected() throws SQLException {
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            C1zSchema.create(memory);
            return SchemaSnapshot.of(memory);
        }
    }

    /** @return whether the core tables exist, so the checks that read them can run */
    static boolean run(SchemaSnapshot actual, SchemaSnapshot expected, Violations violations) {
        expected.tables().forEach((table, columns) -> {
            List<SchemaSnapshot.Column> present = actual.tables().get(table);
            if (present == null) {
                violations.add(NAME, "missing table " + table);
                return;
            }
            Map<String, SchemaSnapshot.Column> byName = byName(present);
            for (SchemaSnapshot.Column column : columns) {
                SchemaSnapshot.Column have = byName.get(column.name());
                if (have == null) {
                    if (!OPTIONAL_COLUMNS.contains(table + "." + column.name())) {
                        violations.add(NAME, table + ": missing column " + column.name());
                    }
                } else if (!have.equals(column)) {
                    violations.add(
                            NAME,
                            table + "." + column.name() + ": " + have.describe() + ", the SDK has "
                                    + column.describe());
                }
            }
            Set<String> known = byName(columns).keySet();
            for (SchemaSnapshot.Column column : present) {
                if (!known.contains(column.name())) {
                    violations.add(NAME, table + ": extra column " + column.name() + " that SDK readers do not know");
                }
            }
        });
        expected.indexes().forEach((name, index) -> {
            SchemaSnapshot.Index have = actual.indexes().get(name);
            if (have == null) {
                if (!OPTIONAL_INDEXES.contains(name)) {
                    violations.add(NAME, "missing index " + name + " " + index.describe());
                }
            } else if (!have.equals(index)) {
                violations.add(NAME, "index " + name + " is " + have.describe() + ", the SDK has " + index.describe());
            }
        });
        return actual.tables().keySet().containsAll(CORE_TABLES);
    }

    private static Map<String, SchemaSnapshot.Column> byName(List<SchemaSnapshot.Column> columns) {
        return columns.stream().collect(Collectors.toMap(SchemaSnapshot.Column::name, Function.identity()));
    }
}
