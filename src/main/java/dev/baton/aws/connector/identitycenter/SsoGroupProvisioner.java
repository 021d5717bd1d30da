package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ProvisionAnnotations;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import software.amazon.awssdk.services.identitystore.model.CreateGroupMembershipResponse;
import software.amazon.awssdk.services.identitystore.model.DeleteGroupMembershipResponse;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;

/**
 * Resource type {@code sso_group}: Identity Center group membership ({@code sso_group:<arn>:member}). The sync emits
 * membership grants with the AWS MembershipId as grant id, so revoke first deletes by that id and only looks the
 * membership up by (group, user) when the id is not a live membership.
 */
public final class SsoGroupProvisioner implements GrantProvisioner {
    private final AwsClients clients;
    private final InstanceSource instance;

    SsoGroupProvisioner(AwsClients clients, InstanceSource instance) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
    }

    @Override
    public String resourceTypeId() {
        return ResourceTypes.SSO_GROUP_ID;
    }

    @Override
    public ProvisionResult grant(Resource principal, Entitlement entitlement) throws SyncException {
        if (!principal.getId().getResourceType().equals(ResourceTypes.SSO_USER_ID)) {
            throw new SyncException("baton-aws: only sso users can be added to a sso group");
        }
        String storeId = instance.get().identityStoreId();
        String groupId = SsoPrincipal.groupId(entitlement.getResource().getId().getResource());
        String userId = SsoPrincipal.userId(principal.getId().getResource());
        String groupArn = entitlement.getResource().getId().getResource();
        try {
            CreateGroupMembershipResponse response = clients.gateway()
                    .call(
                            SsoOperations.CREATE_GROUP_MEMBERSHIP.on(groupArn),
                            () -> clients.identityStore()
                                    .createGroupMembership(r -> r.identityStoreId(storeId)
                                            .groupId(groupId)
                                            .memberId(m -> m.userId(userId))));
            return new ProvisionResult(
                    List.of(membershipGrant(response.membershipId(), entitlement, principal)),
                    List.of(),
                    ProvisionAnnotations.requestId(response));
        } catch (AwsCallException e) {
            if (e.kind() != ErrorKind.CONFLICT) {
                throw AwsCall.failure("error adding sso user to sso group", e);
            }
        }
        List<Any> exists = ProvisionAnnotations.of(GrantAlreadyExists.getDefaultInstance());
        try {
            String membershipId = membershipId(storeId, groupId, userId, groupArn);
            return new ProvisionResult(
                    List.of(membershipGrant(membershipId, entitlement, principal)), List.of(), exists);
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.ACCESS_DENIED) {
                return ProvisionResult.ofAnnotations(exists);
            }
            throw AwsCall.failure("error adding sso user to sso group", e);
        }
    }

    @Override
    public ProvisionResult revoke(Grant grant) throws SyncException {
        if (!grant.getPrincipal().getId().getResourceType().equals(ResourceTypes.SSO_USER_ID)) {
            throw new SyncException("baton-aws: only sso users can be removed from sso groups");
        }
        String storeId = instance.get().identityStoreId();
        String groupArn = grant.getEntitlement().getResource().getId().getResource();
        try {
            return ProvisionResult.ofAnnotations(deleteMembership(storeId, grant.getId(), groupArn));
        } catch (AwsCallException e) {
            // Throttling was already retried by the gateway; anything else that is not "this id is not a live
            // membership" must not be papered over by the lookup below.
            if (!lookupHelps(e.kind())) {
                throw AwsCall.failure("error removing sso user from sso group", e);
            }
        }
        String groupId = SsoPrincipal.groupId(groupArn);
        String userId = SsoPrincipal.userId(grant.getPrincipal().getId().getResource());
        try {
            String membershipId = membershipId(storeId, groupId, userId, groupArn);
            return ProvisionResult.ofAnnotations(deleteMembership(storeId, membershipId, groupArn));
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return ProvisionResult.ofAnnotations(ProvisionAnnotations.of(GrantAlreadyRevoked.getDefaultInstance()));
            }
            throw AwsCall.failure("error removing sso user from sso group", e);
        }
    }

    private static boolean lookupHelps(ErrorKind kind) {
        return switch (kind) {
            case NOT_FOUND, INVALID_INPUT, CONFLICT, TRANSIENT, OTHER -> true;
            case THROTTLED, ACCESS_DENIED, CREDENTIALS -> false;
        };
    }

    private List<Any> deleteMembership(String storeId, String membershipId, String groupArn) throws AwsCallException {
        DeleteGroupMembershipResponse response = clients.gateway()
                .call(
                        SsoOperations.DELETE_GROUP_MEMBERSHIP.on(groupArn),
                        () -> clients.identityStore()
                                .deleteGroupMembership(
                                        r -> r.identityStoreId(storeId).membershipId(membershipId)));
        return ProvisionAnnotations.requestId(response);
    }

    private String membershipId(String storeId, String groupId, String userId, String groupArn)
            throws AwsCallException {
        return clients.gateway()
                .call(
                        SsoOperations.GET_GROUP_MEMBERSHIP_ID.on(groupArn),
                        () -> clients.identityStore()
                                .getGroupMembershipId(r -> r.identityStoreId(storeId)
                                        .groupId(groupId)
                                        .memberId(m -> m.userId(userId)))
                                .membershipId());
    }

    /** The membership grant the group syncer emits: the AWS MembershipId is the grant id (SDK id when absent). */
    static Grant membershipGrant(String membershipId, Entitlement entitlement, Resource principal) {
        return SsoGroupSyncer.grant(
                entitlement,
                GroupMembership.builder().membershipId(membershipId).build(),
                principal.getId().getResource());
    }
}
