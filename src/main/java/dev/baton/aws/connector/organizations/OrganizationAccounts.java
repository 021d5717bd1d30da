package dev.baton.aws.connector.organizations;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsGateway;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
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
    private static final Logger LOG = LoggerFactory.getLogger(OrganizationAccounts.class);
    private static final AwsOperation LIST_ACCOUNTS = AwsOperation.of("organizations", "ListAccounts");

    private final Supplier<OrganizationsClient> organizations;
    private final AwsGateway gateway;
    private final SyncWarnings warnings;
    /** AWS's answer to each request token of the listing; the first page's request token is "". */
    private Map<String, ListAccountsResponse> pagesByToken;

    /**
     * @param organizations asked for the client only when accounts are first needed
     * @param warnings      where an account AWS lists without an id is reported (once per listing of its page)
     */
    public OrganizationAccounts(
            Supplier<OrganizationsClient> organizations, AwsGateway gateway, SyncWarnings warnings) {
        this.organizations = requireNonNull(organizations, "organizations is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    /** Relies on the SDK's attempts alone and logs skipped accounts: for tests of other parts. */
    public OrganizationAccounts(Supplier<OrganizationsClient> organizations) {
        this(organizations, AwsGateway.sdkAttemptsOnly(), LOG::warn);
    }

    /**
     * The page a {@code ListAccounts} request with {@code token} gets ({@code null} or "" for the first page). Its
     * accounts are read the tolerant way ({@link #tolerant}); its next token is null on the last page.
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
        } while (token != null);
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
        String requested = token.isEmpty() ? null : token;
        ListAccountsResponse page =
                gateway.call(LIST_ACCOUNTS, () -> organizations.get().listAccounts(b -> b.nextToken(requested)));
        List<Account> accounts = new ArrayList<>();
        for (Account account : page.accounts()) {
            Account read = tolerant(account);
            if (read.id().isEmpty()) {
                warnings.warn("baton-aws: skipping account "
                        + AwsValues.firstText(account.name(), account.email(), "(unidentified)")
                        + ": AWS sent no Id or Arn");
            } else {
                accounts.add(read);
            }
        }
        return page.toBuilder()
                .accounts(accounts)
                .nextToken(AwsPaging.nextToken(page.nextToken(), requested))
                .build();
    }

    /**
     * {@code account} with the members its readers rely on filled in, as AWS's model marks every one optional: the
     * id from the ARN ({@code arn:aws:organizations::<management>:account/o-…/<id>}) and else empty, the name from
     * the id, and a status as {@link AccountStates} reads it (State first, AWS is retiring Status); an account
     * with neither was listed as a member of the organization and counts as ACTIVE. A state the SDK does not know
     * keeps its own text.
     */
    static Account tolerant(Account account) {
        String id = AccountStates.id(account);
        String status = AwsValues.firstText(AccountStates.stateText(account), AccountStatus.ACTIVE.toString());
        return account.toBuilder()
                .id(id)
                .name(AwsValues.firstText(account.name(), id))
                .arn(AwsValues.text(account.arn()))
                .status(status)
                .build();
    }
}
