package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.PrincipalKind;
import dev.baton.aws.connector.iam.IamRecords.User;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resource type {@code iam_user}: IAM users of the caller's account and of every assumable child account. */
final class IamUserSyncer implements ResourceSyncer {
    private final IamReaders readers;
    private final SyncWarnings warnings;
    private final boolean syncPolicyGrants;
    private final ResourceType resourceType;

    /** @param syncPolicyGrants false when iam_policy is not synced: users then have no grants at all */
    IamUserSyncer(IamReaders readers, SyncWarnings warnings, boolean syncPolicyGrants) {
        this.readers = requireNonNull(readers, "readers is null");
        readers.register();
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.syncPolicyGrants = syncPolicyGrants;
        this.resourceType =
                syncPolicyGrants ? ResourceTypes.IAM_USER : ResourceTypes.withoutGrants(ResourceTypes.IAM_USER);
    }

    @Override
    public ResourceType resourceType() {
        return resourceType;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (!IamReaders.listsUnder(parent)) {
            return Page.empty();
        }
        IamAccountReader reader = readers.forListing(parent);
        Page<User> users = AwsFailures.require(() -> reader.users(token));
        return new Page<>(
                users.items().stream().map(user -> toResource(user, parent)).toList(), users.next());
    }

    static Resource toResource(User user, ResourceId parent) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_arn", user.arn());
        profile.put("aws_path", user.path());
        profile.put("aws_user_type", "iam");
        profile.put("aws_tags", user.tags());
        profile.put("aws_user_id", user.userId());
        profile.put("aws_console_access", user.consoleAccess());
        UserTrait.Builder trait = UserTrait.newBuilder()
                .setMfaStatus(UserTrait.MFAStatus.newBuilder().setMfaEnabled(user.mfaActive()));
        emails(user)
                .forEach(email -> trait.addEmails(
                        UserTrait.Email.newBuilder().setAddress(email).setIsPrimary(true)));
        Instant lastLogin = user.lastLogin();
        if (lastLogin != null) {
            trait.setLastLogin(Timestamp.newBuilder().setSeconds(lastLogin.getEpochSecond()));
        }
        return ResourceBuilder.builder(ResourceTypes.IAM_USER_ID, user.arn())
                .displayName(user.name())
                .parent(parent)
                .profile(profile)
                .v1Identifier(user.arn())
                .childType(ResourceTypes.INLINE_POLICY_ID)
                .userTrait(trait)
                .build();
    }

    /**
     * The user name when it is an address, then the {@code email} tag (upstream marks both primary), each address
     * once: upstream drops the tag when it repeats the name.
     */
    static List<String> emails(User user) {
        List<String> emails = new ArrayList<>();
        if (user.name().contains("@")) {
            emails.add(user.name());
        }
        String tagged = user.tags().get("email");
        if (tagged != null && !tagged.isEmpty() && !emails.contains(tagged)) {
            emails.add(tagged);
        }
        return emails;
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.empty();
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        if (!syncPolicyGrants) {
            return Page.empty();
        }
        String arn = resource.getId().getResource();
        IamAccountReader reader = readers.forEntity(arn);
        List<AttachedPolicy> policies;
        try {
            policies = reader.attachedPolicies(PrincipalKind.USER, arn);
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsFailures.fatal(e);
            }
            warnings.warn("baton-aws: skipping managed policy grants of IAM user " + arn + ": " + e.errorCode());
            return Page.empty();
        }
        return Page.last(policies.stream()
                .map(p -> IamGrants.policyAttachment(p, resource.getId()))
                .toList());
    }

    @Override
    public void listingsDone() {
        readers.release();
    }
}
