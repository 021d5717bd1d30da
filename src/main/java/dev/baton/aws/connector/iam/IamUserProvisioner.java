package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Struct;
import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ProvisionAnnotations;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceDoesNotExist;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.spi.AccountCreator;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.ResourceDeleter;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Resource type {@code iam_user}: account creation (when {@code create-account-resource-type} is {@code iam_user})
 * and deletion with the full cleanup AWS requires before DeleteUser.
 *
 * <p>A create that finds the user already there returns it with a {@code GrantAlreadyExists} annotation: the SPI
 * has no account-level "already exists" marker, and this is the closest one ConductorOne already understands.
 */
public final class IamUserProvisioner implements AccountCreator, ResourceDeleter {
    private final AwsClients clients;
    private final boolean creationEnabled;

    /** {@code creationEnabled}: {@code create-account-resource-type} is {@code iam_user} (the default). */
    public IamUserProvisioner(AwsClients clients, boolean creationEnabled) {
        this.clients = requireNonNull(clients, "clients is null");
        this.creationEnabled = creationEnabled;
    }

    @Override
    public String resourceTypeId() {
        return ResourceTypes.IAM_USER_ID;
    }

    @Override
    public ProvisionResult createAccount(String login, String email, Struct profile) throws SyncException {
        if (!creationEnabled) {
            throw new SyncException("baton-aws: IAM user provisioning is disabled; "
                    + "set BATON_CREATE_ACCOUNT_RESOURCE_TYPE=iam_user");
        }
        String effectiveEmail = !email.isEmpty() ? email : Profiles.string(profile, "email");
        if (effectiveEmail.isEmpty()) {
            throw new SyncException("email is required");
        }
        String userName = firstNonEmpty(Profiles.string(profile, "username"), login, effectiveEmail);
        CreateUserRequest.Builder request = CreateUserRequest.builder().userName(userName);
        if (!userName.equals(effectiveEmail)) {
            request.tags(Tag.builder().key("email").value(effectiveEmail).build());
        }
        IamCalls iam = new IamCalls(clients.gateway(), clients.iam(), "");
        try {
            CreateUserResponse response =
                    iam.call("CreateUser", userName, () -> iam.client().createUser(request.build()));
            // AWS's model makes User optional in the answer: without its ARN, read the user just created.
            User created = response.user() != null && Arn.isArn(response.user().arn())
                    ? response.user()
                    : lookUp(iam, userName);
            return new ProvisionResult(
                    List.of(),
                    List.of(userResource(created, effectiveEmail)),
                    ProvisionAnnotations.requestId(response));
        } catch (AwsCallException e) {
            if (e.kind() != ErrorKind.CONFLICT) {
                throw IamResults.callFailure("iam." + e.operation() + " failed", e);
            }
        }
        try {
            return new ProvisionResult(
                    List.of(),
                    List.of(userResource(lookUp(iam, userName), effectiveEmail)),
                    ProvisionAnnotations.of(GrantAlreadyExists.getDefaultInstance()));
        } catch (AwsCallException e) {
            throw IamResults.callFailure(
                    "iam user \"" + userName + "\" already exists but lookup via iam:GetUser failed", e);
        }
    }

    private static User lookUp(IamCalls iam, String userName) throws AwsCallException {
        AwsOperation getUser = new AwsOperation("iam", "GetUser", iam.accountId(), userName);
        User user = iam.gateway()
                .call(
                        getUser,
                        () -> iam.client().getUser(r -> r.userName(userName)).user());
        if (user == null || !Arn.isArn(user.arn())) {
            throw new AwsCallException(getUser, ErrorKind.OTHER, "IncompleteResponse", "AWS sent no user Arn", null);
        }
        return user;
    }

    @Override
    public ProvisionResult delete(ResourceId resource, ResourceId parent) throws SyncException {
        if (!resource.getResourceType().equals(ResourceTypes.IAM_USER_ID)) {
            throw new SyncException("baton-aws: only IAM user resources can be deleted");
        }
        EntityArn user = EntityArn.parse(resource.getResource(), "user");
        String accountId = parent != null && parent.getResourceType().equals(ResourceTypes.ACCOUNT_IAM_ID)
                ? parent.getResource()
                : user.accountId();
        IamUserCleanup cleanup = new IamUserCleanup(IamResults.iam(clients, accountId), user);
        if (!cleanup.exists()) {
            return ProvisionResult.ofAnnotations(ProvisionAnnotations.of(ResourceDoesNotExist.getDefaultInstance()));
        }
        return ProvisionResult.ofAnnotations(cleanup.deleteEverything());
    }

    /** The resource the IAM user syncer emits for {@code user}, with the supplied email first and primary. */
    static Resource userResource(User user, String suppliedEmail) {
        Map<String, String> tags = new LinkedHashMap<>();
        user.tags().forEach(tag -> tags.put(tag.key(), AwsValues.text(tag.value())));
        String name = IamValues.name(user.userName(), user.arn());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_arn", user.arn());
        profile.put("aws_path", IamValues.path(user.path(), user.arn()));
        profile.put("aws_user_type", "iam");
        profile.put("aws_tags", tags);
        profile.put("aws_user_id", AwsValues.text(user.userId()));
        UserTrait.Builder trait = UserTrait.newBuilder();
        for (UserTrait.Email email : emails(user, suppliedEmail)) {
            trait.addEmails(email);
        }
        return ResourceBuilder.builder(ResourceTypes.IAM_USER_ID, user.arn())
                .displayName(name)
                .profile(profile)
                .v1Identifier(user.arn())
                .userTrait(trait)
                .build();
    }

    private static List<UserTrait.Email> emails(User user, String suppliedEmail) {
        Set<String> addresses = new LinkedHashSet<>();
        String name = IamValues.name(user.userName(), user.arn());
        if (name.contains("@")) {
            addresses.add(name);
        }
        user.tags().stream().filter(tag -> tag.key().equals("email")).forEach(tag -> addresses.add(tag.value()));
        List<UserTrait.Email> emails = new ArrayList<>();
        boolean supplied = !suppliedEmail.isEmpty();
        if (supplied) {
            emails.add(UserTrait.Email.newBuilder()
                    .setAddress(suppliedEmail)
                    .setIsPrimary(true)
                    .build());
            addresses.remove(suppliedEmail);
        }
        for (String address : addresses) {
            emails.add(UserTrait.Email.newBuilder()
                    .setAddress(address)
                    .setIsPrimary(!supplied)
                    .build());
        }
        return emails;
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
