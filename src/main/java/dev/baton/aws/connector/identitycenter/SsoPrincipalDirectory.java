package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.ListGroupsResponse;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.User;

/** Enumerates the users and groups of the identity store, for the per-principal assignment strategy. */
final class SsoPrincipalDirectory {
    private final AwsClients clients;
    private final IdentityCenterInstanceProvider instance;

    SsoPrincipalDirectory(AwsClients clients, IdentityCenterInstanceProvider instance) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
    }

    /**
     * Every user and group (as {@code USER}/{@code GROUP} principals), or empty as soon as there are at least
     * {@code bound} of them: the caller only needs the list when it is short, so listing stops early and a large
     * directory costs at most {@code bound / pageSize + 1} calls to rule out.
     */
    Optional<List<Assignment>> principalsFewerThan(int bound) throws SyncException {
        String storeId = instance.get().identityStoreId();
        List<Assignment> principals = new ArrayList<>();
        try {
            collect(
                    SsoOperations.LIST_USERS.on(storeId),
                    token -> clients.identityStore()
                            .listUsers(b -> b.identityStoreId(storeId).nextToken(token)),
                    ListUsersResponse::nextToken,
                    page -> page.users().stream().map(User::userId),
                    "USER",
                    principals,
                    bound);
            collect(
                    SsoOperations.LIST_GROUPS.on(storeId),
                    token -> clients.identityStore()
                            .listGroups(b -> b.identityStoreId(storeId).nextToken(token)),
                    ListGroupsResponse::nextToken,
                    page -> page.groups().stream().map(Group::groupId),
                    "GROUP",
                    principals,
                    bound);
        } catch (AwsCallException e) {
            throw AwsCall.failure(e);
        }
        return principals.size() >= bound ? Optional.empty() : Optional.of(List.copyOf(principals));
    }

    /** Adds the ids of one listing as {@code type} principals, page by page, until there are {@code bound}. */
    private <R> void collect(
            AwsOperation operation,
            Function<String, R> request,
            Function<R, String> nextToken,
            Function<R, Stream<String>> ids,
            String type,
            List<Assignment> principals,
            int bound)
            throws AwsCallException {
        if (principals.size() >= bound) {
            return;
        }
        AwsCall.pages(clients.gateway(), operation, request, nextToken, page -> {
            ids.apply(page)
                    .filter(id -> id != null && !id.isEmpty())
                    .forEach(id -> principals.add(new Assignment(type, id)));
            return principals.size() < bound;
        });
    }
}
