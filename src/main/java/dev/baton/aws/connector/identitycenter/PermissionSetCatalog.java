package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncMemo;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
 *
 * <p>AWS's model marks no member of these answers required, so each is read tolerantly here, once: a description
 * without ARN or name takes the ARN it was asked for and the permission set id at its end; a managed policy
 * without a name takes the last segment of its ARN; a managed policy without an ARN and a customer-managed
 * reference without a name cannot become a grant and are skipped with one warning each.
 */
final class PermissionSetCatalog {
    /** Permission sets per page of the syncers that page through the catalogue, as upstream (tokens hold an index). */
    static final int PAGE_SIZE = 25;

    private final AwsClients clients;
    private final IdentityCenterInstanceProvider instance;
    private final SyncWarnings warnings;
    private final AssignmentMemo memo;
    private final CatalogMemo answers;
    private final SyncCache<String, List<String>> allArns = new SyncCache<>(this::fetchAllArns);
    private final SyncCache<String, PermissionSet> descriptions = new SyncCache<>(this::fetchDescription);
    private final SyncCache<String, List<String>> provisioned = new SyncCache<>(this::fetchProvisioned);
    private final SyncCache<String, List<AttachedManagedPolicy>> managed = new SyncCache<>(this::fetchManaged);
    private final SyncCache<String, List<CustomerManagedPolicyReference>> customerManaged =
            new SyncCache<>(this::fetchCustomerManaged);

    PermissionSetCatalog(AwsClients clients, IdentityCenterInstanceProvider instance, SyncWarnings warnings) {
        this(clients, instance, warnings, SyncMemo.NONE);
    }

    /** @param memo keeps the catalog's answers for a run that continues an interrupted sync */
    PermissionSetCatalog(
            AwsClients clients, IdentityCenterInstanceProvider instance, SyncWarnings warnings, SyncMemo memo) {
        this.memo = new AssignmentMemo(memo);
        this.answers = new CatalogMemo(memo);
        this.clients = requireNonNull(clients, "clients is null");
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
        return arns(listAll(
                SsoOperations.LIST_PERMISSION_SETS.on(instanceArn),
                token -> clients.ssoAdmin()
                        .listPermissionSets(b -> b.instanceArn(instanceArn).nextToken(token)),
                ListPermissionSetsResponse::permissionSets,
                ListPermissionSetsResponse::nextToken));
    }

    private PermissionSet fetchDescription(String permissionSetArn) throws SyncException {
        return Remembered.recallOrRead(
                answers.description(permissionSetArn),
                () -> describeNow(permissionSetArn),
                answer -> answers.description(permissionSetArn, answer));
    }

    private PermissionSet describeNow(String permissionSetArn) throws SyncException {
        String instanceArn = instance().instanceArn();
        PermissionSet described = AwsCall.require(
                        clients.gateway(),
                        SsoOperations.DESCRIBE_PERMISSION_SET.on(permissionSetArn),
                        () -> clients.ssoAdmin()
                                .describePermissionSet(
                                        b -> b.instanceArn(instanceArn).permissionSetArn(permissionSetArn)))
                .permissionSet();
        return described(permissionSetArn, described);
    }

    /**
     * {@code described} with the ARN it was asked for and a name: the permission set id (the ARN's last segment,
     * {@code ps-…}) when AWS gave none. Ids stay those of a full answer: they come from the asked ARN.
     */
    static PermissionSet described(String permissionSetArn, PermissionSet described) {
        PermissionSet.Builder complete = described == null ? PermissionSet.builder() : described.toBuilder();
        String name = described == null ? "" : AwsValues.text(described.name());
        return complete.permissionSetArn(permissionSetArn)
                .name(name.isEmpty() ? arnName(permissionSetArn) : name)
                .build();
    }

    private List<String> fetchProvisioned(String accountId) throws SyncException {
        return Remembered.recallOrRead(
                memo.provisioned(accountId),
                () -> listProvisioned(accountId),
                answer -> memo.provisioned(accountId, answer));
    }

    private List<String> listProvisioned(String accountId) throws SyncException {
        String instanceArn = instance().instanceArn();
        return arns(listAll(
                SsoOperations.LIST_PERMISSION_SETS_PROVISIONED_TO_ACCOUNT
                        .in(accountId)
                        .on(accountId),
                token -> clients.ssoAdmin()
                        .listPermissionSetsProvisionedToAccount(b ->
                                b.instanceArn(instanceArn).accountId(accountId).nextToken(token)),
                ListPermissionSetsProvisionedToAccountResponse::permissionSets,
                ListPermissionSetsProvisionedToAccountResponse::nextToken));
    }

