package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.OutputConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.connector.organizations.OrganizationHierarchy;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncMemo;
import dev.baton.aws.spi.SyncWarnings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the Identity Center syncers of one run ({@code sso_user}, {@code sso_group}, {@code account},
 * {@code permission_set}, {@code permission_set_assignment}) and the permission-set inline-policy source. They
 * share one instance lookup and one {@link PermissionSetCatalog}, so their caches live exactly as long as the run.
 * Building makes no AWS call; {@link #instance()} lets the caller fail fast before the sync starts.
 */
public final class IdentityCenterSyncers {
    /**
     * What a run's Identity Center syncers are built from; {@link #create} fills the run-independent parts.
     *
     * @param readers how many principals are read at once when assignments are read per principal (the sync's
     *                {@code --workers})
     */
    record Settings(
            AwsClients clients,
            OrganizationConfig organization,
            SyncScope scope,
            SyncWarnings warnings,
            OrganizationHierarchy hierarchy,
            OrganizationAccounts accounts,
            Clock clock,
            AssignmentStrategy strategy,
            HttpClient http,
            int readers,
            SyncMemo memo) {
        Settings {
            requireNonNull(memo, "memo is null");
            requireNonNull(clients, "clients is null");
            requireNonNull(organization, "organization is null");
            requireNonNull(scope, "scope is null");
            requireNonNull(warnings, "warnings is null");
            requireNonNull(hierarchy, "hierarchy is null");
            requireNonNull(accounts, "accounts is null");
            requireNonNull(clock, "clock is null");
            requireNonNull(strategy, "strategy is null");
            requireNonNull(http, "http is null");
        }

        /** With as many readers as a sync has workers by default. */
        Settings(
                AwsClients clients,
                OrganizationConfig organization,
                SyncScope scope,
                SyncWarnings warnings,
                OrganizationHierarchy hierarchy,
                OrganizationAccounts accounts,
                Clock clock,
                AssignmentStrategy strategy,
                HttpClient http) {
            this(
                    clients,
                    organization,
                    scope,
                    warnings,
                    hierarchy,
                    accounts,
                    clock,
                    strategy,
                    http,
                    OutputConfig.DEFAULT_WORKERS,
                    SyncMemo.NONE);
        }
    }

    private final IdentityCenterInstanceProvider instance;
    private final PermissionSetInlinePolicies inlinePolicies;
    private final ResourceSyncer ssoUser;
    private final ResourceSyncer ssoGroup;
    private final ResourceSyncer account;
    private final ResourceSyncer permissionSet;
    private final ResourceSyncer permissionSetAssignment;

    private IdentityCenterSyncers(Settings settings) {
        AwsClients clients = settings.clients();
        SyncWarnings warnings = new DistinctWarnings(settings.warnings());
        instance = new IdentityCenterInstanceProvider(
                clients, settings.organization().ssoRegion(), warnings);
        AssignmentMemo memo = new AssignmentMemo(settings.memo());
        PermissionSetCatalog catalog = new PermissionSetCatalog(clients, instance, warnings, settings.memo());
        AssignmentReader assignments = new AutoAssignments(
                settings.strategy(),
                new AutoAssignments.Sources(clients, settings.accounts(), catalog, warnings, settings.readers(), memo));
        inlinePolicies = new SsoPermissionSetInlinePolicies(clients, instance, warnings);
        ssoUser = new SsoUserSyncer(clients, instance, scim(settings), lastLogins(settings, warnings), warnings);
        ssoGroup = new SsoGroupSyncer(clients, instance, warnings);
        account = new AccountSyncer(settings.accounts(), settings.hierarchy(), catalog, assignments);
        permissionSet = new PermissionSetSyncer(catalog, settings.scope().includes(ResourceTypes.IAM_POLICY_ID));
        permissionSetAssignment = new PermissionSetAssignmentSyncer(catalog, assignments);
    }

    /**
     * The syncers of a run with Identity Center enabled ({@link OrganizationConfig#identityCenter()}).
     *
     * @param hierarchy the one the {@code organization} syncers use (see {@code OrganizationSyncers#hierarchy()}),
     *                  so accounts are parented only under roots and OUs that are emitted
     */
    public static IdentityCenterSyncers create(SyncContext context, OrganizationHierarchy hierarchy) {
        return new IdentityCenterSyncers(new Settings(
                context.clients(),
                context.organization(),
                context.scope(),
                context.warnings(),
                hierarchy,
                context.accounts(),
                Clock.systemUTC(),
                context.scope().fastPath() ? AssignmentStrategy.AUTO : AssignmentStrategy.UPSTREAM,
                HttpClient.newHttpClient(),
                context.workers(),
                context.memo()));
    }

    static IdentityCenterSyncers create(Settings settings) {
        return new IdentityCenterSyncers(settings);
    }

    private static ScimUserStatuses scim(Settings settings) {
        return settings.scope().scim().enabled()
                ? new ScimUserDirectory(settings.http(), settings.scope().scim())
                : ScimUserStatuses.none();
    }

    private SsoLastLogins lastLogins(Settings settings, SyncWarnings warnings) {
        return settings.scope().ssoUserLastLogin()
                ? new CloudTrailLastLogins(
                        settings.clients(),
                        instance,
                        settings.clock(),
                        Duration.ofDays(settings.scope().lastLoginWindowDays()),
                        warnings)
                : SsoLastLogins.none();
    }

    /** The Identity Center instance ({@code sso:ListInstances}, once per run); fails clearly when there is none. */
    public IdentityCenterInstance instance() throws SyncException {
        return instance.get();
    }

    /** For the {@code inline_policy} syncer: the inline policies of permission sets. */
    public PermissionSetInlinePolicies inlinePolicies() {
        return inlinePolicies;
    }

    public ResourceSyncer ssoUser() {
        return ssoUser;
    }

    public ResourceSyncer ssoGroup() {
        return ssoGroup;
    }

    public ResourceSyncer account() {
        return account;
    }

    public ResourceSyncer permissionSet() {
        return permissionSet;
    }

    public ResourceSyncer permissionSetAssignment() {
        return permissionSetAssignment;
    }

    /** All five, in upstream registration order. */
    public List<ResourceSyncer> all() {
        return List.of(ssoUser, ssoGroup, account, permissionSet, permissionSetAssignment);
    }
}
