package dev.baton.aws.connector;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.OutputConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.iam.IamProvisioners;
import dev.baton.aws.connector.iam.IamSyncers;
import dev.baton.aws.connector.identitycenter.AssignmentPolling;
import dev.baton.aws.connector.identitycenter.IdentityCenterProvisioners;
import dev.baton.aws.connector.identitycenter.IdentityCenterSyncers;
import dev.baton.aws.connector.organizations.OrganizationSyncers;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.Connector;
import dev.baton.aws.spi.ResourceProvisioner;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncMemo;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of one run: which syncers and write capabilities exist, read top to bottom like upstream's
 * {@code ResourceSyncers}. Nothing here calls AWS; the syncers do, when the engine asks them.
 */
public final class AwsConnector implements Connector {
    private final List<ResourceSyncer> syncers;
    private final List<ResourceProvisioner> provisioners;

    private AwsConnector(List<ResourceSyncer> syncers, List<ResourceProvisioner> provisioners) {
        this.syncers = List.copyOf(syncers);
        this.provisioners = List.copyOf(provisioners);
        requireUniqueTypes(
                this.syncers.stream().map(s -> s.resourceType().getId()).toList(), "syncer");
        requireUniqueTypes(
                this.provisioners.stream()
                        .map(ResourceProvisioner::resourceTypeId)
                        .toList(),
                "provisioner");
    }

    /**
     * A connector whose syncers read with {@link OutputConfig#DEFAULT_WORKERS} calls in flight where they read in
     * parallel on their own.
     *
     * @param accountCreationType {@code --create-account-resource-type}: which user type account creation targets
     */
    public static AwsConnector create(
            AwsClients clients,
            OrganizationConfig organization,
            SyncScope scope,
            SyncWarnings warnings,
            String accountCreationType) {
        return create(clients, organization, scope, warnings, accountCreationType, OutputConfig.DEFAULT_WORKERS);
    }

    /**
     * @param accountCreationType {@code --create-account-resource-type}: which user type account creation targets
     * @param workers             the sync's {@code --workers} (see {@link SyncContext#workers()})
     */
    public static AwsConnector create(
            AwsClients clients,
            OrganizationConfig organization,
            SyncScope scope,
            SyncWarnings warnings,
            String accountCreationType,
            int workers) {
        return create(clients, organization, scope, warnings, accountCreationType, workers, SyncMemo.NONE);
    }

    /** @param memo where syncers keep answers for a run that continues an interrupted sync ({@link SyncMemo}) */
    public static AwsConnector create(
            AwsClients clients,
            OrganizationConfig organization,
            SyncScope scope,
            SyncWarnings warnings,
            String accountCreationType,
            int workers,
            SyncMemo memo) {
        requireNonNull(clients, "clients is null");
        SyncContext context = SyncContext.of(clients, organization, scope, warnings, workers, memo);
        // Organizations and Identity Center are registered together, as upstream does (both flags on)
        Optional<OrganizationSyncers> organizations =
                organization.identityCenter() ? Optional.of(OrganizationSyncers.create(context)) : Optional.empty();
        Optional<IdentityCenterSyncers> identityCenter =
                organizations.map(orgs -> IdentityCenterSyncers.create(context, orgs.hierarchy()));
        IamSyncers iam = IamSyncers.create(
                context,
                identityCenter.map(IdentityCenterSyncers::inlinePolicies).orElse(PermissionSetInlinePolicies.none()));

        // every resource type, top to bottom in upstream's registration order
        List<ResourceSyncer> syncers = new ArrayList<>();
        syncers.add(iam.user());
        syncers.add(iam.role());
        syncers.add(iam.group());
        syncers.add(iam.policy());
        syncers.add(iam.inlinePolicy());
        iam.accountIam().ifPresent(syncers::add);
        iam.accessKey().ifPresent(syncers::add);
        identityCenter.ifPresent(sso -> {
            syncers.add(sso.ssoUser());
            syncers.add(sso.ssoGroup());
            syncers.add(sso.account());
            syncers.add(sso.permissionSet());
            syncers.add(sso.permissionSetAssignment());
        });
        organizations.ifPresent(orgs -> {
            syncers.add(orgs.organization());
            syncers.add(orgs.organizationalUnit());
        });
        return new AwsConnector(syncers, provisioners(clients, organization, accountCreationType));
    }

    /**
     * The write capabilities alone: IAM always, Identity Center when it is on. Building them makes no AWS call and
     * creates no client (clients are asked for when a write runs).
     */
    public static List<ResourceProvisioner> provisioners(
            AwsClients clients, OrganizationConfig organization, String accountCreationType) {
        List<ResourceProvisioner> provisioners = new ArrayList<>(IamProvisioners.create(clients, accountCreationType));
        if (organization.identityCenter()) {
            provisioners.addAll(IdentityCenterProvisioners.create(
                    clients,
                    new IdentityCenterProvisioners.Settings(
                            organization.ssoRegion(), accountCreationType, null, AssignmentPolling.defaults())));
        }
        return provisioners;
    }

    @Override
    public List<ResourceSyncer> syncers() {
        return syncers;
    }

    @Override
    public List<ResourceType> allResourceTypes() {
        return ResourceTypes.ALL;
    }

    @Override
    public List<ResourceProvisioner> provisioners() {
        return provisioners;
    }

    private static void requireUniqueTypes(List<String> typeIds, String what) {
        Set<String> seen = new HashSet<>();
        for (String typeId : typeIds) {
            if (!seen.add(typeId)) {
                throw new IllegalStateException("two " + what + "s registered for resource type " + typeId);
            }
        }
    }
}
