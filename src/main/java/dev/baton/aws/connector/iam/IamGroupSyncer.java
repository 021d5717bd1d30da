package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Group;
import dev.baton.aws.connector.iam.IamRecords.PrincipalKind;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resource type {@code group}: IAM groups; grants are memberships and attached policies. */
final class IamGroupSyncer implements ResourceSyncer {
    private final IamReaders readers;
    private final SyncWarnings warnings;
    private final boolean syncPolicyGrants;

    /** @param syncPolicyGrants false when iam_policy is not synced: only memberships are emitted */
    IamGroupSyncer(IamReaders readers, SyncWarnings warnings, boolean syncPolicyGrants) {
        this.readers = requireNonNull(readers, "readers is null");
        readers.register();
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.syncPolicyGrants = syncPolicyGrants;
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.GROUP;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (!IamReaders.listsUnder(parent)) {
            return Page.empty();
        }
        IamAccountReader reader = readers.forListing(parent);
        Page<Group> groups = AwsFailures.require(() -> reader.groups(token));
        return new Page<>(
                groups.items().stream().map(group -> toResource(group, parent)).toList(), groups.next());
    }

    static Resource toResource(Group group, ResourceId parent) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_arn", group.arn());
        profile.put("aws_path", group.path());
        profile.put("aws_group_type", "iam");
        profile.put("aws_group_name", group.name());
        profile.put("aws_group_id", group.groupId());
        return ResourceBuilder.builder(ResourceTypes.GROUP_ID, group.arn())
                .displayName(group.name())
                .parent(parent)
                .profile(profile)
                .v1Identifier(group.arn())
                .childType(ResourceTypes.INLINE_POLICY_ID)
                .groupTrait()
                .build();
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.last(List.of(IamGrants.groupMember(resource)));
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        String arn = resource.getId().getResource();
        IamAccountReader reader = readers.forEntity(arn);
        List<String> members;
        try {
            members = reader.groupMembers(arn);
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsFailures.fatal(e);
            }
            warnings.warn("baton-aws: skipping grants of IAM group " + arn + ": " + e.errorCode());
            return Page.empty();
        }
        List<Grant> grants = new ArrayList<>(memberGrants(resource, members));
        if (syncPolicyGrants) {
            grants.addAll(policyGrants(reader, resource));
        }
        return Page.last(grants);
    }

    /** IAM group membership grants. */
    static List<Grant> memberGrants(Resource group, List<String> userArns) {
        Entitlement member = IamGrants.groupMember(group);
        String groupArn = group.getId().getResource();
        return userArns.stream()
                .map(userArn -> Grants.grant(
                        member,
                        Ids.resourceId(ResourceTypes.IAM_USER_ID, userArn),
                        List.of(IamGrants.v1(Ids.v1MembershipGrantId(groupArn, userArn)))))
                .toList();
    }

    private List<Grant> policyGrants(IamAccountReader reader, Resource group) throws SyncException {
        String arn = group.getId().getResource();
        List<AttachedPolicy> policies;
        try {
            policies = reader.attachedPolicies(PrincipalKind.GROUP, arn);
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsFailures.fatal(e);
            }
            warnings.warn("baton-aws: skipping managed policy grants of IAM group " + arn + ": " + e.errorCode());
            return List.of();
        }
        return policies.stream()
                .map(p -> IamGrants.policyAttachment(p, group.getId()))
                .toList();
    }

    @Override
    public void listingsDone() {
        readers.release();
    }
}
