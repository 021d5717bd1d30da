package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.organizations.AccountStates;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.connector.organizations.OrganizationHierarchy;
import dev.baton.aws.model.Entitlements;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;

/**
 * Resource type {@code account}: the organization's ACTIVE accounts as Identity Center targets, in upstream's flat
 * model: one entitlement per permission set of the instance (any set can be requested on any account), and one
 * grant per assignment of a provisioned set. Accounts are parented under their root or OU via the shared
 * {@link OrganizationHierarchy}, and listed from the sync's one {@link OrganizationAccounts} listing. An account
 * is read as {@link AccountStates} says; without a name it shows its id (the listing already skipped accounts
 * that name neither their id nor their ARN).
 */
final class AccountSyncer implements ResourceSyncer {
    private static final Logger LOG = LoggerFactory.getLogger(AccountSyncer.class);

    private final OrganizationAccounts accounts;
    private final OrganizationHierarchy hierarchy;
    private final PermissionSetCatalog catalog;
    private final AssignmentReader assignments;

    AccountSyncer(
            OrganizationAccounts accounts,
            OrganizationHierarchy hierarchy,
            PermissionSetCatalog catalog,
            AssignmentReader assignments) {
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.hierarchy = requireNonNull(hierarchy, "hierarchy is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.assignments = requireNonNull(assignments, "assignments is null");
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.ACCOUNT;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        ListAccountsResponse response;
        try {
            response = accounts.page(token.value());
        } catch (AwsCallException e) {
            throw AwsCall.failure(e);
        }
        List<Resource> resources = new ArrayList<>();
        for (Account account : response.accounts()) {
            String accountId = AccountStates.id(account); // never empty: the listing skips accounts without one
            if (!AccountStates.isActive(account)) {
                LOG.info(
                        "skipping account {} ({}): status {}",
                        accountId,
                        account.name(),
                        AccountStates.stateText(account));
                continue;
            }
            resources.add(toResource(account, hierarchy.parentOf(accountId).orElse(null)));
        }
        return Page.of(resources, AwsPaging.nextToken(response.nextToken(), token.isFirst() ? null : token.value()));
    }

    /** @param parent the account's root or OU, or null for a flat account */
    static Resource toResource(Account account, ResourceId parent) {
        String accountId = AccountStates.id(account);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_account_arn", AwsValues.text(account.arn()));
        profile.put("aws_account_id", accountId);
        return ResourceBuilder.builder(ResourceTypes.ACCOUNT_ID, accountId)
                .displayName(AwsValues.firstText(account.name(), accountId))
                .parent(parent)
                .profile(profile)
                .v1Identifier(accountId)
                .childType(ResourceTypes.PERMISSION_SET_ASSIGNMENT_ID)
                .appTrait()
                .build();
    }

    /**
     * One entitlement per permission set, {@value PermissionSetCatalog#PAGE_SIZE} per page, token
     * {@code {"psi":<next index>}}.
     */
    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) throws SyncException {
        List<String> all = catalog.allArns();
        int start = SsoPageToken.decode(token).permissionSetIndex();
        int end = Math.min(start + PermissionSetCatalog.PAGE_SIZE, all.size());
        List<Entitlement> entitlements = new ArrayList<>();
        for (String permissionSetArn : all.subList(Math.min(start, end), end)) {
            entitlements.add(entitlement(resource, catalog.describe(permissionSetArn)));
        }
        return new Page<>(entitlements, end < all.size() ? SsoPageToken.index(end) : PageToken.first());
    }

    /**
     * The permission set's entitlement on the account: id {@code <accountId>|<permissionSetArn>}, slug
     * {@code <name> access}, grantable to SSO users then groups. ConductorOne parses the id back on grant, so it is
     * not the SDK format.
     */
    static Entitlement entitlement(Resource account, PermissionSet permissionSet) {
        String id = Ids.accountEntitlementId(account.getId().getResource(), permissionSet.permissionSetArn());
        return Entitlements.custom(
                account,
                id,
                permissionSet.name() + " access",
                permissionSet.name() + " Permission Set",
                AwsValues.text(permissionSet.description()),
                List.of(ResourceTypes.SSO_USER, ResourceTypes.SSO_GROUP),
                List.of(V1Identifier.newBuilder().setId(id).build()));
    }

    /** The copy of the entitlement that assignment grants embed: upstream omits the slug and lists groups first. */
    static Entitlement grantEntitlement(Resource account, PermissionSet permissionSet) {
        return entitlement(account, permissionSet).toBuilder()
                .clearSlug()
                .clearGrantableTo()
                .addGrantableTo(ResourceTypes.SSO_GROUP)
                .addGrantableTo(ResourceTypes.SSO_USER)
                .build();
    }

    /**
     * Assignment grants, one permission set and one assignment page per call over the sets provisioned to the
     * account; token {@code {"psi":i,"apt":"<aws token>"}} while a set has more pages, then {@code {"psi":i+1}}.
     */
    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        String accountId = resource.getId().getResource();
        List<String> provisioned = catalog.provisionedTo(accountId);
        SsoPageToken position = SsoPageToken.decode(token);
        if (position.permissionSetIndex() >= provisioned.size()) {
            return Page.empty();
        }
        PermissionSet permissionSet = catalog.describe(provisioned.get(position.permissionSetIndex()));
        AssignmentReader.AssignmentPage page =
                assignments.read(accountId, permissionSet.permissionSetArn(), position.assignmentToken());
        List<Grant> grants = AssignmentGrants.grants(
                grantEntitlement(resource, permissionSet), page.assignments(), catalog.instance());
        PageToken next;
        if (!page.nextToken().isEmpty()) {
            next = SsoPageToken.index(position.permissionSetIndex(), page.nextToken());
        } else if (position.permissionSetIndex() + 1 < provisioned.size()) {
            next = SsoPageToken.index(position.permissionSetIndex() + 1);
        } else {
            next = PageToken.first();
        }
        return new Page<>(grants, next);
    }
}
