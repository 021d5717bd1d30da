package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.iam.IamRecords.InlinePolicy;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resource type {@code inline_policy}: inline policies of IAM users, roles and groups, and of permission sets.
 * Always listed under its parent; its one grant (inline policy holding) goes to that parent.
 */
final class InlinePolicySyncer implements ResourceSyncer {
    static final String PERMISSION_SET_POLICY_NAME = "inline";

    private final IamReaders readers;
    private final SyncWarnings warnings;
    private final PermissionSetInlinePolicies permissionSets;

    /** @param permissionSets null when Identity Center is off */
    InlinePolicySyncer(IamReaders readers, SyncWarnings warnings, PermissionSetInlinePolicies permissionSets) {
        this.readers = requireNonNull(readers, "readers is null");
        readers.register();
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.permissionSets = requireNonNull(permissionSets, "permissionSets is null");
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.INLINE_POLICY;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (parent == null) {
            return Page.empty();
        }
        if (parent.getResourceType().equals(ResourceTypes.PERMISSION_SET_ID)) {
            Optional<String> document = permissionSets.inlinePolicy(parent.getResource());
            return document.filter(d -> !d.isEmpty())
                    .map(d -> Page.last(List.of(permissionSetPolicy(parent, d))))
                    .orElseGet(Page::empty);
        }
        PrincipalKind kind = PrincipalKind.of(parent.getResourceType());
        String parentArn = parent.getResource();
        List<InlinePolicy> policies;
        try {
            policies = readers.forEntity(parentArn).inlinePolicies(kind, parentArn);
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsFailures.fatal(e);
            }
            warnings.warn("baton-aws: skipping inline policies of " + parentArn + ": " + e.errorCode());
            return Page.empty();
        }
        return Page.last(
                policies.stream().map(policy -> toResource(parent, policy)).toList());
    }

    /** An inline policy of an IAM user, group or role. */
    static Resource toResource(ResourceId parent, InlinePolicy policy) {
        String parentArn = parent.getResource();
        return resource(
                parent,
                policy.name(),
                policy.document(),
                "Inline policy " + policy.name() + " attached to " + parent.getResourceType() + " IAM " + parentArn);
    }

    /** The one inline policy of a permission set; its document is kept raw, as SSO Admin returns it. */
    static Resource permissionSetPolicy(ResourceId permissionSet, String document) {
        return resource(
                permissionSet,
                PERMISSION_SET_POLICY_NAME,
                document,
                "Inline policy attached to permission set " + permissionSet.getResource());
    }

    private static Resource resource(ResourceId parent, String name, String document, String description) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_policy_name", name);
        profile.put("aws_parent_arn", parent.getResource());
        if (!document.isEmpty()) {
            profile.put("policy_document", document);
        }
        return ResourceBuilder.builder(ResourceTypes.INLINE_POLICY_ID, Ids.inlinePolicyId(parent.getResource(), name))
                .displayName(name)
                .description(description)
                .parent(parent)
                .profile(profile)
                .roleTrait()
                .build();
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) throws SyncException {
        requireParent(resource);
        return Page.last(List.of(IamGrants.inlineAttached(resource)));
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        requireParent(resource);
        ResourceId parent = resource.getParentResourceId();
        return Page.last(
                List.of(Grants.grant(IamGrants.inlineAttached(resource), parent, IamGrants.expansion(parent))));
    }

    private static void requireParent(Resource resource) throws SyncException {
        if (!resource.hasParentResourceId()
                || resource.getParentResourceId().getResource().isEmpty()) {
            throw new SyncException("baton-aws: inline policy missing parent resource");
        }
        String type = resource.getParentResourceId().getResourceType();
        if (!List.of(
                        ResourceTypes.IAM_USER_ID,
                        ResourceTypes.ROLE_ID,
                        ResourceTypes.GROUP_ID,
                        ResourceTypes.PERMISSION_SET_ID)
                .contains(type)) {
            throw new SyncException("baton-aws: unsupported inline policy parent resource type \"" + type + "\"");
        }
    }

    @Override
    public void listingsDone() {
        readers.release();
    }
}
