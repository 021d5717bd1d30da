package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Entitlements;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsResponse;
import software.amazon.awssdk.services.identitystore.model.ListGroupsResponse;

/**
 * Resource type {@code sso_group}: Identity Store groups, with their user memberships as grants. Identity Store's
 * model requires only a group's {@code GroupId} and a membership's store id: a group without {@code DisplayName}
 * shows its id, a membership without {@code MembershipId} gets the SDK's grant id, and one that names no user is
 * skipped with a warning.
 */
final class SsoGroupSyncer implements ResourceSyncer {
    static final String MEMBER = "member";
    private static final String GROUP_MARKER = "/group/";

    private final AwsClients clients;
    private final IdentityCenterInstanceProvider instance;
    private final SyncWarnings warnings;

    SsoGroupSyncer(AwsClients clients, IdentityCenterInstanceProvider instance, SyncWarnings warnings) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.SSO_GROUP;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        IdentityCenterInstance center = instance.get();
        String asked = token.isFirst() ? null : token.value();
        ListGroupsResponse response = AwsCall.require(
                clients.gateway(),
                SsoOperations.LIST_GROUPS.on(center.identityStoreId()),
                () -> clients.identityStore()
                        .listGroups(
                                b -> b.identityStoreId(center.identityStoreId()).nextToken(asked)));
        List<Resource> groups = new ArrayList<>();
        for (Group group : response.groups()) {
            if (AwsValues.text(group.groupId()).isEmpty()) {
                warnings.warn("identitystore:ListGroups on " + center.identityStoreId() + ": group "
                        + AwsValues.firstText(group.displayName(), "(unnamed)") + " has no GroupId; skipping it");
                continue;
            }
            groups.add(toResource(group, center.groupArn(group.groupId())));
        }
        return Page.of(groups, AwsPaging.nextToken(response.nextToken(), asked));
    }

    static Resource toResource(Group group, String groupArn) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_group_type", "sso");
        profile.put("aws_group_name", AwsValues.text(group.displayName()));
        profile.put("aws_group_id", group.groupId());
        if (group.hasExternalIds() && !group.externalIds().isEmpty()) {
            profile.put("external_ids", SsoUserSyncer.externalIds(group.externalIds()));
        }
        return ResourceBuilder.builder(ResourceTypes.SSO_GROUP_ID, groupArn)
                .displayName(AwsValues.firstText(group.displayName(), group.groupId()))
                .profile(profile)
                .v1Identifier(groupArn)
                .groupTrait()
                .build();
    }

    /** The group's {@code member} entitlement. */
    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.last(List.of(entitlement(resource)));
    }

    static Entitlement entitlement(Resource group) {
        String name = group.getDisplayName();
        return Entitlements.assignment(
                group,
                MEMBER,
                name + " Group Member",
                "Is member of the " + name + " SSO group in AWS",
                List.of(ResourceTypes.SSO_USER),
                List.of(V1Identifier.newBuilder()
                        .setId(Ids.v1MembershipEntitlementId(group.getId().getResource()))
                        .build()));
    }

    /** Membership grants, one {@code ListGroupMemberships} page per call; a group gone or hidden is skipped. */
    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        IdentityCenterInstance center = instance.get();
        String groupArn = resource.getId().getResource();
        int marker = groupArn.indexOf(GROUP_MARKER);
        if (marker < 0) {
            throw new SyncException("sso_group id " + groupArn + " is not an Identity Store group ARN");
        }
        String groupId = groupArn.substring(marker + GROUP_MARKER.length());
        String asked = token.isFirst() ? null : token.value();
        ListGroupMembershipsResponse response;
        try {
            response = clients.gateway()
                    .call(
                            SsoOperations.LIST_GROUP_MEMBERSHIPS.on(groupArn),
                            () -> clients.identityStore()
                                    .listGroupMemberships(b -> b.identityStoreId(center.identityStoreId())
                                            .groupId(groupId)
                                            .nextToken(asked)));
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsCall.failure(e);
            }
            warnings.warn(e.getMessage() + "; skipping the members of this group");
            return Page.empty();
        }
        Entitlement member = entitlement(resource);
        List<Grant> grants = new ArrayList<>();
        for (GroupMembership membership : response.groupMemberships()) {
            String userId = membership.memberId() == null
                    ? ""
                    : AwsValues.text(membership.memberId().userId());
            if (userId.isEmpty()) {
                warnings.warn("identitystore:ListGroupMemberships on " + groupArn + ": membership "
                        + AwsValues.firstText(membership.membershipId(), "(no MembershipId)")
                        + " has no MemberId.UserId; skipping it");
                continue;
            }
            grants.add(grant(member, membership, center.userArn(userId)));
        }
        return Page.of(grants, AwsPaging.nextToken(response.nextToken(), asked));
    }

    /** Id: AWS's {@code MembershipId}, which revoke deletes by; the SDK default only when AWS gives none. */
    static Grant grant(Entitlement member, GroupMembership membership, String userArn) {
        ResourceId principal = Ids.resourceId(ResourceTypes.SSO_USER_ID, userArn);
        V1Identifier v1 = V1Identifier.newBuilder()
                .setId(Ids.v1MembershipGrantId(member.getResource().getId().getResource(), userArn))
                .build();
        String membershipId = AwsValues.text(membership.membershipId());
        return membershipId.isEmpty()
                ? Grants.grant(member, principal, List.of(v1))
                : Grants.withId(membershipId, member, principal, List.of(v1));
    }
}
