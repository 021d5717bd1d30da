package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.iam.IamRecords.AccessKey;
import dev.baton.aws.connector.iam.IamRecords.UserKeys;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.SecretTrait;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resource type {@code access-key}: IAM access keys as secrets, in the caller's account and (listed under
 * account_iam) every assumable child account. Keys link to their user by the iam_user resource id, the ARN
 * (upstream used the UserId, which matches no resource: quirk 6, fixed).
 */
final class AccessKeySyncer implements ResourceSyncer {
    private final IamReaders readers;

    AccessKeySyncer(IamReaders readers) {
        this.readers = requireNonNull(readers, "readers is null");
        readers.register();
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.ACCESS_KEY;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (!IamReaders.listsUnder(parent)) {
            return Page.empty();
        }
        IamAccountReader reader = readers.forListing(parent);
        Page<UserKeys> users = AwsFailures.require(() -> reader.accessKeys(token));
        List<Resource> keys = new ArrayList<>();
        for (UserKeys user : users.items()) {
            user.keys().forEach(key -> keys.add(toResource(user.userArn(), user.userName(), key, parent)));
        }
        return new Page<>(keys, users.next());
    }

    static Resource toResource(String userArn, String userName, AccessKey key, ResourceId parent) {
        ResourceId owner = Ids.resourceId(ResourceTypes.IAM_USER_ID, userArn);
        SecretTrait.Builder trait = SecretTrait.newBuilder()
                .setCreatedById(owner)
                .setIdentityId(owner)
                .setCredentialType(SecretTrait.CredentialType.CREDENTIAL_TYPE_STATIC_SECRET)
                .setCredentialDetail("aws.access_key");
        if (key.lastUsed() != null) {
            trait.setLastUsedAt(timestamp(key.lastUsed()));
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_access_key_id", key.accessKeyId());
        profile.put("aws_access_key_status", key.status());
        profile.put("aws_user_arn", userArn);
        ResourceBuilder builder = ResourceBuilder.builder(ResourceTypes.ACCESS_KEY_ID, key.accessKeyId())
                .displayName(userName + "|" + key.accessKeyId())
                .parent(parent);
        if (key.createDate() != null) {
            builder.createdAt(timestamp(key.createDate()));
        }
        return builder.profile(profile).v1Identifier(userArn).secretTrait(trait).build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.empty();
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) {
        return Page.empty();
    }

    @Override
    public void listingsDone() {
        readers.release();
    }
}
