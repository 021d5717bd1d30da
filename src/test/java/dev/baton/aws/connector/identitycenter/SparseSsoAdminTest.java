package dev.baton.aws.connector.identitycenter;

import static dev.baton.aws.connector.identitycenter.SparseAnswers.ACCOUNT;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.INSTANCE;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.PS;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.REGION;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.FakeAwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.DescribePermissionSetRequest;
import software.amazon.awssdk.services.ssoadmin.model.DescribePermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.GetInlinePolicyForPermissionSetRequest;
import software.amazon.awssdk.services.ssoadmin.model.GetInlinePolicyForPermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListCustomerManagedPolicyReferencesInPermissionSetRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListCustomerManagedPolicyReferencesInPermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListManagedPoliciesInPermissionSetRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListManagedPoliciesInPermissionSetResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsProvisionedToAccountRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsProvisionedToAccountResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsResponse;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;

/**
 * Every SSO Admin read of the sync, answered with only the members AWS's model marks required (none, for SSO
 * Admin) and with records that carry only what identifies them: the sync survives, ids stay those of a full answer,
 * and a record that cannot be used is reported once.
 */
class SparseSsoAdminTest {
    private static final AssignmentMemo NO_MEMO = new AssignmentMemo(dev.baton.aws.spi.SyncMemo.NONE);

    private static final String PS_2 = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-bbbbbbbbbbbbbbbb";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    private final SparseAnswers run = new SparseAnswers();
    private final FakeAwsClients clients = new FakeAwsClients();

