package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ProvisionAnnotations;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;

/**
 * Resource type {@code group}: grant and revoke of IAM group membership ({@code group:<arn>:member}). Writes go to the
 * account that owns the group. AWS answers AddUserToGroup for an existing member with success and
 * RemoveUserFromGroup for a non-member with NoSuchEntity, so the membership is read first to report
 * "already granted/revoked" honestly.
 */
public final class IamGroupProvisioner implements GrantProvisioner {
    private final AwsClients clients;

    public IamGroupProvisioner(AwsClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    @Override
    public String resourceTypeId() {
        return ResourceTypes.GROUP_ID;
    }

    @Override
    public ProvisionResult grant(Resource principal, Entitlement entitlement) throws SyncException {
        if (!principal.getId().getResourceType().equals(ResourceTypes.IAM_USER_ID)) {
            throw new SyncException("baton-aws: only iam users can be added to iam group");
        }
        Membership membership = membership(entitlement.getResource().getId(), principal.getId());
        Grant grant = membershipGrant(entitlement, principal.getId());
        if (membership.isMember()) {
            return new ProvisionResult(
                    List.of(grant), List.of(), ProvisionAnnotations.of(GrantAlreadyExists.getDefaultInstance()));
        }
        try {
            AddUserToGroupResponse response = membership
                    .iam()
                    .call(
                            "AddUserToGroup",
                            membership.group().arn(),
                            () -> membership
                                    .iam()
                                    .client()
                                    .addUserToGroup(request -> request.groupName(
                                                    membership.group().name())
                                            .userName(membership.user().name())));
            return new ProvisionResult(List.of(grant), List.of(), ProvisionAnnotations.requestId(response));
        } catch (AwsCallException e) {
            throw IamResults.callFailure("error adding iam user to iam group", e);
        }
    }

    @Override
    public ProvisionResult revoke(Grant grant) throws SyncException {
        if (!grant.getPrincipal().getId().getResourceType().equals(ResourceTypes.IAM_USER_ID)) {
            throw new SyncException("baton-aws: only iam users can be removed from iam group");
        }
        Membership membership = membership(
                grant.getEntitlement().getResource().getId(),
                grant.getPrincipal().getId());
        if (!membership.isMember()) {
            return ProvisionResult.ofAnnotations(ProvisionAnnotations.of(GrantAlreadyRevoked.getDefaultInstance()));
        }
        try {
            RemoveUserFromGroupResponse response = membership
                    .iam()
                    .call(
                            "RemoveUserFromGroup",
                            membership.group().arn(),
                            () -> membership
                                    .iam()
                                    .client()
                                    .removeUserFromGroup(request -> request.groupName(
                                                    membership.group().name())
                                            .userName(membership.user().name())));
            return ProvisionResult.ofAnnotations(ProvisionAnnotations.requestId(response));
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                // Removed (or deleted) between our read and the write: the outcome the caller wanted.
                return ProvisionResult.ofAnnotations(ProvisionAnnotations.of(GrantAlreadyRevoked.getDefaultInstance()));
            }
            throw IamResults.callFailure("error removing iam user from iam group", e);
        }
    }

    /** The IAM group membership grant the group syncer emits for this membership, so the caller can match it against the c1z. */
    static Grant membershipGrant(Entitlement entitlement, ResourceId user) {
        String groupArn = entitlement.getResource().getId().getResource();
        V1Identifier v1 = V1Identifier.newBuilder()
                .setId(Ids.v1MembershipGrantId(groupArn, user.getResource()))
                .build();
        return Grants.grant(entitlement, Ids.resourceId(ResourceTypes.IAM_USER_ID, user.getResource()), List.of(v1));
    }

    private Membership membership(ResourceId groupId, ResourceId userId) throws SyncException {
        EntityArn group = EntityArn.parse(groupId.getResource(), "group");
        EntityArn user = EntityArn.parse(userId.getResource(), "user");
        if (!group.accountId().equals(user.accountId())) {
            throw new SyncException("baton-aws: iam user " + user.arn() + " is in account " + user.accountId()
                    + " but group " + group.arn() + " is in account " + group.accountId()
                    + "; an IAM group can only hold users of its own account");
        }
        IamCalls iam = IamResults.iam(clients, group.accountId());
        return new Membership(iam, group, user, isMember(iam, group, user));
    }

    /** A user that does not exist is in no group. */
    private static boolean isMember(IamCalls iam, EntityArn group, EntityArn user) throws SyncException {
        String marker = null;
        try {
            do {
                String current = marker;
                ListGroupsForUserResponse page = iam.call(
                        "ListGroupsForUser",
                        user.arn(),
                        () -> iam.client()
                                .listGroupsForUser(
                                        request -> request.userName(user.name()).marker(current)));
                for (Group candidate : page.groups()) {
                    // A group AWS lists without its ARN is still this group when its name and path say so.
                    if (group.arn().equals(candidate.arn())
                            || candidate.arn() == null && group.name().equals(candidate.groupName())) {
                        return true;
                    }
                }
                marker = AwsPaging.nextMarker(page.isTruncated(), page.marker(), current);
            } while (marker != null);
            return false;
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw IamResults.callFailure("cannot read the groups of iam user", e);
        }
    }

    private record Membership(IamCalls iam, EntityArn group, EntityArn user, boolean isMember) {}
}
