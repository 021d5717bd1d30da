package dev.baton.aws.connector.organizations;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;

/**
 * The organization's accounts, listed once per sync. Three readers need them (the {@code account} and
 * {@code account_iam} syncers and the assignment strategy's pair count), so the first one to ask lists every
 * {@code organizations:ListAccounts} page while concurrent askers wait for that one listing (single flight), and
 * all of them are then served from memory. Pages keep AWS's boundaries and tokens, so a syncer pages exactly as it
 * did with its own calls; a token this listing did not hand out (a listing resumed from an earlier run) is sent to
 * AWS as before. A failure is not cached, so a later ask lists again. One instance lives for one sync.
 */
public final class OrganizationAccounts {
    private final Supplier<OrganizationsClient> organizations;
    /** AWS's answer to each request token of the listing; the first page's request token is "". */
    private Map<String, ListAccountsResponse> pagesByToken;

    /** @param organizations asked for the client only when accounts are first needed */
    public OrganizationAccounts(Supplier<OrganizationsClient> organizations) {
        this.organizations = requireNonNull(organizations, "organizations is null");
    }

    /**
     * The page a {@code ListAccounts} request with {@code token} gets ({@code null} or "" for the first page).
     *
     * @throws AwsCallException {@code organizations:ListAccounts} failed
     */
    public ListAccountsResponse page(String token) throws AwsCallException {
        String key = token == null ? "" : token;
        ListAccountsResponse page = listing().get(key);
        return page != null ? page : call(key);
    }

    /** Every account, in listing order, of every status. */
    public List<Account> all() throws AwsCallException {
        List<Account> accounts = new ArrayList<>();
        String token = "";
        do {
            ListAccountsResponse page = page(token);
            accounts.addAll(page.accounts());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return accounts;
    }

    private synchronized Map<String, ListAccountsResponse> listing() throws AwsCallException {
        if (pagesByToken == null) {
            Map<String, ListAccountsResponse> pages = new HashMap<>();
            String token = "";
            do {
                ListAccountsResponse page = call(token);
                pages.put(token, page);
                token = page.nextToken() == null ? "" : page.nextToken();
            } while (!token.isEmpty() && !pages.containsKey(token)); // a token seen before would loop forever
            pagesByToken = Map.copyOf(pages);
        }
        return pagesByToken;
    }

    private ListAccountsResponse call(String token) throws AwsCallException {
        try {
            return organizations.get().listAccounts(b -> b.nextToken(token.isEmpty() ? null : token));
        } catch (SdkException e) {
            throw AwsErrors.wrap("organizations", "ListAccounts", "", "", e);
        }
    }
}