    private void instances(InstanceMetadata... instances) {
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListInstancesResponse listInstances(ListInstancesRequest request) {
                return ListInstancesResponse.builder().instances(instances).build();
            }
        });
    }

    @Test
    void listInstancesAnsweredWithNothingMeansNoInstance() {
        instances();
        SyncException e =
                assertThrows(SyncException.class, () -> run.instance(clients).get());
        assertTrue(
                e.getMessage().startsWith("no IAM Identity Center instance found in region " + REGION), e.getMessage());
    }

    @Test
    void listInstancesSkipsInstancesWithoutArnOrIdentityStoreAndSaysSo() {
        instances(
                InstanceMetadata.builder().build(),
                InstanceMetadata.builder().instanceArn(INSTANCE).build());

        SyncException e =
                assertThrows(SyncException.class, () -> run.instance(clients).get());

        assertEquals(
                "no usable IAM Identity Center instance in region " + REGION + ": sso:ListInstances returned 2,"
                        + " none with both an InstanceArn and an IdentityStoreId",
                e.getMessage());
        assertEquals(
                List.of(
                        "sso:ListInstances: an Identity Center instance (identity store unknown) has no "
                                + "InstanceArn; skipping it",
                        "sso:ListInstances: Identity Center instance " + INSTANCE
                                + " has no IdentityStoreId, so its users " + "and groups cannot be read; skipping it"),
                run.warnings);
    }

    @Test
    void listInstancesUsesTheFirstUsableInstanceForSyncAndProvisioning() throws Exception {
        instances(
                InstanceMetadata.builder()
                        .instanceArn("arn:aws:sso:::instance/ssoins-sparse")
                        .build(),
                InstanceMetadata.builder()
                        .instanceArn(INSTANCE)
                        .identityStoreId(STORE)
                        .build());

        assertEquals(
                new IdentityCenterInstance(REGION, INSTANCE, STORE),
                run.instance(clients).get());
        assertEquals(
                new ProvisioningInstance(INSTANCE, STORE, REGION),
                InstanceSource.lookingUp(clients, REGION).get());
        assertEquals(1, run.warnings.size());
    }

    @Test
    void listPermissionSetsAnsweredWithNothingListsNoPermissionSet() throws Exception {
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListPermissionSetsResponse listPermissionSets(ListPermissionSetsRequest request) {
                return ListPermissionSetsResponse.builder().build();
            }
        });
        Page<Resource> page = new PermissionSetSyncer(run.catalog(clients), true).list(null, PageToken.first());
        assertEquals(List.of(), page.items());
        assertFalse(page.hasNext());
    }

    @Test
    void listPermissionSetsEndsWhenAwsHandsBackTheTokenItWasAskedWith() throws Exception {
        List<String> asked = new ArrayList<>();
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListPermissionSetsResponse listPermissionSets(ListPermissionSetsRequest request) {
                asked.add(String.valueOf(request.nextToken()));
                return request.nextToken() == null
                        ? ListPermissionSetsResponse.builder()
                                .permissionSets(PS)
                                .nextToken("t-1")
                                .build()
                        : ListPermissionSetsResponse.builder()
                                .permissionSets(PS_2)
                                .nextToken("t-1")
                                .build();
            }
        });
        assertEquals(List.of(PS, PS_2), run.catalog(clients).allArns());
        assertEquals(List.of("null", "t-1"), asked);
    }

    /** SSO Admin whose one permission set is described by {@code described}. */
    private void onePermissionSet(DescribePermissionSetResponse described) {
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListPermissionSetsResponse listPermissionSets(ListPermissionSetsRequest request) {
                return ListPermissionSetsResponse.builder().permissionSets(PS).build();
            }

            @Override
            public DescribePermissionSetResponse describePermissionSet(DescribePermissionSetRequest request) {
                return described;
            }
        });
    }

    @Test
    void describePermissionSetAnsweredWithNothingKeepsTheIdsAndNamesTheSetByItsId() throws Exception {
        onePermissionSet(DescribePermissionSetResponse.builder().build());
        PermissionSetCatalog sparse = run.catalog(clients);
        Resource resource = new PermissionSetSyncer(sparse, true)
                .list(null, PageToken.first())
                .items()
                .get(0);
        assertEquals(PS, resource.getId().getResource());
        assertEquals("ps-aaaaaaaaaaaaaaaa", resource.getDisplayName());
        assertEquals("", resource.getDescription());
        assertEquals(
                "ps-aaaaaaaaaaaaaaaa access",
                AccountSyncer.entitlement(account(), sparse.describe(PS)).getSlug());

        onePermissionSet(DescribePermissionSetResponse.builder()
                .permissionSet(PermissionSet.builder()
                        .permissionSetArn(PS)
                        .name("Admin")
                        .description("full")
                        .build())
                .build());
        PermissionSetCatalog full = run.catalog(clients);
        assertEquals(
                AccountSyncer.entitlement(account(), full.describe(PS)).getId(),
                AccountSyncer.entitlement(account(), sparse.describe(PS)).getId());
        assertEquals(
                PermissionSetAssignmentSyncer.toResource(
                                full.describe(PS), account().getId())
                        .getId(),
                PermissionSetAssignmentSyncer.toResource(
                                sparse.describe(PS), account().getId())
                        .getId());
        assertEquals(List.of(), run.warnings);
    }

    @Test
    void listPermissionSetsProvisionedToAccountAnsweredWithNothingHasNoBindings() throws Exception {
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListPermissionSetsProvisionedToAccountResponse listPermissionSetsProvisionedToAccount(
                    ListPermissionSetsProvisionedToAccountRequest request) {
                return ListPermissionSetsProvisionedToAccountResponse.builder().build();
            }
        });
        PermissionSetCatalog catalog = run.catalog(clients);
        Page<Resource> bindings = new PermissionSetAssignmentSyncer(
                        catalog, new PerPairAssignments(clients, catalog.instanceProvider(), run.sink, NO_MEMO))
                .list(account().getId(), PageToken.first());
        assertEquals(List.of(), bindings.items());
        assertFalse(bindings.hasNext());
    }

    /** SSO Admin answering the two policy listings of {@link #PS}. */
    private void policies(List<AttachedManagedPolicy> managed, List<CustomerManagedPolicyReference> references) {
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListManagedPoliciesInPermissionSetResponse listManagedPoliciesInPermissionSet(
                    ListManagedPoliciesInPermissionSetRequest request) {
                return ListManagedPoliciesInPermissionSetResponse.builder()
                        .attachedManagedPolicies(managed)
                        .build();
            }

            @Override
            public ListCustomerManagedPolicyReferencesInPermissionSetResponse
                    listCustomerManagedPolicyReferencesInPermissionSet(
                            ListCustomerManagedPolicyReferencesInPermissionSetRequest request) {
                return ListCustomerManagedPolicyReferencesInPermissionSetResponse.builder()
                        .customerManagedPolicyReferences(references)
                        .build();
            }
        });
    }

    @Test
    void managedPolicyWithoutNameIsNamedByItsArnAndOneWithoutArnIsSkippedOnce() throws Exception {
        policies(
                List.of(
                        AttachedManagedPolicy.builder().arn(READ_ONLY).build(),
                        AttachedManagedPolicy.builder().name("Orphan").build(),
                        AttachedManagedPolicy.builder().build()),
                List.of());
        PermissionSetCatalog catalog = run.catalog(clients);
        ResourceId permissionSet = Ids.resourceId(ResourceTypes.PERMISSION_SET_ID, PS);

        List<Grant> toPermissionSet = new PermissionSetSyncer(catalog, true)
                .grants(Resource.newBuilder().setId(permissionSet).build(), PageToken.first())
                .items();
        List<Grant> toBinding = bindingPolicyGrants(catalog);

        assertEquals(
                List.of("iam_policy:" + READ_ONLY + ":attached:permission_set:" + PS),
                toPermissionSet.stream().map(Grant::getId).toList());
        assertEquals(
                "ReadOnlyAccess",
                toPermissionSet.get(0).getEntitlement().getResource().getDisplayName());
        assertEquals(1, toBinding.size());
        assertEquals(
                List.of(
                        "sso:ListManagedPoliciesInPermissionSet on " + PS
                                + ": managed policy Orphan has no Arn; skipping it",
                        "sso:ListManagedPoliciesInPermissionSet on " + PS + ": managed policy (unnamed) has no Arn; "
                                + "skipping it"),
                run.warnings);
    }

    @Test
    void customerManagedReferenceWithOnlyItsNameTakesTheDefaultPathAndOneWithoutNameIsSkipped() throws Exception {
        policies(
                List.of(),
                List.of(
                        CustomerManagedPolicyReference.builder()
                                .name("RootPolicy")
                                .build(),
                        CustomerManagedPolicyReference.builder()
                                .path("/division/")
                                .build()));

        List<Grant> grants = bindingPolicyGrants(run.catalog(clients));

        assertEquals(1, grants.size());
        String id = grants.get(0).getId();
        assertTrue(id.startsWith("iam_policy:arn:aws:iam::" + ACCOUNT + ":policy/RootPolicy:attached:"), id);
        assertEquals(
                List.of("sso:ListCustomerManagedPolicyReferencesInPermissionSet on " + PS + ": a customer "
                        + "managed policy reference (path /division/) has no Name; skipping it"),
                run.warnings);
    }

    private List<Grant> bindingPolicyGrants(PermissionSetCatalog catalog) throws SyncException {
        Resource binding = PermissionSetAssignmentSyncer.toResource(
                PermissionSetCatalog.described(PS, null), account().getId());
        return new PermissionSetAssignmentSyncer(
                        catalog, (a, p, t) -> new AssignmentReader.AssignmentPage(List.of(), ""))
                .grants(binding, SsoPageToken.phase(true, ""))
                .items();
    }

    @Test
    void getInlinePolicyAnsweredWithNothingMeansNoInlinePolicy() throws Exception {
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public GetInlinePolicyForPermissionSetResponse getInlinePolicyForPermissionSet(
                    GetInlinePolicyForPermissionSetRequest request) {
                return GetInlinePolicyForPermissionSetResponse.builder().build();
            }
        });
        assertEquals(
                Optional.empty(),
                new SsoPermissionSetInlinePolicies(clients, run.instance(clients), run.sink).inlinePolicy(PS));
        assertEquals(List.of(), run.warnings);
    }

    @Test
    void listAccountAssignmentsNeedsOnlyThePrincipalAndReportsEachUnusableEntryOnce() throws Exception {
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListAccountAssignmentsResponse listAccountAssignments(ListAccountAssignmentsRequest request) {
                return ListAccountAssignmentsResponse.builder()
                        .accountAssignments(
                                AccountAssignment.builder()
                                        .principalType("USER")
                                        .principalId("u-1")
                                        .build(),
                                AccountAssignment.builder()
                                        .principalType("GROUP")
                                        .principalId("g-1")
                                        .build(),
                                AccountAssignment.builder().build(),
                                AccountAssignment.builder().principalId("u-2").build(),
                                AccountAssignment.builder()
                                        .principalType("ROLE")
                                        .principalId("r-1")
                                        .build())
                        .build();
            }
        });
        IdentityCenterInstanceProvider instance = run.instance(clients);
        DistinctWarnings once = new DistinctWarnings(run.sink);

        AssignmentReader.AssignmentPage cached =
                new PerPairAssignments(clients, instance, once, NO_MEMO).read(ACCOUNT, PS, "");
        AssignmentReader.AssignmentPage paged = new PagedPairAssignments(clients, instance, once).read(ACCOUNT, PS, "");

        List<Assignment> expected = List.of(new Assignment("USER", "u-1"), new Assignment("GROUP", "g-1"));
        assertEquals(expected, cached.assignments());
        assertEquals(expected, paged.assignments());
        assertEquals("", paged.nextToken());
        String entry = "sso:ListAccountAssignments: account assignment of " + PS + " on account " + ACCOUNT;
        assertEquals(
                List.of(
                        entry + " has no PrincipalId; skipping it",
                        entry + " for principal u-2 has no PrincipalType; skipping it",
                        entry
                                + " for principal r-1 has PrincipalType ROLE, which is neither USER nor GROUP; skipping it"),
                run.warnings);
    }

    @Test
    void listAccountAssignmentsForPrincipalSkipsEntriesWithoutAccountOrPermissionSet() throws Exception {
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListAccountAssignmentsForPrincipalResponse listAccountAssignmentsForPrincipal(
                    ListAccountAssignmentsForPrincipalRequest request) {
                return ListAccountAssignmentsForPrincipalResponse.builder()
                        .accountAssignments(
                                AccountAssignmentForPrincipal.builder()
                                        .accountId(ACCOUNT)
                                        .permissionSetArn(PS)
                                        .principalType("USER")
                                        .principalId("u-1")
                                        .build(),
                                AccountAssignmentForPrincipal.builder()
                                        .permissionSetArn(PS)
                                        .principalType("USER")
                                        .principalId("u-1")
                                        .build(),
                                AccountAssignmentForPrincipal.builder().build())
                        .build();
            }
        });
        PerPrincipalAssignments index = PerPrincipalAssignments.build(
                clients, run.instance(clients).get(), List.of(new Assignment("USER", "u-1")), 1, run.sink, NO_MEMO);

        assertEquals(
                List.of(new Assignment("USER", "u-1")),
                index.read(ACCOUNT, PS, "").assignments());
        assertEquals(
                List.of(
                        "sso:ListAccountAssignmentsForPrincipal on u-1: account assignment of " + PS
                                + " on account (no id)" + " has no AccountId; skipping it",
                        "sso:ListAccountAssignmentsForPrincipal on u-1: account assignment of (no ARN) on account (no id)"
                                + " has no AccountId; skipping it"),
                run.warnings);
    }

    @Test
    void aThrottledIdentityCenterCallIsRetriedByTheGateway() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        clients.ssoAdmin(new SparseAnswers.OneInstance() {
            @Override
            public ListPermissionSetsResponse listPermissionSets(ListPermissionSetsRequest request) {
                if (attempts.incrementAndGet() <= 2) {
                    throw SparseAnswers.throttled();
                }
                return ListPermissionSetsResponse.builder().permissionSets(PS).build();
            }
        });
        assertEquals(List.of(PS), run.catalog(clients).allArns());
        assertEquals(3, attempts.get());
        assertEquals(2, clients.pauses.size(), "two pauses, no real sleep: " + clients.pauses);
    }

    private static Resource account() {
        return Resource.newBuilder()
                .setId(Ids.resourceId(ResourceTypes.ACCOUNT_ID, ACCOUNT))
                .build();
    }
}
