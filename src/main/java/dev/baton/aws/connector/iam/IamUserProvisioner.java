package dev.baton.aws.connector.iam;

import dev.baton.aws.connector.ProvisionAnnotations;
import static java.util.Objects.requireNonNull;

import com.google.protobuf.Struct;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsErrors;
import dev.baton.aws.aws.ErrorKind;
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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
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
        IamClient client = clients.iam();
        try {
            CreateUserResponse response = client.createUser(request.build());
            Resource user = userResource(response.user(), effectiveEmail);
            return new ProvisionResult(List.of(), List.of(user), ProvisionAnnotations.requestId(response));
        } catch (SdkException e) {
            if (AwsErrors.classify(e) != ErrorKind.CONFLICT) {
                throw IamResults.failure("iam.CreateUser failed", "CreateUser", "", userName, e);
            }
        }
        try {
            User existing = client.getUser(r -> r.userName(userName)).user();
            return new ProvisionResult(List.of(), List.of(userResource(existing, effectiveEmail)),
                    ProvisionAnnotations.of(GrantAlreadyExists.getDefaultInstance()));
        } catch (SdkException e) {
            throw IamResults.failure("iam user \"" + userName + "\" already exists but lookup via iam:GetUser failed",
                    "GetUser", "", userName, e);
        }
    }

    @Override
    public ProvisionResult delete(ResourceId resource, ResourceId parent) throws SyncException {
        if (!resource.getResourceType().equals(ResourceTypes.IAM_USER_ID)) {
            throw new SyncException("baton-aws: only IAM user resources can be deleted");
        }
        EntityArn user = EntityArn.parse(resource.getResource(), "user");
        String accountId = parent != null && parent.getResourceType().equals(ResourceTypes.ACCOUNT_IAM_ID)
                ? parent.getResource() : user.accountId();
        IamUserCleanup cleanup = new IamUserCleanup(IamResults.iam(clients, accountId), accountId, user);
        if (!cleanup.exists()) {
            return ProvisionResult.ofAnnotations(ProvisionAnnotations.of(ResourceDoesNotExist.getDefaultInstance()));
        }
        return ProvisionResult.ofAnnotations(cleanup.deleteEverything());
    }

    /** The resource the IAM user syncer emits for {@code user}, with the supplied email first and primary. */
    static Resource userResource(User user, String suppliedEmail) {
        Map<String, String> tags = new LinkedHashMap<>();
        user.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_arn", user.arn());
        profile.put("aws_path", user.path());
        profile.put("aws_user_type", "iam");
        profile.put("aws_tags", tags);
        profile.put("aws_user_id", user.userId());
        UserTrait.Builder trait = UserTrait.newBuilder();
        for (UserTrait.Email email : emails(user, suppliedEmail)) {
            trait.addEmails(email);
        }
        return ResourceBuilder.builder(ResourceTypes.IAM_USER_ID, user.arn())
                .displayName(user.userName())
                .profile(profile)
                .v1Identifier(user.arn())
                .userTrait(trait)
                .build();
    }

    private static List<UserTrait.Email> emails(User user, String suppliedEmail) {
        Set<String> addresses = new LinkedHashSet<>();
        if (user.userName().contains("@")) {
            addresses.add(user.userName());
        }
        user.tags().stream().filter(tag -> tag.key().equals("email")).forEach(tag -> addresses.add(tag.value()));
        List<UserTrait.Email> emails = new ArrayList<>();
        boolean supplied = !suppliedEmail.isEmpty();
        if (supplied) {
            emails.add(UserTrait.Email.newBuilder().setAddress(suppliedEmail).setIsPrimary(true).build());
            addresses.remove(suppliedEmail);
        }
        for (String address : addresses) {
            emails.add(UserTrait.Email.newBuilder().setAddress(address).setIsPrimary(!supplied).build());
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
