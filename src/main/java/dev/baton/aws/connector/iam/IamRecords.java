package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.connector.ResourceTypes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IAM facts both collection paths (GAAD + credential report, or upstream's per-entity calls) produce, so the
 * mappers and therefore the synced graph cannot depend on which path ran. Only the ARN (the resource id) is required:
 * a name or path AWS left out comes from the ARN, other absent members become empty. Instants are truncated to seconds by the
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
    record User(
            String arn,
            String name,
            String path,
            String userId,
            Map<String, String> tags,
            Instant passwordLastUsed,
            List<Instant> keysLastUsed,
            boolean mfaActive,
            boolean consoleAccess) {
        User {
            requireNonNull(arn, "arn is null");
            name = IamValues.name(name, arn);
            path = IamValues.path(path, arn);
            userId = AwsValues.text(userId);
            tags = tags == null ? new TreeMap<>() : new TreeMap<>(tags);
            keysLastUsed = keysLastUsed == null ? List.of() : List.copyOf(keysLastUsed);
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
            name = IamValues.name(name, arn);
            path = IamValues.path(path, arn);
            groupId = AwsValues.text(groupId);
        }
    }

    /**
     * @param maxSessionDuration null when AWS did not report one
     * @param trustPolicy        decoded trust policy JSON, "" when none
     */
    record Role(
            String arn,
            String name,
            String path,
            String description,
            Integer maxSessionDuration,
            Map<String, String> tags,
            String trustPolicy) {
        Role {
            requireNonNull(arn, "arn is null");
            name = IamValues.name(name, arn);
            path = IamValues.path(path, arn);
            description = AwsValues.text(description);
            tags = tags == null ? new TreeMap<>() : new TreeMap<>(tags);
            trustPolicy = AwsValues.text(trustPolicy);
        }
    }

    /** A managed policy as ListPolicies returns it. */
    record ManagedPolicy(String arn, String name, String description, String defaultVersionId) {
        ManagedPolicy {
            requireNonNull(arn, "arn is null");
            name = IamValues.name(name, arn);
            description = AwsValues.text(description);
            defaultVersionId = AwsValues.text(defaultVersionId);
        }

        /** AWS-managed policies ({@code arn:aws:iam::aws:policy/...}) are the same object in every account. */
        boolean awsManaged() {
            return arn.contains(":iam::aws:policy/");
        }
    }

    /** A managed policy attached to a principal. */
    record AttachedPolicy(String name, String arn) {
        AttachedPolicy {
            requireNonNull(arn, "arn is null");
            name = IamValues.name(name, arn);
        }
    }

    /** @param document decoded JSON, "" when it could not be read */
    record InlinePolicy(String name, String document) {
        InlinePolicy {
            requireNonNull(name, "name is null");
            document = AwsValues.text(document);
        }
    }

    /**
     * @param status     as AWS spells it ({@code Active}, {@code Inactive}, or a value newer than this SDK); empty when
     *                   AWS left it out
     * @param createDate null when AWS left it out
     * @param lastUsed   null when never used
     */
    record AccessKey(String accessKeyId, String status, Instant createDate, Instant lastUsed) {
        AccessKey {
            requireNonNull(accessKeyId, "accessKeyId is null");
            status = AwsValues.text(status);
        }
    }

    /** The access keys of one user, as the access-key listing pages them. */
    record UserKeys(String userArn, String userName, List<AccessKey> keys) {
        UserKeys {
            requireNonNull(userArn, "userArn is null");
            userName = IamValues.name(userName, userArn);
            keys = List.copyOf(requireNonNull(keys, "keys is null"));
        }
    }
}
