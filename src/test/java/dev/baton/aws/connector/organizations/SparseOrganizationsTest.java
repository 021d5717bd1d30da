package dev.baton.aws.connector.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsGateway;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.PageToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListParentsRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Organizations answers in which every member is absent but the ARN (AWS's model marks none of them required): ids
 * come from the ARNs, names fall back to ids, and what has neither id nor ARN is skipped with one warning.
 */
class SparseOrganizationsTest {
    private static final String ORG = "arn:aws:organizations::999999999999:";
    private final OrganizationsClient organizations = mock(OrganizationsClient.class, Answers.CALLS_REAL_METHODS);
    private final List<String> warnings = new ArrayList<>();

    @Test
    void accountsTakeTheirIdFromTheArnAndAStatusFromTheirState() throws Exception {
        doReturn(ListAccountsResponse.builder()
                        .accounts(
                                Account.builder()
                                        .arn(ORG + "account/o-abc/111111111111")
                                        .build(),
                                Account.builder()
                                        .id("222222222222")
                                        .state("CLOSED")
                                        .build(),
                                Account.builder().name("nameless").build())
                        .build())
                .when(organizations)
                .listAccounts(any(ListAccountsRequest.class));
        OrganizationAccounts accounts =
                new OrganizationAccounts(() -> organizations, AwsGateway.sdkAttemptsOnly(), warnings::add);

        List<Account> all = accounts.all();

        assertEquals(
                List.of("111111111111", "222222222222"),
                all.stream().map(Account::id).toList());
        assertEquals("111111111111", all.get(0).name());
        assertEquals("ACTIVE", all.get(0).statusAsString());
        assertEquals("CLOSED", all.get(1).statusAsString(), "a state newer than the SDK keeps its text");
        assertEquals(List.of("baton-aws: skipping account nameless: AWS sent no Id or Arn"), warnings);
    }

    @Test
    void rootsUnitsAndParentsTakeTheirIdsFromTheirArns() throws Exception {
        doReturn(ListRootsResponse.builder()
                        .roots(
                                Root.builder().arn(ORG + "root/o-abc/r-root").build(),
                                Root.builder().build())
                        .build())
                .when(organizations)
                .listRoots(any(ListRootsRequest.class));
        doReturn(ListParentsResponse.builder()
                        .parents(Parent.builder()
                                .id("ou-1")
                                .type("ORGANIZATIONAL_UNIT")
                                .build())
                        .build())
                .when(organizations)
                .listParents(any(ListParentsRequest.class));
        doReturn(ListOrganizationalUnitsForParentResponse.builder()
                        .organizationalUnits(OrganizationalUnit.builder()
                                .arn(ORG + "ou/o-abc/ou-1")
                                .build())
                        .build())
                .when(organizations)
                .listOrganizationalUnitsForParent(any(ListOrganizationalUnitsForParentRequest.class));
        AwsClients clients = mock(AwsClients.class);
        when(clients.gateway()).thenReturn(AwsGateway.sdkAttemptsOnly());
        when(clients.organizations()).thenReturn(organizations);
        SyncScope scope = new SyncScope(Set.of(), false, false, false, 30, true, ScimConfig.disabled());
        OrganizationSyncers syncers = OrganizationSyncers.create(SyncContext.of(
                clients,
                new OrganizationConfig(true, true, false, "us-east-1", "OrganizationAccountAccessRole"),
                scope,
                warnings::add));

        List<Resource> roots =
                syncers.organization().list(null, PageToken.first()).items();
        List<Resource> units = syncers.organizationalUnit()
                .list(roots.get(0).getId(), PageToken.first())
                .items();
        Optional<?> parent = syncers.hierarchy().parentOf("111111111111");

        assertEquals(
                List.of("r-root"),
                roots.stream().map(r -> r.getId().getResource()).toList());
        assertEquals("r-root", roots.get(0).getDisplayName());
        assertEquals(
                List.of("ou-1"),
                units.stream().map(r -> r.getId().getResource()).toList());
        assertEquals(Optional.of(Ids.resourceId(ResourceTypes.ORGANIZATIONAL_UNIT_ID, "ou-1")), parent);
        assertEquals(List.of("baton-aws: skipping organization root (unidentified): AWS sent no Id or Arn"), warnings);
    }
}
