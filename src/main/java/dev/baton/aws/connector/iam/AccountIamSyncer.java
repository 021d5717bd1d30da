package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.organizations.AccountStates;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;

/**
 * Resource type {@code account_iam}: one container per ACTIVE organization account. Only accounts whose child
 * role can be assumed (and that are not the caller's own, covered by the top-level listing) carry the
 * ChildResourceType annotations that make the engine list their IAM. Accounts come from the sync's one
 * {@link OrganizationAccounts} listing.
 */
final class AccountIamSyncer implements ResourceSyncer {
    private static final Logger log = LoggerFactory.getLogger(AccountIamSyncer.class);
    private static final List<String> CHILD_TYPES = List.of(
            ResourceTypes.IAM_USER_ID, ResourceTypes.ROLE_ID, ResourceTypes.GROUP_ID, ResourceTypes.IAM_POLICY_ID);

    private final AwsClients clients;
    private final OrganizationAccounts accounts;
    private final SyncWarnings warnings;
    private final boolean syncSecrets;

    /** @param syncSecrets also list each child account's access keys */
    AccountIamSyncer(AwsClients clients, OrganizationAccounts accounts, SyncWarnings warnings, boolean syncSecrets) {
        this.clients = requireNonNull(clients, "clients is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.syncSecrets = syncSecrets;
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.ACCOUNT_IAM;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (parent != null) {
            return Page.empty();
        }
        ListAccountsResponse response;
        String callerAccount;
        try {
            response = accounts.page(token.value());
            callerAccount = clients.callerAccountId();
        } catch (AwsCallException e) {
            throw AwsFailures.fatal(e);
        }
        List<Resource> resources = new ArrayList<>();
        for (Account account : response.accounts()) {
            if (!AccountStates.isActive(account)) {
                log.info(
                        "baton-aws: skipping account {} ({}): status {}",
                        account.id(),
                        account.name(),
                        account.statusAsString());
                continue;
            }
            boolean assumable = !account.id().equals(callerAccount) && assumable(account.id());
            resources.add(toResource(account.id(), account.name(), account.arn(), assumable ? children() : List.of()));
        }
        return Page.of(resources, response.nextToken());
    }

    private boolean assumable(String accountId) throws SyncException {
        try {
            clients.iam(accountId);
            return true;
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsFailures.fatal(e);
            }
            warnings.warn("baton-aws: skipping IAM of account " + accountId + ": " + e.getMessage());
            return false;
        }
    }

    private List<String> children() {
        List<String> children = new ArrayList<>(CHILD_TYPES);
        if (syncSecrets) {
            children.add(ResourceTypes.ACCESS_KEY_ID);
        }
        return children;
    }

    static Resource toResource(String accountId, String name, String accountArn, List<String> childTypes) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_account_arn", accountArn);
        profile.put("aws_account_id", accountId);
        ResourceBuilder builder = ResourceBuilder.builder(ResourceTypes.ACCOUNT_IAM_ID, accountId)
                .displayName(name)
                .profile(profile)
                .v1Identifier(accountId);
        childTypes.forEach(builder::childType);
        return builder.appTrait().build();
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.empty();
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) {
        return Page.empty();
    }
}
