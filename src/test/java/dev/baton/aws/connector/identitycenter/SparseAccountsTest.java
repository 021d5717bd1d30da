package dev.baton.aws.connector.identitycenter;

import static dev.baton.aws.connector.identitycenter.SparseAnswers.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.connector.organizations.AccountStates;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.connector.organizations.OrganizationHierarchy;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.testing.FakeAwsClients;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;

/**
 * Organization accounts as the Identity Center {@code account} syncer reads them, with only some members given:
 * AWS's model marks none required, and it is retiring {@code Status} for {@code State}.
 */
class SparseAccountsTest {
    private static final String ACCOUNT_ARN = "arn:aws:organizations::111111111111:account/o-abc/" + ACCOUNT;

    private final SparseAnswers run = new SparseAnswers();

    @Test
    void accountsAreReadByStateThenStatusAndWithoutEitherCountAsActive() {
        assertTrue(AccountStates.isActive(Account.builder().build()));
        assertTrue(AccountStates.isActive(Account.builder().status("ACTIVE").build()));
        assertTrue(AccountStates.isActive(
                Account.builder().state("ACTIVE").status("SUSPENDED").build()));
        assertFalse(AccountStates.isActive(
                Account.builder().state("PENDING_CLOSURE").build()));
        assertFalse(AccountStates.isActive(Account.builder().status("SUSPENDED").build()));
        assertEquals(
                "SOMETHING_NEW",
                AccountStates.stateText(Account.builder().state("SOMETHING_NEW").build()));
    }

    @Test
    void listedAccountsWithoutIdNameOrStatusKeepTheirIdsAndAnUnnamedOneIsSkipped() throws Exception {
        OrganizationsClient organizations = new OrganizationsClient() {
            @Override
            public ListAccountsResponse listAccounts(ListAccountsRequest request) {
                return ListAccountsResponse.builder()
                        .accounts(
                                Account.builder().arn(ACCOUNT_ARN).build(),
                                Account.builder()
                                        .id("333333333333")
                                        .state("SUSPENDED")
                                        .build(),
                                Account.builder().build(),
                                Account.builder()
                                        .id("444444444444")
                                        .name("prod")
                                        .status("ACTIVE")
                                        .build())
                        .build();
            }

            @Override
            public String serviceName() {
                return "organizations";
            }

            @Override
            public void close() {}
        };
        FakeAwsClients clients = new FakeAwsClients().organizations(organizations);
        AccountSyncer syncer = new AccountSyncer(
                new OrganizationAccounts(() -> organizations, clients.gateway(), run.sink),
                new OrganizationHierarchy(organizations, clients.gateway(), run.sink, false, false),
                run.catalog(clients),
                (accountId, permissionSetArn, token) -> new AssignmentReader.AssignmentPage(List.of(), ""));

        Page<Resource> page = syncer.list(null, PageToken.first());

        assertFalse(page.hasNext());
        assertEquals(
                List.of(ACCOUNT, "444444444444"),
                page.items().stream().map(r -> r.getId().getResource()).toList());
        Resource derived = page.items().get(0);
        assertEquals(ACCOUNT, derived.getDisplayName());
        assertEquals(ACCOUNT, Profiles.string(derived.getProfile(), "aws_account_id"));
        assertEquals(ACCOUNT_ARN, Profiles.string(derived.getProfile(), "aws_account_arn"));
        assertEquals(List.of("baton-aws: skipping account (unidentified): AWS sent no Id or Arn"), run.warnings);
    }
}
