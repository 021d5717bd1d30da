package dev.baton.aws.connector.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.simulator.world.WorldWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo organization with the connector role and every member account's {@code OrganizationAccountAccessRole}
 * limited to the policies {@code baton-aws policy} generates (the simulator enforces them), their trust policies
 * replaced by the generated ones, plus two users that exercise rare paths: {@code leaver} holds every kind of
 * credential and attachment (deleting it calls every cleanup action), and {@code newcomer} joins after the
 * credential reports were generated (see {@link #addNewcomer}).
 */
final class EnforcedDemoWorld {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MANAGEMENT = "111122223333";
    static final String MEMBER = "222233334444";
    static final String CONNECTOR_USER = "arn:aws:iam::111122223333:user/service/baton-connector";
    static final String EXTERNAL_ID = "baton-demo-external-id";
    static final String CHILD_ROLE = "OrganizationAccountAccessRole";
    static final RoleSetup SETUP = new RoleSetup("BatonConnector", MANAGEMENT, CONNECTOR_USER, EXTERNAL_ID);
    private static final String POLICY_NAME = "baton-aws";

    private EnforcedDemoWorld() {}

    /** The world JSON with {@code required}'s policies in force. */
    static ObjectNode tree(RequiredPermissions required) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(DemoWorld.json());
            for (JsonNode account : tree.path("accounts")) {
                for (JsonNode role : account.path("iam").path("roles")) {
                    ObjectNode node = (ObjectNode) role;
                    boolean connector = node.path("name").asText().equals(SETUP.connectorRoleName());
                    if (connector || node.path("name").asText().equals(CHILD_ROLE)) {
                        node.put("policiesEnforced", true);
                        node.putArray("attachedPolicies");
                        node.set(
                                "trustPolicy",
                                connector
                                        ? PolicyDocuments.connectorTrustPolicy(SETUP)
                                        : PolicyDocuments.memberTrustPolicy(SETUP));
                        node.putObject("inlinePolicies")
                                .set(
                                        POLICY_NAME,
                                        PolicyDocuments.permissionsPolicy(
                                                connector ? required.connectorRole() : required.childRole()));
                    }
                }
                for (JsonNode role : account.path("iam").path("roles")) {
                    if (role.path("name").asText().equals("OktaAdmins")) {
                        ((ObjectNode) role)
                                .putObject("inlinePolicies")
                                .set(
                                        "okta-extra",
                                        JSON.valueToTree(Map.of(
                                                "Version",
                                                "2012-10-17",
                                                "Statement",
                                                List.of(Map.of(
                                                        "Effect",
                                                        "Allow",
                                                        "Action",
                                                        "s3:GetObject",
                                                        "Resource",
                                                        "*")))));
                    }
                }
                if (account.path("id").asText().equals(MANAGEMENT)) {
                    ((ObjectNode) account)
                            .withObjectProperty("iam")
                            .withArrayProperty("users")
                            .add(leaver());
                }
            }
            return tree;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static World world(RequiredPermissions required) {
        return new WorldLoader().load(tree(required));
    }

    /** Replaces the inline policies of the two enforced roles, leaving out {@code removed} actions. */
    static void allow(WorldState state, RequiredPermissions required, Set<String> removed) {
        JsonNode connector = PolicyDocuments.permissionsPolicy(without(required.connectorRole(), removed));
        JsonNode child = PolicyDocuments.permissionsPolicy(without(required.childRole(), removed));
        state.update(world -> {
            World result = world;
            for (var account : world.accounts()) {
                result = result.updateIam(
                        account.id(),
                        iam -> iam.withRoles(iam.roles().stream()
                                .map(role -> !role.policiesEnforced()
                                        ? role
                                        : role.withInlinePolicies(Map.of(
                                                POLICY_NAME,
                                                role.name().equals(SETUP.connectorRoleName()) ? connector : child)))
                                .toList()));
            }
            return result;
        });
    }

    static List<Permission> without(List<Permission> permissions, Set<String> removed) {
        return permissions.stream().filter(p -> !removed.contains(p.action())).toList();
    }

    /**
     * Adds {@code newcomer} (a key, an MFA device and a console password) to the management account and to one
     * member account.
     */
    static void addNewcomers(WorldState state) {
        ObjectNode tree = tree(PermissionCatalog.required(PolicyMinimalitySyncTest.FEATURES));
        for (JsonNode account : tree.path("accounts")) {
            String id = account.path("id").asText();
            if (id.equals(MANAGEMENT) || id.equals(MEMBER)) {
                ((ObjectNode) account)
                        .withObjectProperty("iam")
                        .withArrayProperty("users")
                        .add(newcomer(id));
            }
        }
        World loaded = new WorldLoader().load(tree);
        for (String accountId : List.of(MANAGEMENT, MEMBER)) {
            IamUser newcomer = loaded.account(accountId)
                    .orElseThrow()
                    .iam()
                    .user("newcomer")
                    .orElseThrow();
            state.update(world -> world.updateIam(accountId, iam -> {
                List<IamUser> users = new ArrayList<>(iam.users());
                users.add(newcomer);
                return iam.withUsers(users);
            }));
        }
    }

    private static ObjectNode newcomer(String accountId) {
        ObjectNode user = JSON.createObjectNode()
                .put("name", "newcomer")
                .put("path", "/staff/")
                .put("createDate", "2026-01-02T00:00:00Z")
                .put("loginProfile", true);
        user.putArray("mfaDevices").add("arn:aws:iam::" + accountId + ":mfa/newcomer");
        ObjectNode key = user.putArray("accessKeys")
                .addObject()
                .put("id", "AKIANEWCOMER" + accountId.substring(4))
                .put("createDate", "2026-01-02T00:00:00Z");
        key.putObject("lastUsed").put("date", "2026-01-03T00:00:00Z").put("service", "s3");
        return user;
    }

    /**
     * {@code world} with every permission set provisioned to every account, so that account assignments are read
     * per user and group (fewer principals than (account, permission set) pairs) instead of per pair.
     */
    static World perPrincipalAssignments(World world) {
        ObjectNode tree = new WorldWriter().toTree(world);
        ArrayNode provisioned = ((ObjectNode) tree.path("identityCenter")).putArray("provisioned");
        Set<String> pairs = new java.util.TreeSet<>();
        for (JsonNode assignment : tree.path("identityCenter").path("assignments")) {
            pairs.add(assignment.path("permissionSetArn").asText() + " "
                    + assignment.path("accountId").asText());
        }
        for (JsonNode permissionSet : tree.path("identityCenter").path("permissionSets")) {
            // a customer-managed policy exists only in some accounts: provisioning it elsewhere is a data warning
            if (permissionSet.path("customerManagedPolicies").isEmpty()) {
                for (JsonNode account : tree.path("accounts")) {
                    pairs.add(permissionSet.path("arn").asText() + " "
                            + account.path("id").asText());
                }
            }
        }
        for (String pair : pairs) {
            provisioned
                    .addObject()
                    .put("permissionSetArn", pair.substring(0, pair.indexOf(' ')))
                    .put("accountId", pair.substring(pair.indexOf(' ') + 1));
        }
        return new WorldLoader().load(tree);
    }

    private static ObjectNode leaver() {
        return JSON.valueToTree(Map.ofEntries(
                Map.entry("name", "leaver"),
                Map.entry("path", "/staff/"),
                Map.entry("loginProfile", true),
                Map.entry("groups", List.of("Developers")),
                Map.entry("accessKeys", List.of("AKIALEAVER0000000001")),
                Map.entry("mfaDevices", List.of("arn:aws:iam::111122223333:mfa/leaver")),
                Map.entry("signingCertificates", List.of("LEAVERCERT0001")),
                Map.entry("sshPublicKeys", List.of("APKALEAVER0001")),
                Map.entry("serviceSpecificCredentials", List.of(Map.of("id", "ACCALEAVER0001"))),
                Map.entry(
                        "inlinePolicies",
                        Map.of(
                                "leaver-inline",
                                Map.of(
                                        "Version",
                                        "2012-10-17",
                                        "Statement",
                                        List.of(Map.of(
                                                "Effect", "Allow", "Action", "s3:ListBucket", "Resource", "*"))))),
                Map.entry("attachedPolicies", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"))));
    }
}
