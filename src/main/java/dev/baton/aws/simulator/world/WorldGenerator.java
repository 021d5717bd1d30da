package dev.baton.aws.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a synthetic organization from a {@link GeneratorSpec}. Everything is drawn from one seeded
 * {@link IdSource} in a fixed order, so the same spec gives a byte-identical world file. The world follows the
 * connector convention of {@link ConnectorAccess}: user {@code baton-connector} in the management account with a
 * long-term key, role {@code BatonConnector} trusting it with an {@code sts:ExternalId}, and
 * {@code OrganizationAccountAccessRole} in every member account trusting the management account.
 */
public final class WorldGenerator {
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OU_NAMES =
            List.of("Security", "Infrastructure", "Prod", "Staging", "Dev", "Sandbox");

    public World generate(String spec) {
        return generate(GeneratorSpec.parse(spec));
    }

    public World generate(GeneratorSpec spec) {
        IdSource ids = new IdSource(spec.seed());
        String rootSuffix = ids.lowerAlphanumeric(4);
        List<OrgUnit> units = new ArrayList<>();
        for (String name : OU_NAMES) {
            units.add(new OrgUnit("ou-" + rootSuffix + "-" + ids.lowerAlphanumeric(8), name, List.of()));
        }
        OrgUnit workloads =
                new OrgUnit("ou-" + rootSuffix + "-" + ids.lowerAlphanumeric(8), "Workloads", units.subList(2, 5));
        OrgUnit suspended = new OrgUnit("ou-" + rootSuffix + "-" + ids.lowerAlphanumeric(8), "Suspended", List.of());
        OrgUnit root = new OrgUnit(
                "r-" + rootSuffix, "Root", List.of(units.get(0), units.get(1), workloads, units.get(5), suspended));
        List<String> accountIds = accountIds(ids, spec.accounts());
        String management = accountIds.get(0);
        GeneratedIam iam = new GeneratedIam(ids, management);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < accountIds.size(); i++) {
            accounts.add(account(i, accountIds, spec, iam, root, units, suspended));
        }
        String externalId = "baton-" + ids.hex(24);
        Credential credential = new Credential(
                ids.accessKeyId("AKIA"), new Secret(ids.secret()), management, GeneratedIam.CONNECTOR_USER);
        accounts.set(0, iam.withConnector(accounts.get(0), credential.accessKeyId(), externalId));
        Organization organization = new Organization("o-" + ids.lowerAlphanumeric(10), management, List.of(root));
        IdentityCenter center = new GeneratedIdentityCenter(ids, spec).build(management, accountIds);
        List<TrailEvent> events = trailEvents(ids, center, management);
        return new World(
                organization,
                accounts,
                awsManagedPolicies(ids),
                List.of(credential),
                center,
                events,
                Limits.defaults().withSeed(spec.seed()));
    }

    private static List<String> accountIds(IdSource ids, int count) {
        Set<String> seen = new HashSet<>();
        List<String> result = new ArrayList<>();
        while (result.size() < count) {
            String id = ids.accountId();
            if (seen.add(id)) {
                result.add(id);
            }
        }
        return result;
    }

    /** Account 0 is the management account at the root; every 25th member from the 3rd on is suspended. */
    private static Account account(
            int index,
            List<String> accountIds,
            GeneratorSpec spec,
            GeneratedIam iam,
            OrgUnit root,
            List<OrgUnit> units,
            OrgUnit suspendedUnit) {
        String id = accountIds.get(index);
        boolean suspended = index % 25 == 3;
        OrgUnit parent = index == 0 ? root : suspended ? suspendedUnit : units.get(index % units.size());
        String team =
                GeneratedNames.TEAMS.get(index % GeneratedNames.TEAMS.size()).toLowerCase(java.util.Locale.ROOT);
        String name = index == 0
                ? "management"
                : String.format("%s-%s-%03d", team, parent.name().toLowerCase(java.util.Locale.ROOT), index);
        String trusted = accountIds.get(index == 0 ? Math.min(1, accountIds.size() - 1) : index - 1);
        AccountIam accountIam = iam.accountIam(index, id, spec.iamUsersPerAccount(), name, trusted);
        return new Account(
                id,
                name,
                name + "@example.com",
                suspended ? "SUSPENDED" : "ACTIVE",
                parent.id(),
                index % 3 == 0 ? List.of(name) : List.of(),
                accountIam);
    }

    private static List<TrailEvent> trailEvents(IdSource ids, IdentityCenter center, String management) {
        List<TrailEvent> events = new ArrayList<>();
        int count = Math.min(200, Math.max(1, center.users().size() / 10));
        for (int i = 0; i < Math.min(count, center.users().size()); i++) {
            events.add(new TrailEvent(
                    ids.uuid(),
                    NOW.minusSeconds(60L * (1 + ids.nextInt(60 * 24 * 30))),
                    i % 5 == 0 ? "Federate" : "Authenticate",
                    "sso.amazonaws.com",
                    management,
                    center.users().get(i).id()));
        }
        return events;
    }

    static JsonNode document(String effect, List<String> actions) {
        ObjectNode statement = JSON.createObjectNode().put("Effect", effect);
        statement.set("Action", JSON.valueToTree(actions));
        statement.put("Resource", "*");
        ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
        document.putArray("Statement").add(statement);
        return document;
    }

    private static List<ManagedPolicy> awsManagedPolicies(IdSource ids) {
        List<ManagedPolicy> policies = new ArrayList<>();
        policies.add(awsPolicy(ids, "AdministratorAccess", List.of("*")));
        policies.add(awsPolicy(ids, "ReadOnlyAccess", List.of("*:Describe*", "*:Get*", "*:List*")));
        policies.add(awsPolicy(ids, "PowerUserAccess", List.of("ec2:*", "s3:*", "lambda:*", "dynamodb:*")));
        policies.add(awsPolicy(ids, "SecurityAudit", List.of("iam:Get*", "iam:List*", "organizations:List*")));
        policies.add(awsPolicy(ids, "ViewOnlyAccess", List.of("*:List*", "*:Describe*")));
        policies.add(awsPolicy(ids, "AmazonS3ReadOnlyAccess", List.of("s3:Get*", "s3:List*")));
        policies.add(awsPolicy(ids, "AWSBillingReadOnlyAccess", List.of("aws-portal:View*", "ce:Get*")));
        return policies;
    }

    private static ManagedPolicy awsPolicy(IdSource ids, String name, List<String> actions) {
        return new ManagedPolicy(
                name,
                "/",
                ids.iamId("ANPA"),
                "AWS managed policy " + name,
                document("Allow", actions),
                "v1",
                Instant.parse("2015-02-06T18:39:46Z"));
    }
}
