package dev.baton.aws.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code iam} part of an account and the {@code credentials}; one instance per load. */
final class IamLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdSource ids;
    /** AWS-managed policies by ARN; grows when an account attaches an AWS-managed policy the file did not list. */
    private final Map<String, ManagedPolicy> awsManaged = new LinkedHashMap<>();

    IamLoader(IdSource ids, List<ManagedPolicy> listed) {
        this.ids = ids;
        listed.forEach(policy -> awsManaged.put(policy.arn("aws"), policy));
    }

    List<ManagedPolicy> awsManagedPolicies() {
        return List.copyOf(awsManaged.values());
    }

    static ManagedPolicy managedPolicy(WorldNode node, IdSource ids) {
        node.requireObject();
        String name = node.requiredString("name");
        WorldNode document = node.field("document");
        if (document.absent()) {
            throw document.error("required policy document is missing");
        }
        return new ManagedPolicy(
                name,
                path(node),
                node.string("id", ids.iamId("ANPA")),
                node.string("description", ""),
                document.document(),
                node.string("defaultVersionId", "v1"),
                node.instant("createDate", WorldLoader.DEFAULT_DATE));
    }

    AccountIam accountIam(WorldNode node, String accountId) {
        List<ManagedPolicy> policies =
                node.list("policies").stream().map(p -> managedPolicy(p, ids)).toList();
        unique(node.list("policies"), policies.stream().map(ManagedPolicy::name).toList());
        List<IamGroup> groups = node.list("groups").stream()
                .map(g -> group(g, accountId, policies))
                .toList();
        unique(node.list("groups"), groups.stream().map(IamGroup::name).toList());
        Set<String> groupNames =
                new HashSet<>(groups.stream().map(IamGroup::name).toList());
        List<IamUser> users = node.list("users").stream()
                .map(u -> user(u, accountId, policies, groupNames))
                .toList();
        unique(node.list("users"), users.stream().map(IamUser::name).toList());
        List<IamRole> roles = node.list("roles").stream()
                .map(r -> role(r, accountId, policies))
                .toList();
        unique(node.list("roles"), roles.stream().map(IamRole::name).toList());
        return new AccountIam(users, groups, roles, policies);
    }

    private static void unique(List<WorldNode> nodes, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw nodes.get(i).field("name").error("duplicate name '" + names.get(i) + "' in this account");
            }
        }
    }

    private IamUser user(WorldNode node, String accountId, List<ManagedPolicy> policies, Set<String> groupNames) {
        node.requireObject();
        List<WorldNode> groupNodes = node.list("groups");
        for (WorldNode group : groupNodes) {
            if (group.absent()
                    || !group.node().isTextual()
                    || !groupNames.contains(group.node().textValue())) {
                throw group.error("no group named " + group.node() + " in this account");
            }
        }
        return new IamUser(
                node.requiredString("name"),
                path(node),
                node.string("id", ids.iamId("AIDA")),
                node.instant("createDate", WorldLoader.DEFAULT_DATE),
                node.instant("passwordLastUsed", null),
                node.booleanValue("loginProfile", false),
                node.stringMap("tags"),
                node.list("accessKeys").stream().map(this::accessKey).toList(),
                node.list("mfaDevices").stream()
                        .map(d -> mfaDevice(d, accountId))
                        .toList(),
                node.list("signingCertificates").stream()
                        .map(this::signingCertificate)
                        .toList(),
                node.list("sshPublicKeys").stream().map(this::sshPublicKey).toList(),
                node.list("serviceSpecificCredentials").stream()
                        .map(c -> serviceCredential(c, node))
                        .toList(),
                node.stringList("groups"),
                node.documentMap("inlinePolicies"),
                attached(node, accountId, policies),
                boundary(node, accountId, policies),
                node.stringList("deny"));
    }

    private IamGroup group(WorldNode node, String accountId, List<ManagedPolicy> policies) {
        node.requireObject();
        return new IamGroup(
                node.requiredString("name"),
                path(node),
                node.string("id", ids.iamId("AGPA")),
                node.instant("createDate", WorldLoader.DEFAULT_DATE),
                node.documentMap("inlinePolicies"),
                attached(node, accountId, policies));
    }

    private IamRole role(WorldNode node, String accountId, List<ManagedPolicy> policies) {
        node.requireObject();
        JsonNode trust = node.optionalDocument("trustPolicy")
                .orElseGet(() ->
                        JSON.createObjectNode().put("Version", "2012-10-17").set("Statement", JSON.createArrayNode()));
        WorldNode lastUsed = node.field("lastUsed");
        RoleLastUsed roleLastUsed = lastUsed.absent()
                ? null
                : new RoleLastUsed(
                        requiredInstant(lastUsed.requireObject(), "date"), lastUsed.string("region", "us-east-1"));
        long maxSession = node.longValue("maxSessionDuration", 3600);
        if (maxSession < 3600 || maxSession > 43200) {
            throw node.field("maxSessionDuration").error("must be between 3600 and 43200 seconds");
        }
        return new IamRole(
                node.requiredString("name"),
                path(node),
                node.string("id", ids.iamId("AROA")),
                node.instant("createDate", WorldLoader.DEFAULT_DATE),
                node.string("description", ""),
                (int) maxSession,
                trust,
                node.documentMap("inlinePolicies"),
                attached(node, accountId, policies),
                node.stringMap("tags"),
                roleLastUsed,
                boundary(node, accountId, policies),
                node.stringList("deny"),
                node.booleanValue("policiesEnforced", false));
    }

    private AccessKey accessKey(WorldNode node) {
        if (node.node().isTextual()) {
            return new AccessKey(node.node().textValue(), "Active", WorldLoader.DEFAULT_DATE, null);
        }
        node.requireObject();
        WorldNode lastUsed = node.field("lastUsed");
        AccessKeyLastUsed used = lastUsed.absent()
                ? null
                : new AccessKeyLastUsed(
                        requiredInstant(lastUsed.requireObject(), "date"),
                        lastUsed.string("service", "iam"),
                        lastUsed.string("region", "us-east-1"));
        String status = node.string("status", "Active");
        if (!status.equals("Active") && !status.equals("Inactive")) {
            throw node.field("status").error("expected Active or Inactive, found '" + status + "'");
        }
        return new AccessKey(
                node.string("id", ids.accessKeyId("AKIA")),
                status,
                node.instant("createDate", WorldLoader.DEFAULT_DATE),
                used);
    }

    private MfaDevice mfaDevice(WorldNode node, String accountId) {
        if (node.node().isTextual()) {
            return new MfaDevice(node.node().textValue(), WorldLoader.DEFAULT_DATE);
        }
        node.requireObject();
        String serial = node.string("serialNumber", "arn:aws:iam::" + accountId + ":mfa/device-" + ids.hex(8));
        return new MfaDevice(serial, node.instant("enableDate", WorldLoader.DEFAULT_DATE));
    }

    private SigningCertificate signingCertificate(WorldNode node) {
        if (node.node().isTextual()) {
            return new SigningCertificate(node.node().textValue(), "Active", WorldLoader.DEFAULT_DATE, "");
        }
        node.requireObject();
        return new SigningCertificate(
                node.string("id", ids.accessKeyId("") + ids.accessKeyId("")),
                node.string("status", "Active"),
                node.instant("uploadDate", WorldLoader.DEFAULT_DATE),
                node.string("body", ""));
    }

    private SshPublicKey sshPublicKey(WorldNode node) {
        if (node.node().isTextual()) {
            return new SshPublicKey(node.node().textValue(), "Active", WorldLoader.DEFAULT_DATE, "");
        }
        node.requireObject();
        return new SshPublicKey(
                node.string("id", ids.accessKeyId("APKA")),
                node.string("status", "Active"),
                node.instant("uploadDate", WorldLoader.DEFAULT_DATE),
                node.string("fingerprint", ""));
    }

    private ServiceSpecificCredential serviceCredential(WorldNode node, WorldNode user) {
        node.requireObject();
        String userName = user.string("name", "user");
        return new ServiceSpecificCredential(
                node.string("id", ids.accessKeyId("ACCA")),
                node.string("serviceName", "codecommit.amazonaws.com"),
                node.string("serviceUserName", userName + "-at-" + ids.digits(4)),
                node.string("status", "Active"),
                node.instant("createDate", WorldLoader.DEFAULT_DATE));
    }

    /** Attached policies as ARNs; a bare name means the account's customer policy, else the AWS-managed one. */
    private List<String> attached(WorldNode node, String accountId, List<ManagedPolicy> policies) {
        List<String> result = new ArrayList<>();
        for (WorldNode entry : node.list("attachedPolicies")) {
            result.add(policyArn(entry, accountId, policies));
        }
        return result;
    }

    private String boundary(WorldNode node, String accountId, List<ManagedPolicy> policies) {
        WorldNode boundary = node.field("permissionsBoundary");
        return boundary.absent() ? null : policyArn(boundary, accountId, policies);
    }

    private String policyArn(WorldNode entry, String accountId, List<ManagedPolicy> policies) {
        if (!entry.node().isTextual()) {
            throw entry.error("expected a policy ARN or name, found " + entry.kind());
        }
        String text = entry.node().textValue();
        if (!text.startsWith("arn:")) {
            return policies.stream()
                    .filter(p -> p.name().equals(text))
                    .findFirst()
                    .map(p -> p.arn(accountId))
                    .orElseGet(() -> awsManagedArn(entry, "arn:aws:iam::aws:policy/" + text));
        }
        if (text.startsWith("arn:aws:iam::aws:policy/")) {
            return awsManagedArn(entry, text);
        }
        if (policies.stream().noneMatch(p -> p.arn(accountId).equals(text))) {
            throw entry.error("no customer managed policy " + text + " in this account");
        }
        return text;
    }

    /** AWS has hundreds of managed policies; one a file attaches without listing it gets an empty document. */
    private String awsManagedArn(WorldNode entry, String arn) {
        if (!awsManaged.containsKey(arn)) {
            String rest = arn.substring("arn:aws:iam::aws:policy".length());
            int slash = rest.lastIndexOf('/');
            JsonNode document =
                    JSON.createObjectNode().put("Version", "2012-10-17").set("Statement", JSON.createArrayNode());
            awsManaged.put(
                    arn,
                    new ManagedPolicy(
                            rest.substring(slash + 1),
                            rest.substring(0, slash + 1),
                            ids.iamId("ANPA"),
                            "",
                            document,
                            "v1",
                            WorldLoader.DEFAULT_DATE));
        }
        return arn;
    }

    /** Reads {@code credentials}; each one's key is also listed among its user's access keys, as in AWS. */
    World credentials(WorldNode root, World world) {
        List<Credential> credentials = new ArrayList<>();
        World result = world;
        for (WorldNode node : root.list("credentials")) {
            node.requireObject();
            String keyId = node.requiredString("accessKeyId");
            String accountId = node.requiredString("accountId");
            String userName = node.requiredString("user");
            Account account = result.account(accountId)
                    .orElseThrow(() -> node.field("accountId").error("no account with id '" + accountId + "'"));
            IamUser user = account.iam()
                    .user(userName)
                    .orElseThrow(
                            () -> node.field("user").error("no IAM user '" + userName + "' in account " + accountId));
            if (credentials.stream().anyMatch(c -> c.accessKeyId().equals(keyId))) {
                throw node.field("accessKeyId").error("duplicate access key id");
            }
            String sessionToken = node.string("sessionToken", "");
            credentials.add(new Credential(
                    keyId,
                    new Secret(node.requiredString("secretAccessKey")),
                    accountId,
                    userName,
                    sessionToken.isEmpty() ? null : new Secret(sessionToken)));
            if (user.accessKeys().stream().noneMatch(key -> key.id().equals(keyId))) {
                List<AccessKey> keys = new ArrayList<>(user.accessKeys());
                keys.add(new AccessKey(keyId, "Active", user.createDate(), null));
                result = result.updateIam(accountId, iam -> iam.updateUser(userName, u -> u.withAccessKeys(keys)));
            }
        }
        return result.withCredentials(credentials);
    }

    private static java.time.Instant requiredInstant(WorldNode node, String name) {
        java.time.Instant value = node.instant(name, null);
        if (value == null) {
            throw node.field(name).error("required string is missing");
        }
        return value;
    }

    private static String path(WorldNode node) {
        String path = node.string("path", "/");
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw node.field("path").error("a path starts and ends with '/', found '" + path + "'");
        }
        return path;
    }
}
