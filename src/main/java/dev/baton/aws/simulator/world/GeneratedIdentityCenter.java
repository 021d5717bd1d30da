package dev.baton.aws.simulator.world;

import static dev.baton.aws.simulator.world.WorldGenerator.NOW;
import static dev.baton.aws.simulator.world.WorldGenerator.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The Identity Center part of a generated world: people, team groups, permission sets of every kind, assignments. */
final class GeneratedIdentityCenter {
    private static final List<String> GROUP_ROLES = List.of("Engineers", "Admins", "Readers", "Oncall", "Leads");

    private final IdSource ids;
    private final GeneratorSpec spec;

    GeneratedIdentityCenter(IdSource ids, GeneratorSpec spec) {
        this.ids = ids;
        this.spec = spec;
    }

    IdentityCenter build(String management, List<String> accountIds) {
        String instanceId = "ssoins-" + ids.hex(16);
        String storeId = "d-" + ids.hex(10);
        List<SsoUser> users = new ArrayList<>();
        for (int i = 0; i < spec.ssoUsers(); i++) {
            users.add(user(i));
        }
        List<SsoGroup> groups = groups(users);
        List<PermissionSet> sets = new ArrayList<>();
        for (int i = 0; i < spec.permissionSets(); i++) {
            sets.add(permissionSet(i, instanceId));
        }
        List<AccountAssignment> assignments = assignments(accountIds, users, groups, sets);
        return new IdentityCenter(
                "us-east-1",
                management,
                "arn:aws:sso:::instance/" + instanceId,
                storeId,
                users,
                groups,
                sets,
                assignments,
                null,
                new Secret("scim-" + ids.hex(32)));
    }

    private SsoUser user(int index) {
        String given = GeneratedNames.given(index);
        String family = GeneratedNames.family(index);
        String suffix =
                index >= GeneratedNames.GIVEN.size() * GeneratedNames.FAMILY.size() ? Integer.toString(index) : "";
        String userName = (given + "." + family + suffix).toLowerCase(Locale.ROOT) + "@example.com";
        return new SsoUser(
                ids.uuid(),
                userName,
                given + " " + family,
                given,
                family,
                List.of(new SsoEmail(userName, "work", true)),
                ids.nextInt(100) < 3 ? "DISABLED" : "ENABLED",
                List.of());
    }

    /** Team groups; every user joins one to three of them, so groups overlap as in real directories. */
    private List<SsoGroup> groups(List<SsoUser> users) {
        int count = spec.ssoGroups();
        List<List<String>> members = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            members.add(new ArrayList<>());
        }
        if (count > 0) {
            for (SsoUser user : users) {
                int joins = 1 + ids.nextInt(3);
                Set<Integer> chosen = new HashSet<>();
                for (int j = 0; j < joins; j++) {
                    int g = ids.nextInt(count);
                    if (chosen.add(g)) {
                        members.get(g).add(user.id());
                    }
                }
            }
        }
        List<SsoGroup> groups = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            String team = GeneratedNames.TEAMS.get(g % GeneratedNames.TEAMS.size());
            String role = GROUP_ROLES.get((g / GeneratedNames.TEAMS.size()) % GROUP_ROLES.size());
            int round = g / (GeneratedNames.TEAMS.size() * GROUP_ROLES.size());
            String name = team + " " + role + (round > 0 ? " " + (round + 1) : "");
            groups.add(new SsoGroup(ids.uuid(), name, "Members of " + name, List.of(), members.get(g)));
        }
        return groups;
    }

    /** Cycles through the four shapes: AWS-managed, customer-managed, inline, and AWS-managed with a boundary. */
    private PermissionSet permissionSet(int index, String instanceId) {
        String arn = "arn:aws:sso:::permissionSet/" + instanceId + "/ps-" + ids.hex(16);
        String team = GeneratedNames.TEAMS.get(index % GeneratedNames.TEAMS.size());
        return switch (index % 4) {
            case 0 ->
                new PermissionSet(
                        arn,
                        index == 0 ? "AdministratorAccess" : team + "Admin-" + index,
                        "Administrator access",
                        "PT1H",
                        NOW,
                        List.of("arn:aws:iam::aws:policy/AdministratorAccess"),
                        List.of(),
                        null,
                        null);
            case 1 ->
                new PermissionSet(
                        arn,
                        team + "Deployer-" + index,
                        "Deploys " + team,
                        "PT4H",
                        NOW,
                        List.of(),
                        List.of(new PolicyReference("DeployPipeline", "/")),
                        null,
                        null);
            case 2 ->
                new PermissionSet(
                        arn,
                        team + "Data-" + index,
                        "Reads " + team + " data",
                        "PT8H",
                        NOW,
                        List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                        List.of(),
                        document("Allow", List.of("s3:GetObject", "athena:StartQueryExecution")),
                        null);
            default ->
                new PermissionSet(
                        arn,
                        team + "PowerUser-" + index,
                        "Power user with a boundary",
                        "PT2H",
                        NOW,
                        List.of("arn:aws:iam::aws:policy/PowerUserAccess"),
                        List.of(),
                        null,
                        new PermissionsBoundary(null, new PolicyReference("DataAccess", "/data/")));
        };
    }

    private List<AccountAssignment> assignments(
            List<String> accountIds, List<SsoUser> users, List<SsoGroup> groups, List<PermissionSet> sets) {
        List<AccountAssignment> result = new ArrayList<>();
        Set<AccountAssignment> seen = new HashSet<>();
        long space = (long) accountIds.size() * sets.size() * (users.size() + groups.size());
        int target = (int) Math.min(spec.assignments(), space);
        while (result.size() < target) {
            boolean group = !groups.isEmpty() && (users.isEmpty() || ids.nextInt(10) < 7);
            String principal = group
                    ? groups.get(ids.nextInt(groups.size())).id()
                    : users.get(ids.nextInt(users.size())).id();
            AccountAssignment assignment = new AccountAssignment(
                    accountIds.get(ids.nextInt(accountIds.size())),
                    sets.get(ids.nextInt(sets.size())).arn(),
                    group ? "GROUP" : "USER",
                    principal);
            if (seen.add(assignment)) {
                result.add(assignment);
            }
        }
        return result;
    }
}
