package dev.baton.aws.provisioning;

import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.C1zWriter;
import dev.baton.aws.c1z.C1zWriterOptions;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Entitlements;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small sync file whose resources, entitlements and grants have exactly the ids and shapes the syncers emit
 * (docs/grant-kinds.md), written with the real {@link C1zWriter}, so provisioning tests do not depend on the syncers. The
 * ids match {@code provisioning-world.json}.
 */
final class SyncFileFixture {
    static final String MANAGEMENT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String SUSPENDED = "333333333333";
    static final String SSO_REGION = "us-east-1";
    static final String STORE = "d-1234567890";
    static final String INSTANCE = "arn:aws:sso:::instance/ssoins-1111111111111111";
    static final String PERMISSION_SET = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111";

    static final String ALICE = "arn:aws:iam::" + MANAGEMENT + ":user/alice";
    static final String BOB = "arn:aws:iam::" + MANAGEMENT + ":user/engineering/bob";
    static final String CHILD_USER = "arn:aws:iam::" + MEMBER + ":user/dave";
    static final String ADMINS = "arn:aws:iam::" + MANAGEMENT + ":group/admins";
    static final String APP_ROLE = "arn:aws:iam::" + MANAGEMENT + ":role/app";
    static final String READ_ONLY = "arn:aws:iam::" + MANAGEMENT + ":policy/ReadOnlyX";
    static final String ADMIN_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String ALICE_INLINE = Ids.inlinePolicyId(ALICE, "S3Read");
    static final String ROLE_INLINE = Ids.inlinePolicyId(APP_ROLE, "RoleInline");
    static final String GROUP_INLINE = Ids.inlinePolicyId(ADMINS, "GroupInline");
    static final String CAROL = Ids.ssoUserArn(SSO_REGION, STORE, "u-carol");
    static final String ERIN = Ids.ssoUserArn(SSO_REGION, STORE, "u-erin");
    static final String ENGINEERS = Ids.ssoGroupArn(SSO_REGION, STORE, "g-engineers");
    static final String CAROL_MEMBERSHIP = "m-carol-engineers";

    static final String ADMINS_MEMBER = "group:" + ADMINS + ":member";
    static final String APP_ROLE_ASSIGNMENT = "role:" + APP_ROLE + ":assignment";
    static final String READ_ONLY_ATTACHED = "iam_policy:" + READ_ONLY + ":attached";
    static final String ADMIN_ACCESS_ATTACHED = "iam_policy:" + ADMIN_ACCESS + ":attached";
    static final String ENGINEERS_MEMBER = "sso_group:" + ENGINEERS + ":member";
    static final String MEMBER_ACCOUNT_ACCESS = Ids.accountEntitlementId(MEMBER, PERMISSION_SET);
    static final String SUSPENDED_ACCOUNT_ACCESS = Ids.accountEntitlementId(SUSPENDED, PERMISSION_SET);
    static final String BINDING = Ids.permissionSetAssignmentId(PERMISSION_SET, MEMBER);
    static final String BINDING_ASSIGNED = "permission_set_assignment:" + BINDING + ":assigned";

    private SyncFileFixture() {}

