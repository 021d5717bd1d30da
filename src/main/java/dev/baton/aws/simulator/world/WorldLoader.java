package dev.baton.aws.simulator.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a world file (see docs/simulator.md and examples/demo-world.json) into a {@link World}. A malformed file fails with one
 * {@link WorldFileException} naming the JSON path and the problem; unknown fields are ignored so files written for
 * newer simulators still load. Ids left out are generated from {@code limits.seed}.
 */
public final class WorldLoader {
    /** The date used for creation dates a file leaves out, so loads stay deterministic. */
    public static final Instant DEFAULT_DATE = Instant.parse("2024-01-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    public World load(Path file) {
        try {
            return load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world file " + file, e);
        }
    }

    public World load(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new WorldFileException(
                    "$", "not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
        if (tree == null) {
            throw new WorldFileException("$", "the file is empty");
        }
        return load(tree);
    }

    public World load(JsonNode tree) {
        WorldNode root = WorldNode.root(tree).requireObject();
        Limits limits = limits(root.field("limits")).withFaults(FaultsLoader.faults(root.field("faults")));
        IdSource ids = new IdSource(limits.seed());
        List<Account> rawAccounts =
                root.list("accounts").stream().map(node -> rawAccount(node)).toList();
        Organization organization = organization(root.field("organization"), rawAccounts, ids);
        IamLoader iam = new IamLoader(ids, awsManagedPolicies(root, ids));
        List<WorldNode> accountNodes = root.list("accounts");
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < accountNodes.size(); i++) {
            accounts.add(account(accountNodes.get(i), rawAccounts.get(i), organization, iam));
        }
        checkUniqueAccounts(accountNodes, accounts);
        World world = new World(organization, accounts, iam.awsManagedPolicies(), List.of(), null, List.of(), limits);
        world = iam.credentials(root, world);
        IdentityCenter identityCenter =
                new IdentityCenterLoader(ids).identityCenter(root.field("identityCenter"), world);
        List<TrailEvent> events = trailEvents(root.field("cloudTrail"), identityCenter, world, ids);
        World loaded = new World(
                organization,
                world.accounts(),
                world.awsManagedPolicies(),
                world.credentials(),
                identityCenter,
                events,
                limits);
        return loaded.withFederation(FederationLoader.federation(root.field("federation"), loaded));
    }

    private static Limits limits(WorldNode node) {
        if (node.absent()) {
            return Limits.defaults();
        }
        node.requireObject();
        Map<String, Double> rates = new LinkedHashMap<>();
        node.entries("ratePerSecond")
                .forEach((key, value) ->
                        rates.put(key, node.field("ratePerSecond").doubleValue(key, 0)));
        Map<String, Integer> pageSizes = new LinkedHashMap<>();
        node.entries("pageSize").forEach((key, value) -> {
            long size = node.field("pageSize").longValue(key, 100);
            if (size < 1 || size > 1000) {
                throw value.error("page size must be between 1 and 1000");
            }
            pageSizes.put(key, (int) size);
        });
        double errorRate = node.doubleValue("errorRate", 0);
        if (errorRate < 0 || errorRate > 1) {
            throw node.field("errorRate").error("must be between 0 and 1");
        }
        return new Limits(
                nonNegative(node, "latencyMs", 0),
                nonNegative(node, "jitterMs", 0),
                errorRate,
                node.longValue("seed", 1),
                rates,
                pageSizes,
                nonNegative(node, "credentialLifetimeSeconds", 3600),
                nonNegative(node, "assignmentDelayMs", 200));
    }

    private static long nonNegative(WorldNode node, String name, long defaultValue) {
        long value = node.longValue(name, defaultValue);
        if (value < 0) {
            throw node.field(name).error("must not be negative");
        }
        return value;
    }

    /** The account fields other parts need before IAM is read (ids for the organization and references). */
    private static Account rawAccount(WorldNode node) {
        node.requireObject();
        String id = node.requiredString("id");
        if (!id.matches("\\d{12}")) {
            throw node.field("id").error("an account id has 12 digits, found '" + id + "'");
        }
        return new Account(
                id,
                node.string("name", id),
                node.string("email", id + "@example.com"),
                status(node),
                node.string("parentId", null),
                node.stringList("aliases"),
                AccountIam.empty());
    }

