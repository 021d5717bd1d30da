package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ProvisionAnnotations;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesResponse;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.SigningCertificate;

/**
 * Deletes one IAM user the way AWS requires: DeleteUser fails with DeleteConflict while the user still has a login
 * profile, keys, certificates, MFA devices, policies or group memberships, so those go first, in upstream's order.
 * Each list is re-read from its first page after the deletes, because deleting shifts the markers.
 */
final class IamUserCleanup {
    private final IamCalls calls;
    private final IamClient client;
    private final EntityArn user;

    IamUserCleanup(IamCalls calls, EntityArn user) {
        this.calls = requireNonNull(calls, "calls is null");
        this.client = calls.client();
        this.user = requireNonNull(user, "user is null");
    }

    boolean exists() throws SyncException {
        try {
            calls.call("GetUser", user.arn(), () -> client.getUser(r -> r.userName(user.name())));
            return true;
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw IamResults.callFailure("iam.GetUser failed", e);
        }
    }

    /** Runs the ten steps; returns the request id of the final DeleteUser. */
    List<Any> deleteEverything() throws SyncException {
        deleteLoginProfile();
        deleteCredentials();
        deletePoliciesAndMemberships();
        try {
            return ProvisionAnnotations.requestId(
                    calls.call("DeleteUser", user.arn(), () -> client.deleteUser(r -> r.userName(user.name()))));
        } catch (AwsCallException e) {
            throw IamResults.callFailure("failed to delete user", e);
        }
    }