    static Path write(Path dir) throws C1zException {
        Path file = dir.resolve("sync.c1z");
        C1zWriterOptions options =
                new C1zWriterOptions(dir, 100, Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC), 3);
        try (C1zWriter writer = C1zWriter.create(file, options)) {
            writer.putResourceTypes(List.of(
                    ResourceTypes.IAM_USER,
                    ResourceTypes.ROLE,
                    ResourceTypes.GROUP,
                    ResourceTypes.IAM_POLICY,
                    ResourceTypes.INLINE_POLICY,
                    ResourceTypes.SSO_USER,
                    ResourceTypes.SSO_GROUP,
                    ResourceTypes.ACCOUNT,
                    ResourceTypes.PERMISSION_SET,
                    ResourceTypes.PERMISSION_SET_ASSIGNMENT));
            writer.putResources(resources());
            writer.putEntitlements(entitlements());
            writer.putGrants(grants());
            writer.finish();
        }
        return file;
    }

    static List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        for (String arn : List.of(ALICE, BOB, CHILD_USER)) {
            resources.add(ResourceBuilder.builder(ResourceTypes.IAM_USER_ID, arn)
                    .displayName(last(arn))
                    .v1Identifier(arn)
                    .childType(ResourceTypes.INLINE_POLICY_ID)
                    .userTrait(UserTrait.newBuilder())
                    .build());
        }
        resources.add(ResourceBuilder.builder(ResourceTypes.GROUP_ID, ADMINS)
                .displayName("admins")
                .v1Identifier(ADMINS)
                .childType(ResourceTypes.INLINE_POLICY_ID)
                .groupTrait()
                .build());
        resources.add(ResourceBuilder.builder(ResourceTypes.ROLE_ID, APP_ROLE)
                .displayName("app")
                .v1Identifier(APP_ROLE)
                .childType(ResourceTypes.INLINE_POLICY_ID)
                .roleTrait()
                .build());
        resources.add(policy(READ_ONLY));
        resources.add(policy(ADMIN_ACCESS));
        resources.add(inline(ALICE_INLINE, ResourceTypes.IAM_USER_ID, ALICE));
        resources.add(inline(ROLE_INLINE, ResourceTypes.ROLE_ID, APP_ROLE));
        resources.add(inline(GROUP_INLINE, ResourceTypes.GROUP_ID, ADMINS));
        for (String arn : List.of(CAROL, ERIN)) {
            resources.add(ResourceBuilder.builder(ResourceTypes.SSO_USER_ID, arn)
                    .displayName(last(arn))
                    .v1Identifier(arn)
                    .userTrait(UserTrait.newBuilder())
                    .build());
        }
        resources.add(ResourceBuilder.builder(ResourceTypes.SSO_GROUP_ID, ENGINEERS)
                .displayName("Engineers")
                .v1Identifier(ENGINEERS)
                .groupTrait()
                .build());
        for (String account : List.of(MEMBER, SUSPENDED)) {
            resources.add(ResourceBuilder.builder(ResourceTypes.ACCOUNT_ID, account)
                    .displayName("acct-" + account)
                    .v1Identifier(account)
                    .childType(ResourceTypes.PERMISSION_SET_ASSIGNMENT_ID)
                    .appTrait()
                    .build());
        }
        resources.add(ResourceBuilder.builder(ResourceTypes.PERMISSION_SET_ID, PERMISSION_SET)
                .displayName("AdministratorAccess")
                .roleTrait()
                .build());
        resources.add(ResourceBuilder.builder(ResourceTypes.PERMISSION_SET_ASSIGNMENT_ID, BINDING)
                .displayName("AdministratorAccess on " + MEMBER)
                .parent(Ids.resourceId(ResourceTypes.ACCOUNT_ID, MEMBER))
                .scopeBindingTrait(
                        Ids.resourceId(ResourceTypes.PERMISSION_SET_ID, PERMISSION_SET),
                        Ids.resourceId(ResourceTypes.ACCOUNT_ID, MEMBER))
                .build());
        return resources;
    }

    static List<Entitlement> entitlements() {
        List<Entitlement> entitlements = new ArrayList<>();
        entitlements.add(Entitlements.assignment(
                resource(ResourceTypes.GROUP_ID, ADMINS),
                "member",
                "admins Group Member",
                "Is member of the admins IAM group in AWS",
                List.of(ResourceTypes.IAM_USER),
                List.of(v1("membership:" + ADMINS))));
        entitlements.add(Entitlements.assignment(
                resource(ResourceTypes.ROLE_ID, APP_ROLE),
                "assignment",
                "app Role",
                "Can assume the app role in AWS",
                List.of(ResourceTypes.IAM_USER, ResourceTypes.ROLE, ResourceTypes.GROUP, ResourceTypes.SSO_USER),
                List.of(v1("membership:" + APP_ROLE))));
        for (String policy : List.of(READ_ONLY, ADMIN_ACCESS)) {
            entitlements.add(Entitlements.assignment(
                    resource(ResourceTypes.IAM_POLICY_ID, policy),
                    "attached",
                    last(policy) + " Managed Policy",
                    "Has the " + last(policy) + " managed policy in AWS",
                    List.of(
                            ResourceTypes.IAM_USER,
                            ResourceTypes.ROLE,
                            ResourceTypes.GROUP,
                            ResourceTypes.PERMISSION_SET,
                            ResourceTypes.PERMISSION_SET_ASSIGNMENT),
                    List.of()));
        }
        entitlements.add(inlineEntitlement(ALICE_INLINE, ResourceTypes.IAM_USER));
        entitlements.add(inlineEntitlement(ROLE_INLINE, ResourceTypes.ROLE));
        entitlements.add(inlineEntitlement(GROUP_INLINE, ResourceTypes.GROUP));
        entitlements.add(Entitlements.assignment(
                resource(ResourceTypes.SSO_GROUP_ID, ENGINEERS),
                "member",
                "Engineers Group Member",
                "Is member of the Engineers SSO group in AWS",
                List.of(ResourceTypes.SSO_USER),
                List.of(v1("membership:" + ENGINEERS))));
        for (String account : List.of(MEMBER, SUSPENDED)) {
            String id = Ids.accountEntitlementId(account, PERMISSION_SET);
            entitlements.add(Entitlements.custom(
                    resource(ResourceTypes.ACCOUNT_ID, account),
                    id,
                    "AdministratorAccess access",
                    "AdministratorAccess Permission Set",
                    "",
                    List.of(ResourceTypes.SSO_USER, ResourceTypes.SSO_GROUP),
                    List.of(v1(id))));
        }
        entitlements.add(Entitlements.assignment(
                resource(ResourceTypes.PERMISSION_SET_ASSIGNMENT_ID, BINDING),
                "assigned",
                "assigned",
                "",
                List.of(ResourceTypes.SSO_USER, ResourceTypes.SSO_GROUP),
                List.of()));
        return entitlements;
    }

    /** The grants a sync of provisioning-world.json emits for the memberships and policies it starts with. */
    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        Entitlement admins = entitlement(ADMINS_MEMBER);
        grants.add(Grants.grant(
                admins,
                Ids.resourceId(ResourceTypes.IAM_USER_ID, ALICE),
                List.of(v1("grant:membership:" + ADMINS + ":" + ALICE))));
        grants.add(Grants.grant(
                entitlement(READ_ONLY_ATTACHED),
                Ids.resourceId(ResourceTypes.GROUP_ID, ADMINS),
                List.of(Grants.expandable(ADMINS_MEMBER, true))));
        grants.add(Grants.grant(
                entitlement(inlineEntitlementId(ALICE_INLINE)),
                Ids.resourceId(ResourceTypes.IAM_USER_ID, ALICE),
                List.of()));
        grants.add(Grants.grant(
                entitlement(inlineEntitlementId(ROLE_INLINE)),
                Ids.resourceId(ResourceTypes.ROLE_ID, APP_ROLE),
                List.of(Grants.expandable("role:" + APP_ROLE + ":assignment", false))));
        grants.add(Grants.grant(
                entitlement(inlineEntitlementId(GROUP_INLINE)),
                Ids.resourceId(ResourceTypes.GROUP_ID, ADMINS),
                List.of(Grants.expandable(ADMINS_MEMBER, true))));
        grants.add(Grants.withId(
                CAROL_MEMBERSHIP,
                entitlement(ENGINEERS_MEMBER),
                Ids.resourceId(ResourceTypes.SSO_USER_ID, CAROL),
                List.of(v1("grant:membership:" + ENGINEERS + ":" + CAROL))));
        grants.add(assignmentGrant(entitlement(MEMBER_ACCOUNT_ACCESS), ResourceTypes.SSO_GROUP_ID, ENGINEERS));
        grants.add(assignmentGrant(entitlement(BINDING_ASSIGNED), ResourceTypes.SSO_GROUP_ID, ENGINEERS));
        grants.add(Grants.grant(
                entitlement(READ_ONLY_ATTACHED), Ids.resourceId(ResourceTypes.IAM_USER_ID, ALICE), List.of()));
        // Grants the tests create first and then revoke: a later sync would have recorded them like this.
        grants.add(Grants.grant(
                entitlement(READ_ONLY_ATTACHED),
                Ids.resourceId(ResourceTypes.ROLE_ID, APP_ROLE),
                List.of(Grants.expandable("role:" + APP_ROLE + ":assignment", false))));
        grants.add(assignmentGrant(entitlement(BINDING_ASSIGNED), ResourceTypes.SSO_USER_ID, ERIN));
        return grants;
    }

    static Grant assignmentGrant(Entitlement entitlement, String principalType, String principalArn) {
        List<com.google.protobuf.Message> annotations = new ArrayList<>();
        annotations.add(v1("grant:" + entitlement.getId() + ":" + principalArn));
        if (principalType.equals(ResourceTypes.SSO_GROUP_ID)) {
            annotations.add(Grants.expandable(ResourceTypes.SSO_GROUP_ID + ":" + principalArn + ":member", false));
        }
        return Grants.withId(
                Ids.assignmentGrantId(principalType, principalArn, entitlement.getId()),
                entitlement,
                Ids.resourceId(principalType, principalArn),
                annotations);
    }

    static String inlineEntitlementId(String inlinePolicyId) {
        return "inline_policy:" + inlinePolicyId + ":attached";
    }

    static String grantId(String entitlementId, String principalType, String principalId) {
        return Ids.grantId(entitlementId, Ids.resourceId(principalType, principalId));
    }

    static Entitlement entitlement(String id) {
        return entitlements().stream()
                .filter(e -> e.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    static Resource resource(String type, String id) {
        return resources().stream()
                .filter(r -> r.getId().getResourceType().equals(type)
                        && r.getId().getResource().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Resource policy(String arn) {
        return ResourceBuilder.builder(ResourceTypes.IAM_POLICY_ID, arn)
                .displayName(last(arn))
                .roleTrait()
                .build();
    }

    private static Resource inline(String id, String parentType, String parentArn) {
        String name = id.substring(id.indexOf(Ids.INLINE_SEPARATOR) + Ids.INLINE_SEPARATOR.length());
        return ResourceBuilder.builder(ResourceTypes.INLINE_POLICY_ID, id)
                .displayName(name)
                .parent(Ids.resourceId(parentType, parentArn))
                .roleTrait()
                .build();
    }

    private static Entitlement inlineEntitlement(String inlineId, ResourceType parentType) {
        Resource inline = resource(ResourceTypes.INLINE_POLICY_ID, inlineId);
        return Entitlements.assignment(
                inline,
                "attached",
                inline.getDisplayName() + " Inline Policy",
                "Has the " + inline.getDisplayName() + " inline policy in AWS",
                List.of(parentType),
                List.of());
    }

    private static V1Identifier v1(String id) {
        return V1Identifier.newBuilder().setId(id).build();
    }

    private static String last(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
