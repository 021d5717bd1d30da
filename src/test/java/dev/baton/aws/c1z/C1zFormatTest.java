package dev.baton.aws.c1z;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.testing.C1zAssertions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written file against the upstream reference and the validator. */
class C1zFormatTest {
    private static final String SCHEMA = "select type || ' ' || name, sql from sqlite_master where sql is not null";

    @TempDir
    Path dir;

    private Path writeSample() throws Exception {
        return C1zFixtures.writeSample(dir.resolve("sample.c1z"), dir);
    }

    @Test
    void schemaIsTheSdkDdlVerbatimPlusTheNewerColumnsAndIndex() throws Exception {
        Map<String, String> reference = schema(ReferenceFiles.upstreamSample());
        Map<String, String> written = schema(writeSample());

        String syncRuns = written.remove("table v1_sync_runs");
        String referenceSyncRuns = reference.remove("table v1_sync_runs");
        assertEquals(referenceSyncRuns.substring(0, referenceSyncRuns.length() - 2) + """
                ,
                    stats text,
                    ingest_invariant_generation text not null default '',
                    ingest_invariant_coverage text not null default '',
                    ingest_invariant_mode text not null default ''
                )""", syncRuns);
        assertEquals(
                "CREATE INDEX idx_grants_entitlement_sync_grant_v1 on v1_grants (entitlement_id, sync_id, id)",
                written.remove("index idx_grants_entitlement_sync_grant_v1"));
        assertEquals(reference, written);
        assertEquals(tableOrder(reference), tableOrder(written));
    }

    @Test
    void validatorAcceptsAWrittenFile() throws Exception {
        assertEquals(
                "resource_types 3, resources 4, entitlements 2, grants 3",
                C1zAssertions.assertValidC1z(writeSample()).summary());
    }

    private Map<String, String> schema(Path c1z) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (RawDatabase raw = RawDatabase.decode(c1z, dir)) {
            for (List<Object> row : raw.rows(SCHEMA + " order by rowid")) {
                entries.put((String) row.get(0), (String) row.get(1));
            }
        }
        return entries;
    }

    /** Tables keep the SDK's creation order; the writer builds some grant indexes last, which readers ignore. */
    private static List<String> tableOrder(Map<String, String> schema) {
        return schema.keySet().stream()
                .filter(name -> name.startsWith("table "))
                .toList();
    }
}