    private static String status(WorldNode node) {
        String status = node.string("status", "ACTIVE");
        if (!List.of("ACTIVE", "SUSPENDED", "PENDING_CLOSURE").contains(status)) {
            throw node.field("status").error("expected ACTIVE, SUSPENDED or PENDING_CLOSURE, found '" + status + "'");
        }
        return status;
    }

    private static Organization organization(WorldNode node, List<Account> accounts, IdSource ids) {
        if (node.absent()) {
            return null;
        }
        node.requireObject();
        String management = node.string(
                "managementAccountId",
                accounts.isEmpty() ? null : accounts.get(0).id());
        if (management == null || accounts.stream().noneMatch(a -> a.id().equals(management))) {
            throw node.field("managementAccountId")
                    .error(
                            management == null
                                    ? "required string is missing"
                                    : "no account with id '" + management + "' in $.accounts");
        }
        String orgId = node.string("id", "o-" + ids.lowerAlphanumeric(10));
        List<OrgUnit> roots = node.list("roots").stream()
                .map(root -> unit(root, ids, "r-", null))
                .toList();
        if (roots.isEmpty()) {
            roots = List.of(new OrgUnit("r-" + ids.lowerAlphanumeric(4), "Root", List.of()));
        }
        return new Organization(orgId, management, roots);
    }

    private static OrgUnit unit(WorldNode node, IdSource ids, String prefix, String rootSuffix) {
        node.requireObject();
        String id = node.string("id", null);
        if (id == null) {
            id = rootSuffix == null
                    ? prefix + ids.lowerAlphanumeric(4)
                    : "ou-" + rootSuffix + "-" + ids.lowerAlphanumeric(8);
        }
        String suffix = rootSuffix == null ? id.substring(id.indexOf('-') + 1) : rootSuffix;
        String name = node.string("name", rootSuffix == null ? "Root" : null);
        if (name == null) {
            throw node.field("name").error("required string is missing");
        }
        List<OrgUnit> children = node.list("children").stream()
                .map(child -> unit(child, ids, "ou-", suffix))
                .toList();
        return new OrgUnit(id, name, children);
    }

    private static Account account(WorldNode node, Account raw, Organization organization, IamLoader iam) {
        String parentId = raw.parentId();
        if (organization != null) {
            if (parentId == null) {
                parentId = organization.roots().get(0).id();
            } else if (organization.unit(parentId).isEmpty()) {
                throw node.field("parentId").error("no root or OU with id '" + parentId + "' in $.organization");
            }
        }
        WorldNode iamNode = node.field("iam");
        AccountIam accountIam =
                iamNode.absent() ? AccountIam.empty() : iam.accountIam(iamNode.requireObject(), raw.id());
        return new Account(raw.id(), raw.name(), raw.email(), raw.status(), parentId, raw.aliases(), accountIam);
    }

    private static void checkUniqueAccounts(List<WorldNode> nodes, List<Account> accounts) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            if (seen.putIfAbsent(accounts.get(i).id(), i) != null) {
                throw nodes.get(i)
                        .field("id")
                        .error("duplicate account id '" + accounts.get(i).id() + "'");
            }
        }
    }

    private static List<ManagedPolicy> awsManagedPolicies(WorldNode root, IdSource ids) {
        return root.list("awsManagedPolicies").stream()
                .map(node -> IamLoader.managedPolicy(node, ids))
                .toList();
    }

    private static List<TrailEvent> trailEvents(
            WorldNode node, IdentityCenter identityCenter, World world, IdSource ids) {
        if (node.absent()) {
            return List.of();
        }
        String defaultAccount = identityCenter != null
                ? identityCenter.ownerAccountId()
                : world.accounts().isEmpty() ? null : world.accounts().get(0).id();
        return node.requireObject().list("events").stream()
                .map(event -> {
                    event.requireObject();
                    Instant time = event.instant("eventTime", null);
                    if (time == null) {
                        throw event.field("eventTime").error("required string is missing");
                    }
                    String accountId = event.string("accountId", defaultAccount);
                    if (accountId == null) {
                        throw event.field("accountId").error("required string is missing");
                    }
                    return new TrailEvent(
                            event.string("eventId", ids.uuid()),
                            time,
                            event.string("eventName", "Authenticate"),
                            event.string("eventSource", "sso.amazonaws.com"),
                            accountId,
                            event.requiredString("userId"));
                })
                .toList();
    }
}
