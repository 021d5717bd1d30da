package dev.baton.aws.connector.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.ErrorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;

/** One listing per sync, served page by page with AWS's tokens; failures are not cached. */
class OrganizationAccountsTest {
    /** Three accounts, one per page, tokens "t1" and "t2"; fails the first {@code failures} requests. */
    private static final class PagedOrganizations implements OrganizationsClient {
        final List<String> requestedTokens = new ArrayList<>();
        int failures;

        @Override
        public ListAccountsResponse listAccounts(ListAccountsRequest request) {
            requestedTokens.add(request.nextToken());
            if (failures > 0) {
                failures--;
                throw (OrganizationsException) OrganizationsException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("AccessDeniedException")
                                .build())
                        .build();
            }
            String token = request.nextToken() == null ? "" : request.nextToken();
            return switch (token) {
                case "" -> page("111111111111", "t1");
                case "t1" -> page("222222222222", "t2");
                case "t2" -> page("333333333333", null);
                default -> page("999999999999", null); // a token of an earlier listing
            };
        }

        private static ListAccountsResponse page(String accountId, String next) {
            return ListAccountsResponse.builder()
                    .accounts(Account.builder().id(accountId).build())
                    .nextToken(next)
                    .build();
        }

        @Override
        public String serviceName() {
            return "organizations";
        }

        @Override
        public void close() {}
    }

    private static List<String> ids(List<Account> accounts) {
        return accounts.stream().map(Account::id).toList();
    }

    @Test
    void listsEveryPageOnceAndServesEachPageWithAwsTokens() throws AwsCallException {
        PagedOrganizations organizations = new PagedOrganizations();
        OrganizationAccounts accounts = new OrganizationAccounts(() -> organizations);
        assertEquals(List.of("222222222222"), ids(accounts.page("t1").accounts()));
        assertEquals("t1", accounts.page("").nextToken());
        assertEquals("t1", accounts.page(null).nextToken());
        assertNull(accounts.page("t2").nextToken());
        assertEquals(List.of("111111111111", "222222222222", "333333333333"), ids(accounts.all()));
        assertEquals(Arrays.asList(null, "t1", "t2"), organizations.requestedTokens);
    }

    @Test
    void aTokenThisListingDidNotHandOutIsSentToAws() throws AwsCallException {
        PagedOrganizations organizations = new PagedOrganizations();
        OrganizationAccounts accounts = new OrganizationAccounts(() -> organizations);
        assertEquals(
                List.of("999999999999"),
                ids(accounts.page("from-an-earlier-run").accounts()));
        assertEquals(4, organizations.requestedTokens.size(), "the listing, then the resumed page");
    }

    @Test
    void aFailureNamesTheCallAndIsNotCached() throws AwsCallException {
        PagedOrganizations organizations = new PagedOrganizations();
        organizations.failures = 1;
        OrganizationAccounts accounts = new OrganizationAccounts(() -> organizations);
        AwsCallException denied = assertThrows(AwsCallException.class, () -> accounts.page(""));
        assertEquals(ErrorKind.ACCESS_DENIED, denied.kind());
        assertEquals("organizations:ListAccounts: AccessDeniedException", denied.getMessage());
        assertEquals(3, accounts.all().size(), "the next ask lists again");
    }
}
