package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.connector.ProvisionAnnotations;
import static java.util.Objects.requireNonNull;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.ErrorKind;
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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.CreateUserResponse;
import software.amazon.awssdk.services.identitystore.model.Email;
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
        String displayName = optional(profile, "display_name",
                fields.get("given_name") + " " + fields.get("family_name"));
        try {
            CreateUserResponse response = clients.identityStore().createUser(r -> r.identityStoreId(target.identityStoreId())
                    .userName(userName).displayName(displayName)
                    .name(n -> n.givenName(fields.get("given_name")).familyName(fields.get("family_name")))
                    .emails(Email.builder().primary(true).type("work").value(fields.get("email")).build()));
            Resource user = userResource(target, response.userId(), userName, displayName, fields.get("email"));
            return new ProvisionResult(List.of(), List.of(user), ProvisionAnnotations.requestId(response));
        } catch (SdkException e) {
            if (IdentityCenterResults.kind(e) != ErrorKind.CONFLICT) {
                throw IdentityCenterResults.failure("create identity center user failed", "identitystore",
                        "CreateUser", userName, e);
            }
        }
        return new ProvisionResult(List.of(), List.of(existingUser(target, userName)),
                ProvisionAnnotations.of(GrantAlreadyExists.getDefaultInstance()));
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
            return ProvisionResult.ofAnnotations(ProvisionAnnotations.requestId(
                    clients.identityStore().deleteUser(r -> r.identityStoreId(storeId).userId(userId))));
        } catch (SdkException e) {
            if (IdentityCenterResults.kind(e) == ErrorKind.NOT_FOUND) {
                return ProvisionResult.ofAnnotations(
                        ProvisionAnnotations.of(ResourceDoesNotExist.getDefaultInstance()));
            }
            throw IdentityCenterResults.failure("delete identity center user failed", "identitystore",
                    "DeleteUser", resource.getResource(), e);
        }
    }

    private Resource existingUser(ProvisioningInstance target, String userName) throws SyncException {
        List<User> users;
        try {
            users = clients.identityStore().listUsers(r -> r.identityStoreId(target.identityStoreId())
                    .filters(f -> f.attributePath("UserName").attributeValue(userName))).users();
        } catch (SdkException e) {
            throw new SyncException("baton-aws: identity center user \"" + userName + "\" already exists but "
                    + "lookup failed: baton-aws: list identity center users: " + e.getMessage(), e);
        }
        if (users.isEmpty()) {
            throw new SyncException("baton-aws: identity center user \"" + userName + "\" already exists but "
                    + "lookup failed: baton-aws: identity center user \"" + userName
                    + "\" not found after ConflictException");
        }
        User user = users.get(0);
        String primaryEmail = user.emails().stream().filter(e -> Boolean.TRUE.equals(e.primary()))
                .map(Email::value).findFirst().orElse("");
        return userResource(target, user.userId(), user.userName(), String.valueOf(user.displayName()),
                primaryEmail);
    }

    /** The SDK merges {@code --create-account-login/-email} into the profile only when absent; so do we. */
    private static Struct withDefaults(Struct profile, String login, String email) {
        Struct.Builder merged = profile.toBuilder();
        if (!profile.containsFields("username") && !login.isEmpty()) {
            merged.putFields("username", Value.newBuilder().setStringValue(login).build());
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
        return value != null && value.hasStringValue() && !value.getStringValue().isEmpty()
                ? value.getStringValue() : fallback;
    }

    static Resource userResource(ProvisioningInstance target, String userId, String userName, String displayName,
                                 String email) {
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
