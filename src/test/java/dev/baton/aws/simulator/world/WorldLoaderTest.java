package dev.baton.aws.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorldLoaderTest {
    private final WorldLoader loader = new WorldLoader();

    static String smallWorldJson() {
        try (InputStream in = WorldLoaderTest.class.getResourceAsStream("small-world.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadsEveryPartOfTheSmallWorld() {
        World world = loader.load(smallWorldJson());
        assertEquals("o-example123", world.organization().id());
        assertEquals(
                List.of("r-ab12", "ou-ab12-11111111", "ou-ab12-22222222"),
                world.organization().allUnits().stream().map(OrgUnit::id).toList());
        Account management = world.account("111111111111").orElseThrow();
        assertEquals("r-ab12", management.parentId());
        assertEquals("SUSPENDED", world.account("333333333333").orElseThrow().status());
        IamUser alice = management.iam().user("alice").orElseThrow();
        assertEquals("arn:aws:iam::111111111111:user/staff/alice", alice.arn("111111111111"));
        assertTrue(alice.id().matches("AIDA[A-Z2-7]{17}"));
        assertEquals(
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::111111111111:policy/TeamPolicy"),
                alice.attachedPolicies());
        assertEquals("eu-west-1", alice.accessKeys().get(0).lastUsed().region());
        assertEquals("Inactive", alice.accessKeys().get(1).status());
        assertEquals(List.of("admins", "devs"), alice.groups());
        assertEquals(
                "s3:Get*",
                alice.inlinePolicies().get("s3-read").at("/Statement/0/Action").asText());
        assertEquals(
                "2012-10-17",
                management
                        .iam()
                        .group("devs")
                        .orElseThrow()
                        .inlinePolicies()
                        .get("ec2")
                        .get("Version")
                        .asText());
    }

    @Test
    void listsCredentialKeysAmongTheUsersAccessKeysAndAddsUnlistedAwsManagedPolicies() {
        World world = loader.load(smallWorldJson());
        IamUser connector = world.account("111111111111")
                .orElseThrow()
                .iam()
                .user("connector")
                .orElseThrow();
        assertEquals(
                List.of("AKIACONNECTOR0000001"),
                connector.accessKeys().stream().map(AccessKey::id).toList());
        assertEquals("***", world.credentials().get(0).secretAccessKey().toString());
        assertEquals(
                List.of("AdministratorAccess", "ReadOnlyAccess"),
                world.awsManagedPolicies().stream().map(ManagedPolicy::name).toList());
    }

    @Test
    void resolvesIdentityCenterReferencesByName() {
        IdentityCenter center = loader.load(smallWorldJson()).identityCenter();
        assertEquals("111111111111", center.ownerAccountId());
        assertTrue(center.instanceArn().matches("arn:aws:sso:::instance/ssoins-[0-9a-f]{16}"));
        String dave = center.users().get(1).id();
        assertEquals(List.of("u-1", dave), center.groups().get(0).members());
        AccountAssignment first = center.assignments().get(0);
        assertEquals(center.permissionSets().get(0).arn(), first.permissionSetArn());
        assertEquals(center.groups().get(0).id(), first.principalId());
        assertNull(center.provisioned());
        assertEquals(2, center.effectiveProvisioned().size());
        assertEquals(
                "arn:aws:iam::aws:policy/PowerUserAccess",
                center.permissionSets().get(1).permissionsBoundary().managedPolicyArn());
        assertEquals(
                "sso.amazonaws.com",
                loader.load(smallWorldJson()).cloudTrailEvents().get(0).eventSource());
    }

    @Test
    void sameFileAndSeedGiveTheSameGeneratedIds() {
        assertEquals(loader.load(smallWorldJson()), loader.load(smallWorldJson()));
    }

    @Test
    void writtenWorldLoadsBackEqual() {
        World world = loader.load(smallWorldJson());
        String written = new WorldWriter().write(world);
        World again = loader.load(written);
        assertEquals(world, again);
        assertEquals(written, new WorldWriter().write(again));
    }

    @Test
    void minimalFileLoadsWithDefaults() {
        World world = loader.load("{\"accounts\":[{\"id\":\"123456789012\"}]}");
        assertFalse(world.hasOrganization());
        assertFalse(world.hasIdentityCenter());
        assertEquals(100, world.limits().pageSize("iam"));
        assertEquals(20, world.limits().pageSize("organizations"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"accounts\":[{\"id\":\"111111111111\",\"iam\":{\"users\":[{\"path\":\"/\"}]}}]}"
                        + "|$.accounts[0].iam.users[0].name: required string is missing",
                "{\"accounts\":[{\"id\":\"111111111111\"},{\"id\":\"22\"}]}"
                        + "|$.accounts[1].id: an account id has 12 digits, found '22'",
                "{\"accounts\":{}}|$.accounts: expected an array, found an object",
                "{\"accounts\":[{\"id\":\"111111111111\",\"iam\":{\"users\":[{\"name\":\"a\",\"groups\":[\"nope\"]}]}}]}"
                        + "|$.accounts[0].iam.users[0].groups[0]: no group named \"nope\" in this account",
                "{\"accounts\":[{\"id\":\"111111111111\",\"iam\":{\"users\":[{\"name\":\"a\",\"createDate\":\"yesterday\"}]}}]}"
                        + "|$.accounts[0].iam.users[0].createDate: expected an ISO-8601 timestamp like 2024-01-01T00:00:00Z, found 'yesterday'",
                "{\"accounts\":[{\"id\":\"111111111111\",\"status\":\"GONE\"}]}"
                        + "|$.accounts[0].status: expected ACTIVE, SUSPENDED or PENDING_CLOSURE, found 'GONE'",
                "{\"accounts\":[{\"id\":\"111111111111\"}],\"credentials\":[{\"accessKeyId\":\"AKIA1\",\"secretAccessKey\":\"s\","
                        + "\"accountId\":\"111111111111\",\"user\":\"ghost\"}]}"
                        + "|$.credentials[0].user: no IAM user 'ghost' in account 111111111111",
                "{\"accounts\":[{\"id\":\"111111111111\"}],\"limits\":{\"errorRate\":\"high\"}}"
                        + "|$.limits.errorRate: expected a number, found a string",
                "{\"accounts\":[{\"id\":\"111111111111\"}],\"identityCenter\":{\"assignments\":[{\"accountId\":\"111111111111\","
                        + "\"permissionSetArn\":\"x\",\"principalType\":\"USER\",\"principalId\":\"u\"}]}}"
                        + "|$.identityCenter.assignments[0].permissionSetArn: no permission set with ARN or name 'x'",
                "{\"accounts\":[{\"id\":\"111111111111\",\"parentId\":\"ou-x\"}],\"organization\":{}}"
                        + "|$.accounts[0].parentId: no root or OU with id 'ou-x' in $.organization",
                "{\"accounts\":[{\"id\":\"111111111111\",\"iam\":{\"roles\":[{\"name\":\"r\",\"trustPolicy\":\"{nope\"}]}}]}"
                        + "|$.accounts[0].iam.roles[0].trustPolicy: policy document string is not valid JSON",
                "[1,2]|$: expected an object, found an array",
                "{\"accounts\": [|$: not valid JSON (line 1, column 15)",
            })
    void malformedFileFailsWithOneMessageNamingThePath(String json, String expected) {
        WorldFileException error = assertThrows(WorldFileException.class, () -> loader.load(json));
        assertEquals(expected, error.getMessage());
        assertEquals(0, error.getStackTrace().length);
    }
}
