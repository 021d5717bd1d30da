package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.iam.IamRecords.ManagedPolicy;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/**
 * Resource type {@code iam_policy}: managed policies. AWS-managed policies are the same objects in every account,
 * so they are listed once, at top level (scope All in the caller's account); child accounts list only their
 * customer-managed policies (scope Local). With {@code --sync-only-attached-policies} an AWS-managed policy may be
 * attached only in a child account, so children then list scope All too and emit each AWS-managed policy that no
 * earlier listing of this sync emitted. Grants are emitted by the principals that hold a policy. The listing is
 * the account reader's: ListPolicies on the per-entity path, GAAD's policy list on the fast path.
 */
final class IamPolicySyncer implements ResourceSyncer {
    private final IamReaders readers;
    private final SyncWarnings warnings;
    private final boolean onlyAttached;
    private final Set<String> emittedAwsManaged = ConcurrentHashMap.newKeySet();

    /** @param onlyAttached {@code --sync-only-attached-policies} */
    IamPolicySyncer(IamReaders readers, SyncWarnings warnings, boolean onlyAttached) {
        this.readers = requireNonNull(readers, "readers is null");
        readers.register();
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.onlyAttached = onlyAttached;
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.IAM_POLICY;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (!IamReaders.listsUnder(parent)) {
            return Page.empty();
        }
        IamAccountReader reader = readers.forListing(parent);
        PolicyScopeType scope = parent == null || onlyAttached ? PolicyScopeType.ALL : PolicyScopeType.LOCAL;
        Page<ManagedPolicy> listed = AwsFailures.require(() -> reader.policies(scope, onlyAttached, token));
        List<Resource> resources = new ArrayList<>();
        for (ManagedPolicy policy : listed.items()) {
            if (parent == null || !policy.awsManaged() || !emittedAwsManaged.contains(policy.arn())) {
                resources.add(toResource(policy, document(reader, policy), parent));
            }
        }
        // Marked once the page is complete, so a child page that failed half-way is listed again in full; the
        // top-level listing always emits its AWS-managed policies, so a resumed top-level page loses none.
        resources.forEach(resource -> emittedAwsManaged.add(resource.getId().getResource()));
        return new Page<>(resources, listed.next());
    }

    private String document(IamAccountReader reader, ManagedPolicy policy) throws SyncException {
        try {
            return reader.policyDocument(policy);
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsFailures.fatal(e);
            }
            warnings.warn("baton-aws: unable to fetch managed policy document, skipping: " + policy.arn() + " ("
                    + e.errorCode() + ")");
            return "";
        }
    }

    /** @param document decoded JSON; the profile key is left out when it is empty */
    static Resource toResource(ManagedPolicy policy, String document, ResourceId parent) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_policy_name", policy.name());
        profile.put("aws_policy_arn", policy.arn());
        if (!document.isEmpty()) {
            profile.put("policy_document", document);
        }
        return ResourceBuilder.builder(ResourceTypes.IAM_POLICY_ID, policy.arn())
                .displayName(policy.name())
                .description(policy.description())
                .parent(policy.awsManaged() ? null : parent)
                .profile(profile)
                .annotation(ResourceTypes.skipGrants())
                .roleTrait()
                .build();
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.last(List.of(IamGrants.policyAttached(resource)));
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
