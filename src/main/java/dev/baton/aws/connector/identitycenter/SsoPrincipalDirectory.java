package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.ListGroupsResponse;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;

/** Enumerates the users and groups of the identity store, for the per-principal assignment strategy. */
final class SsoPrincipalDirectory {
    private final IdentitystoreClient identityStore;
    private final IdentityCenterInstanceProvider instance;

    SsoPrincipalDirectory(IdentitystoreClient identityStore, IdentityCenterInstanceProvider instance) {
        this.identityStore = requireNonNull(identityStore, "identityStore is null");
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
        String token = null;
        do {
            String next = token;
            ListUsersResponse page = AwsCall.require("identitystore", "ListUsers", "", storeId,
                    () -> identityStore.listUsers(b -> b.identityStoreId(storeId).nextToken(next)));
            page.users().forEach(user -> principals.add(new Assignment("USER", user.userId())));
            token = page.nextToken();
            if (principals.size() >= bound) {
                return Optional.empty();
            }
        } while (PermissionSetCatalog.hasMore(token));
        token = null;
        do {
            String next = token;
            ListGroupsResponse page = AwsCall.require("identitystore", "ListGroups", "", storeId,
                    () -> identityStore.listGroups(b -> b.identityStoreId(storeId).nextToken(next)));
            page.groups().forEach(group -> principals.add(new Assignment("GROUP", group.groupId())));
            token = page.nextToken();
            if (principals.size() >= bound) {
                return Optional.empty();
            }
        } while (PermissionSetCatalog.hasMore(token));
        return Optional.of(List.copyOf(principals));
    }
}
