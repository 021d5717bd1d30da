package dev.baton.aws.cli;

import static dev.baton.aws.proto.c1.connector.v2.Capability.CAPABILITY_ACCOUNT_PROVISIONING;
import static dev.baton.aws.proto.c1.connector.v2.Capability.CAPABILITY_PROVISION;
import static dev.baton.aws.proto.c1.connector.v2.Capability.CAPABILITY_RESOURCE_DELETE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.proto.c1.connector.v2.Capability;
import dev.baton.aws.proto.c1.connector.v2.CapabilityPermission;
import dev.baton.aws.proto.c1.connector.v2.CapabilityPermissions;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilitiesCommandTest {
    /** What the upstream connector registers for writes. */
    private static final Map<String, Set<Capability>> UPSTREAM_WRITES = Map.of(
            "account", Set.of(CAPABILITY_PROVISION),
            "group", Set.of(CAPABILITY_PROVISION),
            "iam_policy", Set.of(CAPABILITY_PROVISION),
            "iam_user", Set.of(CAPABILITY_ACCOUNT_PROVISIONING, CAPABILITY_RESOURCE_DELETE),
            "inline_policy", Set.of(CAPABILITY_PROVISION),
            "permission_set_assignment", Set.of(CAPABILITY_PROVISION),
            "sso_group", Set.of(CAPABILITY_PROVISION),
            "sso_user", Set.of(CAPABILITY_RESOURCE_DELETE, CAPABILITY_ACCOUNT_PROVISIONING));

    private static final Set<String> OPT_IN =
            Set.of("organization", "organizational_unit", "permission_set", "permission_set_assignment");

    @TempDir
    Path workingDirectory;

    private JsonNode capabilities(Function<String, Set<Capability>> writes) throws Exception {
        CliRun run = CliRun.run(new CliRun.RecordingWiring(writes, null), workingDirectory, Map.of(), "capabilities");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().endsWith("}"), "no trailing newline, like the SDK");
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void syncOnlyConnectorListsAllFourteenTypesSortedById() throws Exception {
        JsonNode json = capabilities(typeId -> Set.of());

        assertEquals(
                "type.googleapis.com/c1.connector.v2.ConnectorCapabilities",
                json.get("@type").asText());
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : json.get("resourceTypeCapabilities")) {
            ids.add(entry.get("resourceType").get("id").asText());
            assertEquals(List.of("CAPABILITY_SYNC"), texts(entry.get("capabilities")));
            assertEquals(
                    OPT_IN.contains(ids.get(ids.size() - 1)),
                    entry.path("optInRequired").asBoolean());
        }
        assertEquals(14, ids.size());
        assertEquals(
                ResourceTypes.ALL.stream().map(ResourceType::getId).sorted().toList(), ids);
        assertEquals(List.of("CAPABILITY_SYNC"), texts(json.get("connectorCapabilities")));
        assertEquals(0, json.get("credentialDetails").size());
    }

    @Test
    void permissionsRepeatEachTypesCapabilityPermissions() throws Exception {
        JsonNode json = capabilities(typeId -> Set.of());

        for (JsonNode entry : json.get("resourceTypeCapabilities")) {
            String id = entry.get("resourceType").get("id").asText();
            List<String> printed = new ArrayList<>();
            entry.get("permissions")
                    .get("permissions")
                    .forEach(p -> printed.add(p.get("permission").asText()));
            assertEquals(permissionsOf(id), printed, id);
        }
    }

    @Test
    void registeredWritesBecomeCapabilitiesInSdkOrder() throws Exception {
        JsonNode json = capabilities(typeId -> UPSTREAM_WRITES.getOrDefault(typeId, Set.of()));

        Map<String, List<String>> byType = new TreeMap<>();
        json.get("resourceTypeCapabilities")
                .forEach(entry ->
                        byType.put(entry.get("resourceType").get("id").asText(), texts(entry.get("capabilities"))));
        assertEquals(
                List.of("CAPABILITY_SYNC", "CAPABILITY_ACCOUNT_PROVISIONING", "CAPABILITY_RESOURCE_DELETE"),
                byType.get("iam_user"));
        assertEquals(
                List.of("CAPABILITY_SYNC", "CAPABILITY_ACCOUNT_PROVISIONING", "CAPABILITY_RESOURCE_DELETE"),
                byType.get("sso_user"));
        assertEquals(List.of("CAPABILITY_SYNC", "CAPABILITY_PROVISION"), byType.get("permission_set_assignment"));
        assertEquals(List.of("CAPABILITY_SYNC"), byType.get("role"));
        assertEquals(
                List.of(
                        "CAPABILITY_PROVISION",
                        "CAPABILITY_SYNC",
                        "CAPABILITY_ACCOUNT_PROVISIONING",
                        "CAPABILITY_RESOURCE_DELETE"),
                texts(json.get("connectorCapabilities")));
        JsonNode accounts = json.get("credentialDetails").get("capabilityAccountProvisioning");
        assertEquals(
                List.of("CAPABILITY_DETAIL_CREDENTIAL_OPTION_NO_PASSWORD"),
                texts(accounts.get("supportedCredentialOptions")));
        assertEquals(
                "CAPABILITY_DETAIL_CREDENTIAL_OPTION_NO_PASSWORD",
                accounts.get("preferredCredentialOption").asText());
    }

    @Test
    void annotationsOfEachTypeArePrintedAsTypedJson() throws Exception {
        JsonNode account =
                capabilities(typeId -> Set.of()).get("resourceTypeCapabilities").get(1);

        assertEquals("account", account.get("resourceType").get("id").asText());
        List<String> types =
                texts(account.get("resourceType").get("annotations").findValues("@type"));
        assertEquals(
                List.of(
                        "type.googleapis.com/c1.connector.v2.V1Identifier",
                        "type.googleapis.com/c1.connector.v2.ChildResourceType",
                        "type.googleapis.com/c1.connector.v2.CapabilityPermissions"),
                types);
    }

    @Test
    void outputIsStable() throws Exception {
        CliRun first = CliRun.run(workingDirectory, Map.of(), "capabilities");
        CliRun second = CliRun.run(workingDirectory, Map.of(), "capabilities");

        assertEquals(first.out(), second.out());
        assertFalse(first.out().contains("\r"));
    }

    private static List<String> permissionsOf(String typeId) throws Exception {
        ResourceType type = ResourceTypes.ALL.stream()
                .filter(t -> t.getId().equals(typeId))
                .findFirst()
                .orElseThrow();
        for (Any any : type.getAnnotationsList()) {
            if (any.is(CapabilityPermissions.class)) {
                return any.unpack(CapabilityPermissions.class).getPermissionsList().stream()
                        .map(CapabilityPermission::getPermission)
                        .toList();
            }
        }
        return List.of();
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
