package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.PrincipalKind;
import dev.baton.aws.connector.iam.IamRecords.Role;
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
import java.util.Optional;

/** Resource type {@code role}: IAM roles; grants come from trust policies (role trust) and attached policies
 * (role policy attachment). */
final class IamRoleSyncer implements ResourceSyncer {
    private final IamReaders readers;
    private final SyncWarnings warnings;
    private final boolean syncPolicyGrants;

    /** @param syncPolicyGrants false when iam_policy is not synced: only trust grants are emitted */
    IamRoleSyncer(IamReaders readers, SyncWarnings warnings, boolean syncPolicyGrants) {
        this.readers = requireNonNull(readers, "readers is null");
        readers.register();
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.syncPolicyGrants = syncPolicyGrants;
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.ROLE;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (!IamReaders.listsUnder(parent)) {
            return Page.empty();
        }
        IamAccountReader reader = readers.forListing(parent);
        Page<Role> roles = AwsFailures.require(() -> reader.roles(token));
        return new Page<>(
                roles.items().stream().map(role -> toResource(role, parent)).toList(), roles.next());
    }

    static Resource toResource(Role role, ResourceId parent) {
        TrustPolicy.Nhi nhi = TrustPolicy.classify(role.path(), role.arn(), role.trustPolicy());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_arn", role.arn());
        profile.put("aws_path", role.path());
        profile.put("aws_tags", role.tags());
        profile.put("aws_role_name", role.name());
        profile.put("aws_role_description", role.description());
        if (role.maxSessionDuration() != null) {
            profile.put("aws_max_session_duration_seconds", role.maxSessionDuration());
        }
        profile.put("aws_nhi_type", nhi.type());
        profile.put("aws_nhi_detail", nhi.detail());
        profile.put("aws_trusted_principals", trustedPrincipals(role.trustPolicy()));
        return ResourceBuilder.builder(ResourceTypes.ROLE_ID, role.arn())
                .displayName(role.name())
                .parent(parent)
                .profile(profile)
                .v1Identifier(role.arn())
                .childType(ResourceTypes.INLINE_POLICY_ID)
                .roleTrait()
                .build();
    }

    private static List<String> trustedPrincipals(String trustPolicy) {
        if (trustPolicy.isEmpty()) {
            return List.of();
        }
        try {
            return TrustPolicy.parse(trustPolicy).otherTrustedPrincipals();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.last(List.of(IamGrants.roleAssignment(resource)));
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        String arn = resource.getId().getResource();
        IamAccountReader reader = readers.forEntity(arn);
        Optional<Role> role;
        try {
            role = reader.role(arn);
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsFailures.fatal(e);
            }
            warnings.warn("baton-aws: skipping grants of IAM role " + arn + ": " + e.errorCode());
            return Page.empty();
        }
        if (role.isEmpty()) {
            warnings.warn("baton-aws: skipping grants of IAM role " + arn + ": NoSuchEntity");
            return Page.empty();
        }
        List<Grant> grants = new ArrayList<>(trustGrants(resource, role.get().trustPolicy()));
        if (syncPolicyGrants) {
            grants.addAll(policyGrants(reader, resource));
        }
        return Page.last(grants);
    }

    /** Role trust: users and roles named in the trust policy; a role principal passes the grant on to its assumers. */
    private List<Grant> trustGrants(Resource role, String trustDocument) {
        if (trustDocument.isEmpty()) {
            return List.of();
        }
        List<String> principals;
        try {
            principals = TrustPolicy.parse(trustDocument).assumingPrincipals();
        } catch (IllegalArgumentException e) {
            warnings.warn("baton-aws: failed to parse trust policy of IAM role "
                    + role.getId().getResource());
            return List.of();
        }
        return trustGrants(role, principals);
    }

    static List<Grant> trustGrants(Resource role, List<String> principalArns) {
        Entitlement assignment = IamGrants.roleAssignment(role);
        List<Grant> grants = new ArrayList<>();
        for (String principalArn : principalArns.stream().distinct().toList()) {
            boolean isUser = Arn.parse(principalArn).resource().startsWith("user/");
            ResourceId principal =
                    Ids.resourceId(isUser ? ResourceTypes.IAM_USER_ID : ResourceTypes.ROLE_ID, principalArn);
            grants.add(Grants.grant(
                    assignment,
                    principal,
                    isUser
                            ? List.of()
                            : List.of(Grants.expandable(Ids.entitlementId(principal, IamGrants.ASSIGNMENT), false))));
        }
        return grants;
    }

    private List<Grant> policyGrants(IamAccountReader reader, Resource role) throws SyncException {
        String arn = role.getId().getResource();
        List<AttachedPolicy> policies;
        try {
            policies = reader.attachedPolicies(PrincipalKind.ROLE, arn);
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsFailures.fatal(e);
            }
            warnings.warn("baton-aws: skipping managed policy grants of IAM role " + arn + ": " + e.errorCode());
            return List.of();
        }
        return policies.stream()
                .map(p -> IamGrants.policyAttachment(p, role.getId()))
                .toList();
    }

    @Override
    public void listingsDone() {
        readers.release();
    }
}
