package dev.baton.aws.simulator.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a {@link World} in the world-file format, every field spelled out (generated ids included), so
 * {@link WorldLoader} reads back an equal world. Output order follows the model, so the same world always gives
 * the same bytes. Secrets are written: the world file is the one place they belong.
 */
public final class WorldWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String write(World world) {
        try {
            return JSON.writeValueAsString(toTree(world)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode toTree(World world) {
        ObjectNode root = JSON.createObjectNode();
        if (world.hasOrganization()) {
            Organization org = world.organization();
            ObjectNode node = root.putObject("organization")
                    .put("id", org.id())
                    .put("managementAccountId", org.managementAccountId());
            node.set("roots", array(org.roots(), WorldWriter::unit));
        }
        root.set("accounts", array(world.accounts(), WorldWriter::account));
        root.set("awsManagedPolicies", array(world.awsManagedPolicies(), WorldWriter::policy));
        root.set(
                "credentials",
                array(
                        world.credentials(),
                        c -> JSON.createObjectNode()
                                .put("accessKeyId", c.accessKeyId())
                                .put("secretAccessKey", c.secretAccessKey().value())
                                .put("accountId", c.accountId())
                                .put("user", c.user())));
        if (world.hasIdentityCenter()) {
            root.set("identityCenter", new IdentityCenterTree().identityCenter(world.identityCenter()));
        }
        root.putObject("cloudTrail")
                .set(
                        "events",
                        array(
                                world.cloudTrailEvents(),
                                e -> JSON.createObjectNode()
                                        .put("eventId", e.eventId())
                                        .put("eventTime", e.eventTime().toString())
                                        .put("eventName", e.eventName())
                                        .put("eventSource", e.eventSource())
                                        .put("accountId", e.accountId())
                                        .put("userId", e.userId())));
        if (!world.federation().isEmpty()) {
            root.set("federation", FederationLoader.tree(world.federation()));
        }
        root.set("limits", limits(world.limits()));
        root.set("faults", faults(world.limits().faults()));
        return root;
    }

    private static ObjectNode unit(OrgUnit unit) {
        ObjectNode node = JSON.createObjectNode().put("id", unit.id()).put("name", unit.name());
        node.set("children", array(unit.children(), WorldWriter::unit));
        return node;
    }

    private static ObjectNode account(Account account) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", account.id())
                .put("name", account.name())
                .put("email", account.email())
                .put("status", account.status())
                .put("parentId", account.parentId());
        node.set("aliases", strings(account.aliases()));
        ObjectNode iam = node.putObject("iam");
        iam.set("users", array(account.iam().users(), WorldWriter::user));
        iam.set("groups", array(account.iam().groups(), group -> {
            ObjectNode g = named(group.name(), group.path(), group.id(), group.createDate());
            g.set("inlinePolicies", documents(group.inlinePolicies()));
            g.set("attachedPolicies", strings(group.attachedPolicies()));
            return g;
        }));
        iam.set("roles", array(account.iam().roles(), WorldWriter::role));
        iam.set("policies", array(account.iam().policies(), WorldWriter::policy));
        return node;
    }

    private static ObjectNode user(IamUser user) {
        ObjectNode node = named(user.name(), user.path(), user.id(), user.createDate());
        node.put("passwordLastUsed", instant(user.passwordLastUsed())).put("loginProfile", user.loginProfile());
        node.set("tags", stringMap(user.tags()));
        node.set("accessKeys", array(user.accessKeys(), key -> {
            ObjectNode k = JSON.createObjectNode()
                    .put("id", key.id())
                    .put("status", key.status())
                    .put("createDate", key.createDate().toString());
            if (key.lastUsed() != null) {
                k.putObject("lastUsed")
                        .put("date", key.lastUsed().date().toString())
                        .put("service", key.lastUsed().service())
                        .put("region", key.lastUsed().region());
            }
            return k;
        }));
        node.set(
                "mfaDevices",
                array(
                        user.mfaDevices(),
                        d -> JSON.createObjectNode()
                                .put("serialNumber", d.serialNumber())
                                .put("enableDate", d.enableDate().toString())));
        node.set(
                "signingCertificates",
                array(
                        user.signingCertificates(),
                        c -> JSON.createObjectNode()
                                .put("id", c.id())
                                .put("status", c.status())
                                .put("uploadDate", c.uploadDate().toString())
                                .put("body", c.body())));
        node.set(
                "sshPublicKeys",
                array(
                        user.sshPublicKeys(),
                        k -> JSON.createObjectNode()
                                .put("id", k.id())
                                .put("status", k.status())
                                .put("uploadDate", k.uploadDate().toString())
                                .put("fingerprint", k.fingerprint())));
        node.set(
                "serviceSpecificCredentials",
                array(
                        user.serviceSpecificCredentials(),
                        c -> JSON.createObjectNode()
                                .put("id", c.id())
                                .put("serviceName", c.serviceName())
                                .put("serviceUserName", c.serviceUserName())
                                .put("status", c.status())
                                .put("createDate", c.createDate().toString())));
        node.set("groups", strings(user.groups()));
        node.set("inlinePolicies", documents(user.inlinePolicies()));
        node.set("attachedPolicies", strings(user.attachedPolicies()));
        node.put("permissionsBoundary", user.permissionsBoundary());
        node.set("deny", strings(user.deny()));
        return node;
    }

    private static ObjectNode role(IamRole role) {
        ObjectNode node = named(role.name(), role.path(), role.id(), role.createDate());
        node.put("description", role.description()).put("maxSessionDuration", role.maxSessionDuration());
        node.set("trustPolicy", role.trustPolicy());
        node.set("inlinePolicies", documents(role.inlinePolicies()));
        node.set("attachedPolicies", strings(role.attachedPolicies()));
        node.set("tags", stringMap(role.tags()));
        if (role.lastUsed() != null) {
            node.putObject("lastUsed")
                    .put("date", role.lastUsed().date().toString())
                    .put("region", role.lastUsed().region());
        } else {
            node.putNull("lastUsed");
        }
        node.put("permissionsBoundary", role.permissionsBoundary());
        node.set("deny", strings(role.deny()));
        if (role.policiesEnforced()) {
            node.put("policiesEnforced", true);
        }
        return node;
    }

    private static ObjectNode policy(ManagedPolicy policy) {
        ObjectNode node = JSON.createObjectNode()
                .put("name", policy.name())
                .put("path", policy.path())
                .put("id", policy.id())
                .put("description", policy.description());
        node.set("document", policy.document());
        return node.put("defaultVersionId", policy.defaultVersionId())
                .put("createDate", policy.createDate().toString());
    }

    private static ObjectNode limits(Limits limits) {
        ObjectNode node = JSON.createObjectNode()
                .put("latencyMs", limits.latencyMs())
                .put("jitterMs", limits.jitterMs())
                .put("errorRate", limits.errorRate())
                .put("seed", limits.seed());
        ObjectNode rates = node.putObject("ratePerSecond");
        limits.ratePerSecond().forEach(rates::put);
        ObjectNode pages = node.putObject("pageSize");
        limits.pageSize().forEach(pages::put);
        return node.put("credentialLifetimeSeconds", limits.credentialLifetimeSeconds())
                .put("assignmentDelayMs", limits.assignmentDelayMs());
    }

    private static ObjectNode faults(Faults faults) {
        return JSON.createObjectNode()
                .put("sparse", faults.sparse().value())
                .put("sparseSeed", faults.sparseSeed())
                .put("verifySignatures", faults.verifySignatures())
                .put("dropConnectionRate", faults.dropConnectionRate())
                .put("truncateBodyRate", faults.truncateBodyRate())
                .put("slowBodyRate", faults.slowBodyRate())
                .put("slowBodyDelayMs", faults.slowBodyDelayMs());
    }

    private static ObjectNode named(String name, String path, String id, Instant createDate) {
        return JSON.createObjectNode()
                .put("name", name)
                .put("path", path)
                .put("id", id)
                .put("createDate", createDate.toString());
    }

    static <T> ArrayNode array(List<T> items, Function<T, JsonNode> mapper) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(item -> array.add(mapper.apply(item)));
        return array;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode stringMap(Map<String, String> values) {
        ObjectNode node = JSON.createObjectNode();
        values.forEach(node::put);
        return node;
    }

    private static ObjectNode documents(Map<String, JsonNode> documents) {
        ObjectNode node = JSON.createObjectNode();
        documents.forEach(node::set);
        return node;
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
