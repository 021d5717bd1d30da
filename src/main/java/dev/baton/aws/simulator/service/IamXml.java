package dev.baton.aws.simulator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.AccountIam;
import dev.baton.aws.simulator.world.IamGroup;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.ManagedPolicy;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The XML members of IAM entities, shared by the List/Get actions and GetAccountAuthorizationDetails. */
final class IamXml {
    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamXml() {}

    /** IAM returns policy documents URL-encoded (RFC 3986, so a space is {@code %20}, not {@code +}). */
    static String encode(JsonNode document) {
        try {
            return URLEncoder.encode(JSON.writeValueAsString(document), StandardCharsets.UTF_8)
                    .replace("+", "%20");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void user(XmlWriter xml, IamUser user, String accountId) {
        xml.element("Path", user.path())
                .element("UserName", user.name())
                .element("UserId", user.id())
                .element("Arn", user.arn(accountId))
                .element("CreateDate", user.createDate())
                .element("PasswordLastUsed", user.passwordLastUsed());
    }

    /** GetUser's shape: the list shape plus boundary and tags. */
    static void fullUser(XmlWriter xml, IamUser user, String accountId) {
        user(xml, user, accountId);
        boundary(xml, user.permissionsBoundary());
        tags(xml, user.tags());
    }

    static void group(XmlWriter xml, IamGroup group, String accountId) {
        xml.element("Path", group.path())
                .element("GroupName", group.name())
                .element("GroupId", group.id())
                .element("Arn", group.arn(accountId))
                .element("CreateDate", group.createDate());
    }

    static void role(XmlWriter xml, IamRole role, String accountId) {
        xml.element("Path", role.path())
                .element("RoleName", role.name())
                .element("RoleId", role.id())
                .element("Arn", role.arn(accountId))
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", encode(role.trustPolicy()))
                .element("Description", role.description().isEmpty() ? null : role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
    }

    /** GetRole's shape: the list shape plus boundary, tags and last use. */
    static void fullRole(XmlWriter xml, IamRole role, String accountId) {
        role(xml, role, accountId);
        boundary(xml, role.permissionsBoundary());
        tags(xml, role.tags());
        roleLastUsed(xml, role);
    }

    static void roleLastUsed(XmlWriter xml, IamRole role) {
        xml.start("RoleLastUsed");
        if (role.lastUsed() != null) {
            xml.element("LastUsedDate", role.lastUsed().date())
                    .element("Region", role.lastUsed().region());
        }
        xml.end();
    }

    /**
     * A managed policy as GetPolicy returns it. {@code listed}: as ListPolicies returns it, which leaves out the
     * description as AWS does ("not included in the response to the ListPolicies operation").
     */
    static void policy(XmlWriter xml, ManagedPolicy policy, String owner, AccountIam usage, boolean listed) {
        String arn = policy.arn(owner);
        xml.element("PolicyName", policy.name())
                .element("PolicyId", policy.id())
                .element("Arn", arn)
                .element("Path", policy.path())
                .element("DefaultVersionId", policy.defaultVersionId())
                .element("AttachmentCount", attachmentCount(usage, arn))
                .element("PermissionsBoundaryUsageCount", boundaryCount(usage, arn))
                .element("IsAttachable", true)
                .element("Description", listed || policy.description().isEmpty() ? null : policy.description())
                .element("CreateDate", policy.createDate())
                .element("UpdateDate", policy.createDate());
    }

    static void policyVersion(XmlWriter xml, ManagedPolicy policy) {
        xml.element("Document", encode(policy.document()))
                .element("VersionId", policy.defaultVersionId())
                .element("IsDefaultVersion", true)
                .element("CreateDate", policy.createDate());
    }

    static long attachmentCount(AccountIam iam, String arn) {
        return iam.users().stream()
                        .filter(u -> u.attachedPolicies().contains(arn))
                        .count()
                + iam.groups().stream()
                        .filter(g -> g.attachedPolicies().contains(arn))
                        .count()
                + iam.roles().stream()
                        .filter(r -> r.attachedPolicies().contains(arn))
                        .count();
    }

    static long boundaryCount(AccountIam iam, String arn) {
        return iam.users().stream()
                        .filter(u -> arn.equals(u.permissionsBoundary()))
                        .count()
                + iam.roles().stream()
                        .filter(r -> arn.equals(r.permissionsBoundary()))
                        .count();
    }

    static void boundary(XmlWriter xml, String arn) {
        if (arn != null) {
            xml.start("PermissionsBoundary")
                    .element("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                    .element("PermissionsBoundaryArn", arn)
                    .end();
        }
    }

    static void tags(XmlWriter xml, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            xml.members(
                    "Tags",
                    new ArrayList<>(tags.entrySet()),
                    (x, tag) -> x.element("Key", tag.getKey()).element("Value", tag.getValue()));
        }
    }

    /** {@code <AttachedPolicies>}-style members: {@code PolicyName} and {@code PolicyArn}. */
    static void attached(XmlWriter xml, String listName, List<String> arns) {
        xml.members(
                listName,
                arns,
                (x, arn) -> x.element("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                        .element("PolicyArn", arn));
    }

    /** Inline policies with their documents, as in GAAD's {@code UserPolicyList}. */
    static void inline(XmlWriter xml, String listName, Map<String, JsonNode> policies) {
        xml.members(
                listName,
                new ArrayList<>(policies.entrySet()),
                (x, policy) ->
                        x.element("PolicyName", policy.getKey()).element("PolicyDocument", encode(policy.getValue())));
    }
}
