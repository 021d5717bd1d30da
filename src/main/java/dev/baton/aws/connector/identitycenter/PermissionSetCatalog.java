package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.ListCustomerManagedPolicyReferencesInPermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListManagedPoliciesInPermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsProvisionedToAccountResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsResponse;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;

/**
 * Per-sync caches of Identity Center objects that several syncers read: the instance's permission-set ARNs, each
 * permission set's description, the sets provisioned to each account, and each set's managed and customer-managed
 * policies. Upstream keeps the same five in its session store; here they live in {@link SyncCache}s owned by the
 * run's syncers, so no object is fetched twice within a sync and nothing leaks into the next one. Each list is
 * drained (all pages) on first use: the syncers page over the cached list with their own tokens.
 */
final class PermissionSetCatalog {
    private final SsoAdminClient ssoAdmin;
    private final IdentityCenterInstanceProvider instance;
    private final SyncWarnings warnings;
    private final SyncCache<String, List<String>> allArns = new SyncCache<>(this::fetchAllArns);
    private final SyncCache<String, PermissionSet> descriptions = new SyncCache<>(this::fetchDescription);
    private final SyncCache<String, List<String>> provisioned = new SyncCache<>(this::fetchProvisioned);
    private final SyncCache<String, List<AttachedManagedPolicy>> managed = new SyncCache<>(this::fetchManaged);
    private final SyncCache<String, List<CustomerManagedPolicyReference>> customerManaged =
            new SyncCache<>(this::fetchCustomerManaged);

    PermissionSetCatalog(SsoAdminClient ssoAdmin, IdentityCenterInstanceProvider instance, SyncWarnings warnings) {
        this.ssoAdmin = requireNonNull(ssoAdmin, "ssoAdmin is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    IdentityCenterInstance instance() throws SyncException {
        return instance.get();
    }

    IdentityCenterInstanceProvider instanceProvider() {
        return instance;
    }

    /** Every permission set of the instance, in AWS order. */
    List<String> allArns() throws SyncException {
        return allArns.get(instance().instanceArn());
    }

    PermissionSet describe(String permissionSetArn) throws SyncException {
        return descriptions.get(permissionSetArn);
    }

    /** The permission sets provisioned to {@code accountId}, in AWS order. */
    List<String> provisionedTo(String accountId) throws SyncException {
        return provisioned.get(accountId);
    }

    /** AWS- and customer-managed policies attached by ARN; empty (with a warning) when the set is gone or hidden. */
    List<AttachedManagedPolicy> managedPolicies(String permissionSetArn) throws SyncException {
        return managed.get(permissionSetArn);
    }

    /** Customer-managed policy references (name and path, resolved per account); empty when gone or hidden. */
    List<CustomerManagedPolicyReference> customerManagedPolicies(String permissionSetArn) throws SyncException {
        return customerManaged.get(permissionSetArn);
    }

    private List<String> fetchAllArns(String instanceArn) throws SyncException {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListPermissionSetsResponse page = AwsCall.require("sso", "ListPermissionSets", "", instanceArn,
                    () -> ssoAdmin.listPermissionSets(b -> b.instanceArn(instanceArn).nextToken(next)));
            arns.addAll(page.permissionSets());
            token = page.nextToken();
        } while (hasMore(token));
        return List.copyOf(arns);
    }

    private PermissionSet fetchDescription(String permissionSetArn) throws SyncException {
        String instanceArn = instance().instanceArn();
        return AwsCall.require("sso", "DescribePermissionSet", "", permissionSetArn,
                () -> ssoAdmin.describePermissionSet(b -> b.instanceArn(instanceArn)
                        .permissionSetArn(permissionSetArn))).permissionSet();
    }

    private List<String> fetchProvisioned(String accountId) throws SyncException {
        String instanceArn = instance().instanceArn();
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListPermissionSetsProvisionedToAccountResponse page = AwsCall.require("sso",
                    "ListPermissionSetsProvisionedToAccount", accountId, accountId,
                    () -> ssoAdmin.listPermissionSetsProvisionedToAccount(b -> b.instanceArn(instanceArn)
                            .accountId(accountId).nextToken(next)));
            arns.addAll(page.permissionSets());
            token = page.nextToken();
        } while (hasMore(token));
        return List.copyOf(arns);
    }

    private List<AttachedManagedPolicy> fetchManaged(String permissionSetArn) throws SyncException {
        String instanceArn = instance().instanceArn();
        List<AttachedManagedPolicy> policies = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListManagedPoliciesInPermissionSetResponse page = AwsCall.send("sso",
                        "ListManagedPoliciesInPermissionSet", "", permissionSetArn,
                        () -> ssoAdmin.listManagedPoliciesInPermissionSet(b -> b.instanceArn(instanceArn)
                                .permissionSetArn(permissionSetArn).nextToken(next)));
                policies.addAll(page.attachedManagedPolicies());
                token = page.nextToken();
            } while (hasMore(token));
        } catch (AwsCallException e) {
            return skipOrFail(e);
        }
        return List.copyOf(policies);
    }

    private List<CustomerManagedPolicyReference> fetchCustomerManaged(String permissionSetArn)
            throws SyncException {
        String instanceArn = instance().instanceArn();
        List<CustomerManagedPolicyReference> references = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListCustomerManagedPolicyReferencesInPermissionSetResponse page = AwsCall.send("sso",
                        "ListCustomerManagedPolicyReferencesInPermissionSet", "", permissionSetArn,
                        () -> ssoAdmin.listCustomerManagedPolicyReferencesInPermissionSet(b -> b
                                .instanceArn(instanceArn).permissionSetArn(permissionSetArn).nextToken(next)));
                references.addAll(page.customerManagedPolicyReferences());
                token = page.nextToken();
            } while (hasMore(token));
        } catch (AwsCallException e) {
            return skipOrFail(e);
        }
        return List.copyOf(references);
    }

    private <T> List<T> skipOrFail(AwsCallException e) throws SyncException {
        if (!AwsCall.skippable(e.kind())) {
            throw AwsCall.failure(e);
        }
        warnings.warn(e.getMessage() + "; skipping the policies of this permission set");
        return List.of();
    }

    static boolean hasMore(String token) {
        return token != null && !token.isEmpty();
    }
}
