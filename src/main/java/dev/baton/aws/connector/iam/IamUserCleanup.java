package dev.baton.aws.connector.iam;

import dev.baton.aws.connector.ProvisionAnnotations;
import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
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
    private final IamClient client;
    private final String accountId;
    private final EntityArn user;

    IamUserCleanup(IamClient client, String accountId, EntityArn user) {
        this.client = requireNonNull(client, "client is null");
        this.accountId = requireNonNull(accountId, "accountId is null");
        this.user = requireNonNull(user, "user is null");
    }

    boolean exists() throws SyncException {
        try {
            client.getUser(r -> r.userName(user.name()));
            return true;
        } catch (SdkException e) {
            if (IamResults.notFound(e)) {
                return false;
            }
            throw fail("iam.GetUser failed", "GetUser", e);
        }
    }

    /** Runs the ten steps; returns the request id of the final DeleteUser. */
    List<Any> deleteEverything() throws SyncException {
        deleteLoginProfile();
        deleteCredentials();
        deletePoliciesAndMemberships();
        try {
            return ProvisionAnnotations.requestId(client.deleteUser(r -> r.userName(user.name())));
        } catch (SdkException e) {
            throw fail("failed to delete user", "DeleteUser", e);
        }
    }

    private void deleteCredentials() throws SyncException {
        String name = user.name();
        drain("access keys", "access key", "ListAccessKeys", "DeleteAccessKey", marker -> {
            ListAccessKeysResponse page = client.listAccessKeys(r -> r.userName(name).marker(marker));
            return new Batch<>(page.accessKeyMetadata(), next(page.isTruncated(), page.marker()));
        }, (AccessKeyMetadata key) -> client.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId())));
        drain("signing certificates", "signing certificate", "ListSigningCertificates", "DeleteSigningCertificate",
                marker -> {
                    ListSigningCertificatesResponse page =
                            client.listSigningCertificates(r -> r.userName(name).marker(marker));
                    return new Batch<>(page.certificates(), next(page.isTruncated(), page.marker()));
                }, (SigningCertificate cert) ->
                        client.deleteSigningCertificate(r -> r.userName(name).certificateId(cert.certificateId())));
        drain("SSH public keys", "SSH public key", "ListSSHPublicKeys", "DeleteSSHPublicKey", marker -> {
            ListSshPublicKeysResponse page = client.listSSHPublicKeys(r -> r.userName(name).marker(marker));
            return new Batch<>(page.sshPublicKeys(), next(page.isTruncated(), page.marker()));
        }, (SSHPublicKeyMetadata key) ->
                client.deleteSSHPublicKey(r -> r.userName(name).sshPublicKeyId(key.sshPublicKeyId())));
        drain("service specific credentials", "service specific credential", "ListServiceSpecificCredentials",
                "DeleteServiceSpecificCredential", marker -> new Batch<>(
                        client.listServiceSpecificCredentials(r -> r.userName(name)).serviceSpecificCredentials(),
                        null), (ServiceSpecificCredentialMetadata credential) ->
                        client.deleteServiceSpecificCredential(r -> r.userName(name)
                                .serviceSpecificCredentialId(credential.serviceSpecificCredentialId())));
        drain("MFA devices", "MFA device", "ListMFADevices", "DeactivateMFADevice", marker -> {
            ListMfaDevicesResponse page = client.listMFADevices(r -> r.userName(name).marker(marker));
            return new Batch<>(page.mfaDevices(), next(page.isTruncated(), page.marker()));
        }, (MFADevice device) ->
                client.deactivateMFADevice(r -> r.userName(name).serialNumber(device.serialNumber())));
    }

    private void deletePoliciesAndMemberships() throws SyncException {
        String name = user.name();
        drain("user policies", "user policy", "ListUserPolicies", "DeleteUserPolicy", marker -> {
            ListUserPoliciesResponse page = client.listUserPolicies(r -> r.userName(name).marker(marker));
            return new Batch<>(page.policyNames(), next(page.isTruncated(), page.marker()));
        }, (String policy) -> client.deleteUserPolicy(r -> r.userName(name).policyName(policy)));
        drain("attached user policies", "user policy", "ListAttachedUserPolicies", "DetachUserPolicy", marker -> {
            ListAttachedUserPoliciesResponse page =
                    client.listAttachedUserPolicies(r -> r.userName(name).marker(marker));
            return new Batch<>(page.attachedPolicies(), next(page.isTruncated(), page.marker()));
        }, (AttachedPolicy policy) -> client.detachUserPolicy(r -> r.userName(name).policyArn(policy.policyArn())));
        drain("groups for user", "user from group", "ListGroupsForUser", "RemoveUserFromGroup", marker -> {
            ListGroupsForUserResponse page = client.listGroupsForUser(r -> r.userName(name).marker(marker));
            return new Batch<>(page.groups(), next(page.isTruncated(), page.marker()));
        }, (Group group) -> client.removeUserFromGroup(r -> r.userName(name).groupName(group.groupName())));
    }

    private void deleteLoginProfile() throws SyncException {
        try {
            client.deleteLoginProfile(r -> r.userName(user.name()));
        } catch (SdkException e) {
            if (!IamResults.notFound(e)) {
                throw fail("failed to delete login profile", "DeleteLoginProfile", e);
            }
        }
    }

    /**
     * Lists all items first, then deletes them: deleting while paging would shift the marker. An item that vanished
     * meanwhile (NoSuchEntity) is already gone, which is what we want.
     */
    private <T> void drain(String plural, String singular, String listOperation, String deleteOperation,
                           Function<String, Batch<T>> list, Function<T, AwsResponse> delete) throws SyncException {
        List<T> items = new ArrayList<>();
        try {
            String marker = null;
            do {
                Batch<T> batch = list.apply(marker);
                items.addAll(batch.items());
                marker = batch.marker();
            } while (marker != null);
        } catch (SdkException e) {
            throw fail("failed to list " + plural, listOperation, e);
        }
        for (T item : items) {
            try {
                delete.apply(item);
            } catch (SdkException e) {
                if (!IamResults.notFound(e)) {
                    throw fail(verb(deleteOperation) + singular, deleteOperation, e);
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

    private SyncException fail(String what, String operation, SdkException e) {
        return IamResults.failure(what, operation, accountId, user.arn(), e);
    }

    private static String next(Boolean truncated, String marker) {
        return Boolean.TRUE.equals(truncated) && marker != null && !marker.isEmpty() ? marker : null;
    }

    private record Batch<T>(List<T> items, String marker) {}
}
