package dev.baton.aws.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldGeneratorTest {
    private static final String LARGE =
            "accounts=200,iamUsersPerAccount=20,ssoUsers=5000,ssoGroups=300,permissionSets=80,assignments=6000,seed=1";
    private final WorldGenerator generator = new WorldGenerator();
    private final WorldWriter writer = new WorldWriter();

    @Test
    void sameSeedGivesByteIdenticalWorldFiles() {
        assertEquals(writer.write(generator.generate("seed=7")), writer.write(generator.generate("seed=7")));
        assertNotEquals(writer.write(generator.generate("seed=7")), writer.write(generator.generate("seed=8")));
    }

    @Test
    void largeSpecIsGeneratedInAFewSecondsWithTheRequestedSizes() {
        long start = System.nanoTime();
        World world = generator.generate(LARGE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "generation took " + millis + " ms");
        assertEquals(200, world.accounts().size());
        assertEquals(5000, world.identityCenter().users().size());
        assertEquals(300, world.identityCenter().groups().size());
        assertEquals(80, world.identityCenter().permissionSets().size());
        assertEquals(6000, world.identityCenter().assignments().size());
        assertEquals(6000, new HashSet<>(world.identityCenter().assignments()).size());
        assertEquals(20 + 1, world.accounts().get(0).iam().users().size());
        assertEquals(20, world.accounts().get(1).iam().users().size());
        assertTrue(world.accounts().stream()
                        .filter(a -> a.status().equals("SUSPENDED"))
                        .count()
                >= 4);
        Set<String> names = new HashSet<>();
        world.identityCenter().users().forEach(user -> assertTrue(names.add(user.userName()), user.userName()));
    }

    @Test
    void generatedWorldHasRealisticShapes() {
        World world = generator.generate("accounts=30,iamUsersPerAccount=40,ssoUsers=200,ssoGroups=20,seed=3");
        assertTrue(world.organization().allUnits().stream()
                .anyMatch(unit -> !unit.children().isEmpty()));
        List<IamUser> users =
                world.accounts().stream().flatMap(a -> a.iam().users().stream()).toList();
        assertTrue(users.stream().anyMatch(u -> u.groups().size() >= 2));
        assertTrue(users.stream().anyMatch(u -> u.accessKeys().size() == 2));
        assertTrue(users.stream().anyMatch(u -> u.accessKeys().isEmpty()));
        assertTrue(
                users.stream().anyMatch(u -> u.loginProfile() && !u.mfaDevices().isEmpty()));
        assertTrue(
                users.stream().anyMatch(u -> u.loginProfile() && u.mfaDevices().isEmpty()));
        assertTrue(users.stream().anyMatch(u -> !u.path().equals("/")));
        assertTrue(users.stream().anyMatch(u -> !u.inlinePolicies().isEmpty()));
        assertTrue(users.stream().anyMatch(u -> !u.attachedPolicies().isEmpty()));
        for (Account member : world.accounts().subList(1, world.accounts().size())) {
            IamRole role = member.iam().role("OrganizationAccountAccessRole").orElseThrow();
            assertEquals(
                    "arn:aws:iam::" + world.organization().managementAccountId() + ":root",
                    role.trustPolicy().at("/Statement/0/Principal/AWS").asText());
        }
        IdentityCenter center = world.identityCenter();
        assertTrue(center.permissionSets().stream()
                .anyMatch(p -> !p.customerManagedPolicies().isEmpty()));
        assertTrue(center.permissionSets().stream().anyMatch(p -> p.inlinePolicy() != null));
        assertTrue(center.permissionSets().stream().anyMatch(p -> p.permissionsBoundary() != null));
        assertTrue(center.assignments().stream().anyMatch(a -> a.principalType().equals("USER")));
        assertTrue(center.assignments().stream().anyMatch(a -> a.principalType().equals("GROUP")));
    }

    @Test
    void generatedWorldFollowsTheConnectorConventionAndLoadsBackEqual() {
        World world = generator.generate(GeneratorSpec.defaults());
        ConnectorAccess access = ConnectorAccess.find(world).orElseThrow();
        String management = world.organization().managementAccountId();
        assertEquals("arn:aws:iam::" + management + ":role/BatonConnector", access.roleArn());
        assertTrue(access.externalId().startsWith("baton-"));
        assertTrue(access.accessKeyId().matches("AKIA[A-Z2-7]{16}"));
        assertEquals(world, new WorldLoader().load(writer.write(world)));
    }

    @Test
    void badSpecsNameTheProblem() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.parse("accounts=3,users=9"));
        assertTrue(unknown.getMessage().startsWith("unknown generator key 'users'"), unknown.getMessage());
        IllegalArgumentException number =
                assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.parse("accounts=many"));
        assertEquals("generator key 'accounts' needs a whole number, got 'many'", number.getMessage());
        assertEquals(new GeneratorSpec(2, 5, 20, 5, 4, 20, 9), GeneratorSpec.parse("accounts=2, seed=9"));
        assertEquals(GeneratorSpec.defaults(), GeneratorSpec.parse(""));
    }
}
