package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.ResourceTypes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IAM facts both collection paths (GAAD + credential report, or upstream's per-entity calls) produce, so the
 * mappers and therefore the synced graph cannot depend on which path ran. Instants are truncated to seconds by the
 * readers because the credential report carries no sub-second precision.
 */
final class IamRecords {
    private IamRecords() {}

    /** The three IAM principal kinds that own inline and attached policies. */
    enum PrincipalKind {
        USER(ResourceTypes.IAM_USER_ID),
        GROUP(ResourceTypes.GROUP_ID),
        ROLE(ResourceTypes.ROLE_ID);

        private final String resourceTypeId;

        PrincipalKind(String resourceTypeId) {
            this.resourceTypeId = resourceTypeId;
        }

        String resourceTypeId() {
            return resourceTypeId;
        }

        static PrincipalKind of(String resourceTypeId) {
            for (PrincipalKind kind : values()) {
                if (kind.resourceTypeId.equals(resourceTypeId)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("not an IAM principal type: " + resourceTypeId);
        }
    }

    /**
     * @param passwordLastUsed null when never used
     * @param keysLastUsed     last use of each access key that was ever used
     */
    record User(String arn, String name, String path, String userId, Map<String, String> tags,
                Instant passwordLastUsed, List<Instant> keysLastUsed, boolean mfaActive, boolean consoleAccess) {
        User {
            requireNonNull(arn, "arn is null");
            requireNonNull(name, "name is null");
            requireNonNull(path, "path is null");
            requireNonNull(userId, "userId is null");
            tags = new TreeMap<>(requireNonNull(tags, "tags is null"));
            keysLastUsed = List.copyOf(requireNonNull(keysLastUsed, "keysLastUsed is null"));
        }

        /** The most recent of password and access-key use (upstream took the earliest: quirk 1, fixed). */
        Instant lastLogin() {
            Instant latest = passwordLastUsed;
            for (Instant used : keysLastUsed) {
                if (latest == null || used.isAfter(latest)) {
                    latest = used;
                }
            }
            return latest;
        }
    }

    record Group(String arn, String name, String path, String groupId) {
        Group {
            requireNonNull(arn, "arn is null");
            requireNonNull(name, "name is null");
            requireNonNull(path, "path is null");
            requireNonNull(groupId, "groupId is null");
        }
    }

    /**
     * @param maxSessionDuration null when AWS did not report one
     * @param trustPolicy        decoded trust policy JSON, "" when none
     */
    record Role(String arn, String name, String path, String description, Integer maxSessionDuration,
                Map<String, String> tags, String trustPolicy) {
        Role {
            requireNonNull(arn, "arn is null");
            requireNonNull(name, "name is null");
            requireNonNull(path, "path is null");
            requireNonNull(description, "description is null");
            tags = new TreeMap<>(requireNonNull(tags, "tags is null"));
            requireNonNull(trustPolicy, "trustPolicy is null");
        }
    }

    /** A managed policy as ListPolicies returns it. */
    record ManagedPolicy(String arn, String name, String description, String defaultVersionId) {
        ManagedPolicy {
            requireNonNull(arn, "arn is null");
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
            requireNonNull(defaultVersionId, "defaultVersionId is null");
        }

        /** AWS-managed policies ({@code arn:aws:iam::aws:policy/...}) are the same object in every account. */
        boolean awsManaged() {
            return arn.contains(":iam::aws:policy/");
        }
    }

    /** A managed policy attached to a principal. */
    record AttachedPolicy(String name, String arn) {
        AttachedPolicy {
            requireNonNull(name, "name is null");
            requireNonNull(arn, "arn is null");
        }
    }

    /** @param document decoded JSON, "" when it could not be read */
    record InlinePolicy(String name, String document) {
        InlinePolicy {
            requireNonNull(name, "name is null");
            requireNonNull(document, "document is null");
        }
    }

    /** @param lastUsed null when never used */
    record AccessKey(String accessKeyId, String status, Instant createDate, Instant lastUsed) {
        AccessKey {
            requireNonNull(accessKeyId, "accessKeyId is null");
            requireNonNull(status, "status is null");
            requireNonNull(createDate, "createDate is null");
        }
    }

    /** The access keys of one user, as the access-key listing pages them. */
    record UserKeys(String userArn, String userName, List<AccessKey> keys) {
        UserKeys {
            requireNonNull(userArn, "userArn is null");
            requireNonNull(userName, "userName is null");
            keys = List.copyOf(requireNonNull(keys, "keys is null"));
        }
    }
}
