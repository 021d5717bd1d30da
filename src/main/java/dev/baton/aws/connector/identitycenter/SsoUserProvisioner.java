package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ProvisionAnnotations;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceDoesNotExist;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.Status;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.spi.AccountCreator;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.ResourceDeleter;
import dev.baton.aws.spi.SyncException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.CreateUserResponse;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Filter;
import software.amazon.awssdk.services.identitystore.model.ListUsersRequest;
import software.amazon.awssdk.services.identitystore.model.User;

/**
 * Resource type {@code sso_user}: Identity Center user creation (when {@code create-account-resource-type} is
 * {@code sso_user}) and deletion. Identity Store has no "disable", so delete is a hard delete. A create that finds
 * the user already there returns it with a {@code GrantAlreadyExists} annotation (see IamUserProvisioner).
 */
public final class SsoUserProvisioner implements AccountCreator, ResourceDeleter {
    private static final List<String> REQUIRED = List.of("username", "given_name", "family_name", "email");

    private final AwsClients clients;
    private final InstanceSource instance;
    private final boolean creationEnabled;

    SsoUserProvisioner(AwsClients clients, InstanceSource instance, boolean creationEnabled) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.creationEnabled = creationEnabled;
    }

    @Override
    public String resourceTypeId() {
        return ResourceTypes.SSO_USER_ID;
    }

    @Override
    public ProvisionResult createAccount(String login, String email, Struct profile) throws SyncException {
        if (!creationEnabled) {
            throw new SyncException("baton-aws: Identity Center user provisioning is disabled; "
                    + "set BATON_CREATE_ACCOUNT_RESOURCE_TYPE=sso_user");
        }
        ProvisioningInstance target = instance.get();
        Map<String, String> fields = requiredFields(withDefaults(profile, login, email));
        String userName = fields.get("username");
        String displayName =
                optional(profile, "display_name", fields.get("given_name") + " " + fields.get("family_name"));
        CreateUserResponse response;
        try {
            response = clients.gateway()
                    .call(
                            SsoOperations.CREATE_USER.on(userName),
                            () -> clients.identityStore()
                                    .createUser(r -> r.identityStoreId(target.identityStoreId())
                                            .userName(userName)
                                            .displayName(displayName)
                                            .name(n -> n.givenName(fields.get("given_name"))
                                                    .familyName(fields.get("family_name")))
                                            .emails(Email.builder()
                                                    .primary(true)
                                                    .type("work")
                                                    .value(fields.get("email"))
                                                    .build())));
        } catch (AwsCallException e) {
            if (e.kind() != ErrorKind.CONFLICT) {
                throw AwsCall.failure("create identity center user failed", e);
            }
            return new ProvisionResult(
                    List.of(),
                    List.of(existingUser(target, userName)),
                    ProvisionAnnotations.of(GrantAlreadyExists.getDefaultInstance()));
        }
        // AWS's model requires UserId; should an answer still lack it, the new user is found by its name
        Resource user = AwsValues.text(response.userId()).isEmpty()
                ? existingUser(target, userName)
                : userResource(target, response.userId(), userName, displayName, fields.get("email"));
        return new ProvisionResult(List.of(), List.of(user), ProvisionAnnotations.requestId(response));
    }

    @Override
    public ProvisionResult delete(ResourceId resource, ResourceId parent) throws SyncException {
        if (!resource.getResourceType().equals(ResourceTypes.SSO_USER_ID)) {
            throw new SyncException("baton-aws: only Identity Center user resources can be deleted");
        }
        String storeId = instance.get().identityStoreId();
        String userId;
        try {
            userId = SsoPrincipal.userId(resource.getResource());
        } catch (SyncException e) {
            throw new SyncException("baton-aws: parse sso user arn: " + e.getMessage(), e);
        }
        try {
            return ProvisionResult.ofAnnotations(ProvisionAnnotations.requestId(clients.gateway()
                    .call(
                            SsoOperations.DELETE_USER.on(resource.getResource()),
                            () -> clients.identityStore()
                                    .deleteUser(r -> r.identityStoreId(storeId).userId(userId)))));
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return ProvisionResult.ofAnnotations(
                        ProvisionAnnotations.of(ResourceDoesNotExist.getDefaultInstance()));
            }
            throw AwsCall.failure("delete identity center user failed", e);
        }
    }

    /** The user a conflicting create found: looked up by user name, the first match with an id. */
    private Resource existingUser(ProvisioningInstance target, String userName) throws SyncException {
        List<User> users;
        try {
            users = clients.gateway()
                    .call(
                            SsoOperations.LIST_USERS.on(target.identityStoreId()),
                            () -> clients.identityStore()
                                    .listUsers(usersNamed(target.identityStoreId(), userName))
                                    .users());
        } catch (AwsCallException e) {
            throw new SyncException(
                    "baton-aws: identity center user \"" + userName + "\" already exists but "
                            + "lookup failed: baton-aws: list identity center users: " + AwsCall.sdkMessage(e),
                    e);
        }
        User user = users.stream()
                .filter(found -> !AwsValues.text(found.userId()).isEmpty())
                .findFirst()
                .orElseThrow(() -> new SyncException("baton-aws: identity center user \"" + userName
                        + "\" already exists but lookup failed: baton-aws: identity center user \"" + userName
                        + "\" not found after ConflictException"));
        String primaryEmail = user.emails().stream()
                .filter(e -> Boolean.TRUE.equals(e.primary()))
                .map(e -> AwsValues.text(e.value()))
                .findFirst()
                .orElse("");
        return userResource(
                target,
                user.userId(),
                AwsValues.firstText(user.userName(), userName),
                AwsValues.text(user.displayName()),
                primaryEmail);
    }

    /** ListUsers narrowed to one user name by the single filter Identity Store accepts there. */
    @SuppressWarnings("deprecation") // Filters is deprecated for GetUserId, which the simulator does not implement
    private static ListUsersRequest usersNamed(String identityStoreId, String userName) {
        return ListUsersRequest.builder()
                .identityStoreId(identityStoreId)
                .filters(Filter.builder()
                        .attributePath("UserName")
                        .attributeValue(userName)
                        .build())
                .build();
    }

    /** The SDK merges {@code --create-account-login/-email} into the profile only when absent; so do we. */
    private static Struct withDefaults(Struct profile, String login, String email) {
        Struct.Builder merged = profile.toBuilder();
        if (!profile.containsFields("username") && !login.isEmpty()) {
            merged.putFields(
                    "username", Value.newBuilder().setStringValue(login).build());
        }
        if (!profile.containsFields("email") && !email.isEmpty()) {
            merged.putFields("email", Value.newBuilder().setStringValue(email).build());
        }
        return merged.build();
    }

    private static Map<String, String> requiredFields(Struct profile) throws SyncException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String key : REQUIRED) {
            Value value = profile.getFieldsMap().get(key);
            if (value == null) {
                throw new SyncException("baton-aws: missing \"" + key + "\" in account profile");
            }
            if (!value.hasStringValue() || value.getStringValue().isEmpty()) {
                throw new SyncException("baton-aws: \"" + key + "\" must be a non-empty string");
            }
            fields.put(key, value.getStringValue());
        }
        return fields;
    }

    private static String optional(Struct profile, String key, String fallback) {
        Value value = profile.getFieldsMap().get(key);
        return value != null
                        && value.hasStringValue()
                        && !value.getStringValue().isEmpty()
                ? value.getStringValue()
                : fallback;
    }

    static Resource userResource(
            ProvisioningInstance target, String userId, String userName, String displayName, String email) {
        String arn = Ids.ssoUserArn(target.ssoRegion(), target.identityStoreId(), userId);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_user_type", "sso");
        profile.put("aws_user_name", displayName);
        profile.put("aws_user_id", userId);
        UserTrait.Builder trait = UserTrait.newBuilder();
        if (!email.isEmpty()) {
            trait.addEmails(UserTrait.Email.newBuilder().setAddress(email).setIsPrimary(true));
        }
        return ResourceBuilder.builder(ResourceTypes.SSO_USER_ID, arn)
                .displayName(userName)
                .profile(profile)
                .status(Status.ResourceStatus.RESOURCE_STATUS_ENABLED)
                .v1Identifier(arn)
                .userTrait(trait)
                .build();
    }
}