    private List<AttachedManagedPolicy> fetchManaged(String permissionSetArn) throws SyncException {
        return Remembered.recallOrRead(
                answers.managed(permissionSetArn),
                () -> listManaged(permissionSetArn),
                answer -> answers.managed(permissionSetArn, answer));
    }

    private List<AttachedManagedPolicy> listManaged(String permissionSetArn) throws SyncException {
        String instanceArn = instance().instanceArn();
        List<AttachedManagedPolicy> listed;
        try {
            listed = AwsCall.all(
                    clients.gateway(),
                    SsoOperations.LIST_MANAGED_POLICIES_IN_PERMISSION_SET.on(permissionSetArn),
                    token -> clients.ssoAdmin()
                            .listManagedPoliciesInPermissionSet(b -> b.instanceArn(instanceArn)
                                    .permissionSetArn(permissionSetArn)
                                    .nextToken(token)),
                    ListManagedPoliciesInPermissionSetResponse::attachedManagedPolicies,
                    ListManagedPoliciesInPermissionSetResponse::nextToken);
        } catch (AwsCallException e) {
            return skipOrFail(e);
        }
        List<AttachedManagedPolicy> policies = new ArrayList<>();
        for (AttachedManagedPolicy policy : listed) {
            String arn = AwsValues.text(policy.arn());
            if (arn.isEmpty()) {
                warnings.warn("sso:ListManagedPoliciesInPermissionSet on " + permissionSetArn + ": managed policy "
                        + AwsValues.firstText(policy.name(), "(unnamed)") + " has no Arn; skipping it");
            } else {
                policies.add(policy.toBuilder()
                        .name(AwsValues.firstText(policy.name(), arnName(arn)))
                        .build());
            }
        }
        return List.copyOf(policies);
    }

    private List<CustomerManagedPolicyReference> fetchCustomerManaged(String permissionSetArn) throws SyncException {
        return Remembered.recallOrRead(
                answers.customerManaged(permissionSetArn),
                () -> listCustomerManaged(permissionSetArn),
                answer -> answers.customerManaged(permissionSetArn, answer));
    }

    private List<CustomerManagedPolicyReference> listCustomerManaged(String permissionSetArn) throws SyncException {
        String instanceArn = instance().instanceArn();
        List<CustomerManagedPolicyReference> listed;
        try {
            listed = AwsCall.all(
                    clients.gateway(),
                    SsoOperations.LIST_CUSTOMER_MANAGED_POLICY_REFERENCES_IN_PERMISSION_SET.on(permissionSetArn),
                    token -> clients.ssoAdmin()
                            .listCustomerManagedPolicyReferencesInPermissionSet(b -> b.instanceArn(instanceArn)
                                    .permissionSetArn(permissionSetArn)
                                    .nextToken(token)),
                    ListCustomerManagedPolicyReferencesInPermissionSetResponse::customerManagedPolicyReferences,
                    ListCustomerManagedPolicyReferencesInPermissionSetResponse::nextToken);
        } catch (AwsCallException e) {
            return skipOrFail(e);
        }
        List<CustomerManagedPolicyReference> references = new ArrayList<>();
        for (CustomerManagedPolicyReference reference : listed) {
            if (AwsValues.text(reference.name()).isEmpty()) {
                warnings.warn("sso:ListCustomerManagedPolicyReferencesInPermissionSet on " + permissionSetArn
                        + ": a customer managed policy reference (path " + AwsValues.firstText(reference.path(), "/")
                        + ") has no Name; skipping it");
            } else {
                references.add(reference);
            }
        }
        return List.copyOf(references);
    }

    private <T> List<T> skipOrFail(AwsCallException e) throws SyncException {
        if (!e.kind().skippable()) {
            throw AwsCall.failure(e);
        }
        warnings.warn(e.getMessage() + "; skipping the policies of this permission set");
        return List.of();
    }

    private <R> List<String> listAll(
            AwsOperation operation,
            Function<String, R> request,
            Function<R, List<String>> items,
            Function<R, String> nextToken)
            throws SyncException {
        try {
            return AwsCall.all(clients.gateway(), operation, request, items, nextToken);
        } catch (AwsCallException e) {
            throw AwsCall.failure(e);
        }
    }

    /** The listed ARNs without absent entries. */
    private static List<String> arns(List<String> listed) {
        return listed.stream().filter(arn -> arn != null && !arn.isEmpty()).toList();
    }

    /**
     * The name AWS gives an object at the end of its ARN: {@code ps-…} for a permission set, the policy name for
     * a managed policy, the account id for an organization account. A text that is not an ARN is its own name.
     */
    static String arnName(String arn) {
        return Arn.isArn(arn) ? Arn.parse(arn).name() : arn;
    }
}
