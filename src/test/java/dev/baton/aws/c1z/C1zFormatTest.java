package dev.baton.aws.c1z;

import dev.baton.aws.testing.C1zAssertions;

import static dev.baton.aws.c1z.C1zFixtures.TYPES;
import static dev.baton.aws.c1z.C1zFixtures.account;
import static dev.baton.aws.c1z.C1zFixtures.expandableGrant;
import static dev.baton.aws.c1z.C1zFixtures.grant;
import static dev.baton.aws.c1z.C1zFixtures.group;
import static dev.baton.aws.c1z.C1zFixtures.member;
import static dev.baton.aws.c1z.C1zFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
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
        Resource eng = group("eng");
        Resource ops = group("ops");
        Resource alice = user("alice", "111122223333");
        Entitlement engMember = member(eng);
        Entitlement opsMember = member(ops);
        Path out = dir.resolve("sample.c1z");
        try (C1zWriter writer = C1zWriter.create(out, C1zWriterOptions.defaults().withTempDir(dir))) {
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(account("111122223333"), alice, eng, ops));
            writer.putEntitlements(List.of(engMember, opsMember));
            writer.putGrants(List.of(grant(engMember, alice), grant(opsMember, alice),
                    expandableGrant(engMember, ops, "group:ops:member")));
            writer.finish();
        }
        return out;
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
        assertEquals("CREATE INDEX idx_grants_entitlement_sync_grant_v1 on v1_grants (entitlement_id, sync_id, id)",
                written.remove("index idx_grants_entitlement_sync_grant_v1"));
        assertEquals(reference, written);
        assertEquals(tableOrder(reference), tableOrder(written));
    }

    @Test
    void validatorAcceptsAWrittenFile() throws Exception {
        assertEquals("resource_types 3, resources 4, entitlements 2, grants 3",
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
        return schema.keySet().stream().filter(name -> name.startsWith("table ")).toList();
    }
}
