package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM user. {@code passwordLastUsed} and {@code permissionsBoundary} may be null; {@code groups} holds group
 * names of the same account; {@code attachedPolicies} holds policy ARNs; {@code deny} holds action patterns the
 * simulator refuses for this user (a stand-in for IAM policy evaluation).
 */
public record IamUser(
        String name,
        String path,
        String id,
        Instant createDate,
        Instant passwordLastUsed,
        boolean loginProfile,
        Map<String, String> tags,
        List<AccessKey> accessKeys,
        List<MfaDevice> mfaDevices,
        List<SigningCertificate> signingCertificates,
        List<SshPublicKey> sshPublicKeys,
        List<ServiceSpecificCredential> serviceSpecificCredentials,
        List<String> groups,
        Map<String, JsonNode> inlinePolicies,
        List<String> attachedPolicies,
        String permissionsBoundary,
        List<String> deny) {
    public IamUser {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(id, "id is null");
        requireNonNull(createDate, "createDate is null");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        accessKeys = List.copyOf(accessKeys);
        mfaDevices = List.copyOf(mfaDevices);
        signingCertificates = List.copyOf(signingCertificates);
        sshPublicKeys = List.copyOf(sshPublicKeys);
        serviceSpecificCredentials = List.copyOf(serviceSpecificCredentials);
        groups = List.copyOf(groups);
        inlinePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies));
        attachedPolicies = List.copyOf(attachedPolicies);
        deny = List.copyOf(deny);
    }

    /** A user with just a name, as CreateUser makes it. */
    public static IamUser create(String name, String path, String id, Instant createDate, Map<String, String> tags) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                null,
                false,
                tags,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                null,
                List.of());
    }

    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":user" + path + name;
    }

    public IamUser withTags(Map<String, String> newTags) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                newTags,
                accessKeys,
                mfaDevices,
                signingCertificates,
                sshPublicKeys,
                serviceSpecificCredentials,
                groups,
                inlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withLoginProfile(boolean newLoginProfile) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                newLoginProfile,
                tags,
                accessKeys,
                mfaDevices,
                signingCertificates,
                sshPublicKeys,
                serviceSpecificCredentials,
                groups,
                inlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withAccessKeys(List<AccessKey> newAccessKeys) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                tags,
                newAccessKeys,
                mfaDevices,
                signingCertificates,
                sshPublicKeys,
                serviceSpecificCredentials,
                groups,
                inlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withMfaDevices(List<MfaDevice> newMfaDevices) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                tags,
                accessKeys,
                newMfaDevices,
                signingCertificates,
                sshPublicKeys,
                serviceSpecificCredentials,
                groups,
                inlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withSigningCertificates(List<SigningCertificate> newCertificates) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                tags,
                accessKeys,
                mfaDevices,
                newCertificates,
                sshPublicKeys,
                serviceSpecificCredentials,
                groups,
                inlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withSshPublicKeys(List<SshPublicKey> newKeys) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                tags,
                accessKeys,
                mfaDevices,
                signingCertificates,
                newKeys,
                serviceSpecificCredentials,
                groups,
                inlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withServiceSpecificCredentials(List<ServiceSpecificCredential> newCredentials) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                tags,
                accessKeys,
                mfaDevices,
                signingCertificates,
                sshPublicKeys,
                newCredentials,
                groups,
                inlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withGroups(List<String> newGroups) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                tags,
                accessKeys,
                mfaDevices,
                signingCertificates,
                sshPublicKeys,
                serviceSpecificCredentials,
                newGroups,
                inlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withInlinePolicies(Map<String, JsonNode> newInlinePolicies) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                tags,
                accessKeys,
                mfaDevices,
                signingCertificates,
                sshPublicKeys,
                serviceSpecificCredentials,
                groups,
                newInlinePolicies,
                attachedPolicies,
                permissionsBoundary,
                deny);
    }

    public IamUser withAttachedPolicies(List<String> newAttachedPolicies) {
        return new IamUser(
                name,
                path,
                id,
                createDate,
                passwordLastUsed,
                loginProfile,
                tags,
                accessKeys,
                mfaDevices,
                signingCertificates,
                sshPublicKeys,
                serviceSpecificCredentials,
                groups,
                inlinePolicies,
                newAttachedPolicies,
                permissionsBoundary,
                deny);
    }
}