    private void deleteCredentials() throws SyncException {
        String name = user.name();
        drain(
                "access keys",
                "access key",
                "ListAccessKeys",
                "DeleteAccessKey",
                marker -> {
                    ListAccessKeysResponse page =
                            client.listAccessKeys(r -> r.userName(name).marker(marker));
                    return new Batch<>(
                            present(page.accessKeyMetadata(), AccessKeyMetadata::accessKeyId),
                            AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
                },
                (AccessKeyMetadata key) ->
                        client.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId())));
        drain(
                "signing certificates",
                "signing certificate",
                "ListSigningCertificates",
                "DeleteSigningCertificate",
                marker -> {
                    ListSigningCertificatesResponse page =
                            client.listSigningCertificates(r -> r.userName(name).marker(marker));
                    return new Batch<>(
                            page.certificates(), AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
                },
                (SigningCertificate cert) ->
                        client.deleteSigningCertificate(r -> r.userName(name).certificateId(cert.certificateId())));
        drain(
                "SSH public keys",
                "SSH public key",
                "ListSSHPublicKeys",
                "DeleteSSHPublicKey",
                marker -> {
                    ListSshPublicKeysResponse page =
                            client.listSSHPublicKeys(r -> r.userName(name).marker(marker));
                    return new Batch<>(
                            page.sshPublicKeys(), AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
                },
                (SSHPublicKeyMetadata key) ->
                        client.deleteSSHPublicKey(r -> r.userName(name).sshPublicKeyId(key.sshPublicKeyId())));
        drain(
                "service specific credentials",
                "service specific credential",
                "ListServiceSpecificCredentials",
                "DeleteServiceSpecificCredential",
                marker -> {
                    ListServiceSpecificCredentialsResponse page = client.listServiceSpecificCredentials(
                            r -> r.userName(name).marker(marker));
                    return new Batch<>(
                            page.serviceSpecificCredentials(),
                            AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
                },
                (ServiceSpecificCredentialMetadata credential) -> client.deleteServiceSpecificCredential(
                        r -> r.userName(name).serviceSpecificCredentialId(credential.serviceSpecificCredentialId())));
        drain(
                "MFA devices",
                "MFA device",
                "ListMFADevices",
                "DeactivateMFADevice",
                marker -> {
                    ListMfaDevicesResponse page =
                            client.listMFADevices(r -> r.userName(name).marker(marker));
                    return new Batch<>(
                            page.mfaDevices(), AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
                },
                (MFADevice device) ->
                        client.deactivateMFADevice(r -> r.userName(name).serialNumber(device.serialNumber())));
    }

    private void deletePoliciesAndMemberships() throws SyncException {
        String name = user.name();
        drain(
                "user policies",
                "user policy",
                "ListUserPolicies",
                "DeleteUserPolicy",
                marker -> {
                    ListUserPoliciesResponse page =
                            client.listUserPolicies(r -> r.userName(name).marker(marker));
                    return new Batch<>(
                            page.policyNames(), AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
                },
                (String policy) -> client.deleteUserPolicy(r -> r.userName(name).policyName(policy)));
        drain(
                "attached user policies",
                "user policy",
                "ListAttachedUserPolicies",
                "DetachUserPolicy",
                marker -> {
                    ListAttachedUserPoliciesResponse page = client.listAttachedUserPolicies(
                            r -> r.userName(name).marker(marker));
                    return new Batch<>(
                            present(page.attachedPolicies(), AttachedPolicy::policyArn),
                            AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
                },
                (AttachedPolicy policy) ->
                        client.detachUserPolicy(r -> r.userName(name).policyArn(policy.policyArn())));
        drain(
                "groups for user",
                "user from group",
                "ListGroupsForUser",
                "RemoveUserFromGroup",
                marker -> {
                    ListGroupsForUserResponse page =
                            client.listGroupsForUser(r -> r.userName(name).marker(marker));
                    return new Batch<>(page.groups(), AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
                },
                (Group group) ->
                        client.removeUserFromGroup(r -> r.userName(name).groupName(group.groupName())));
    }

    private void deleteLoginProfile() throws SyncException {
        try {
            calls.call("DeleteLoginProfile", user.arn(), () -> client.deleteLoginProfile(r -> r.userName(user.name())));
        } catch (AwsCallException e) {
            if (e.kind() != ErrorKind.NOT_FOUND) {
                throw IamResults.callFailure("failed to delete login profile", e);
            }
        }
    }

    /**
     * Lists all items first, then deletes them: deleting while paging would shift the marker. An item that vanished
     * meanwhile (NoSuchEntity) is already gone, which is what we want.
     */
    private <T> void drain(
            String plural,
            String singular,
            String listOperation,
            String deleteOperation,
            Function<String, Batch<T>> list,
            Function<T, AwsResponse> delete)
            throws SyncException {
        List<T> items = new ArrayList<>();
        try {
            String marker = null;
            do {
                String current = marker;
                Batch<T> batch = calls.call(listOperation, user.arn(), () -> list.apply(current));
                items.addAll(batch.items());
                marker = batch.marker();
            } while (marker != null);
        } catch (AwsCallException e) {
            throw IamResults.callFailure("failed to list " + plural, e);
        }
        for (T item : items) {
            try {
                calls.call(deleteOperation, user.arn(), () -> delete.apply(item));
            } catch (AwsCallException e) {
                if (e.kind() != ErrorKind.NOT_FOUND) {
                    throw IamResults.callFailure(verb(deleteOperation) + singular, e);
                }
            }
        }
    }

    private static String verb(String operation) {
        if (operation.startsWith("Detach")) {
            return "failed to detach ";
        }
        if (operation.startsWith("Deactivate")) {
            return "failed to deactivate ";
        }
        if (operation.startsWith("Remove")) {
            return "failed to remove ";
        }
        return "failed to delete ";
    }

    /**
     * The listed items AWS named: in these two listings every member is optional, and an item without the member
     * its delete call takes cannot be deleted (DeleteUser then reports the conflict).
     */
    private static <T> List<T> present(List<T> items, Function<T, String> member) {
        return items.stream()
                .filter(item -> !IamValues.absent(member.apply(item)))
                .toList();
    }

    private record Batch<T>(List<T> items, String marker) {}
}
