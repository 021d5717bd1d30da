package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.Status;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.ExternalId;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.identitystore.model.UserStatus;

/**
 * Resource type {@code sso_user}: Identity Store users. Two optional sources enrich them: SCIM {@code active}
 * where Identity Store reports no status, and the last Identity Center sign-in found in CloudTrail.
 *
 * <p>Identity Store's model requires only a user's {@code UserId} (and store id): a user without {@code UserName}
 * shows its {@code DisplayName}, else its id; emails without a value are left out.
 */
final class SsoUserSyncer implements ResourceSyncer {
    private final AwsClients clients;
    private final IdentityCenterInstanceProvider instance;
    private final ScimUserStatuses scim;
    private final SsoLastLogins lastLogins;
    private final SyncWarnings warnings;

    SsoUserSyncer(
            AwsClients clients,
            IdentityCenterInstanceProvider instance,
            ScimUserStatuses scim,
            SsoLastLogins lastLogins,
            SyncWarnings warnings) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.scim = requireNonNull(scim, "scim is null");
        this.lastLogins = requireNonNull(lastLogins, "lastLogins is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.SSO_USER;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        IdentityCenterInstance center = instance.get();
        String asked = token.isFirst() ? null : token.value();
        ListUsersResponse response = AwsCall.require(
                clients.gateway(),
                SsoOperations.LIST_USERS.on(center.identityStoreId()),
                () -> clients.identityStore()
                        .listUsers(
                                b -> b.identityStoreId(center.identityStoreId()).nextToken(asked)));
        List<Resource> users = new ArrayList<>();
        for (User user : response.users()) {
            if (AwsValues.text(user.userId()).isEmpty()) {
                warnings.warn("identitystore:ListUsers on " + center.identityStoreId() + ": user "
                        + AwsValues.firstText(user.userName(), user.displayName(), "(unnamed)")
                        + " has no UserId; skipping it");
                continue;
            }
            Facts facts = new Facts(
                    scim.active(user.userId(), user.userName()).orElse(null),
                    lastLogins.lastLogin(user.userId()).orElse(null));
            users.add(toResource(user, center.userArn(user.userId()), facts));
        }
        return Page.of(users, AwsPaging.nextToken(response.nextToken(), asked));
    }

    /**
     * What other sources know about a user; each field is null when unknown.
     *
     * @param scimActive SCIM {@code active}
     * @param lastLogin  last Identity Center sign-in seen in CloudTrail
     */
    record Facts(Boolean scimActive, Instant lastLogin) {
        static Facts none() {
            return new Facts(null, null);
        }
    }

    static Resource toResource(User user, String userArn, Facts facts) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("aws_user_type", "sso");
        profile.put("aws_user_name", AwsValues.text(user.displayName()));
        profile.put("aws_user_id", user.userId());
        if (user.hasExternalIds() && !user.externalIds().isEmpty()) {
            profile.put("external_ids", externalIds(user.externalIds()));
        }
        UserTrait.Builder trait = UserTrait.newBuilder().addAllEmails(emails(user));
        Status.ResourceStatus status = status(user.userStatus(), facts.scimActive());
        if (status == Status.ResourceStatus.RESOURCE_STATUS_DISABLED) {
            // upstream leaves the trait at its ENABLED default even for disabled users; reviewers read the trait
            trait.setStatus(UserTrait.Status.newBuilder().setStatus(UserTrait.Status.StatusValue.STATUS_DISABLED));
        }
        if (facts.lastLogin() != null) {
            trait.setLastLogin(Timestamp.newBuilder()
                    .setSeconds(facts.lastLogin().getEpochSecond())
                    .setNanos(facts.lastLogin().getNano()));
        }
        return ResourceBuilder.builder(ResourceTypes.SSO_USER_ID, userArn)
                .displayName(AwsValues.firstText(user.userName(), user.displayName(), user.userId()))
                .status(status)
                .profile(profile)
                .v1Identifier(userArn)
                .userTrait(trait)
                .build();
    }

    /** Identity Store's status wins; SCIM {@code active} fills in when Identity Store gives none. */
    static Status.ResourceStatus status(UserStatus identityStoreStatus, Boolean scimActive) {
        if (identityStoreStatus == UserStatus.ENABLED) {
            return Status.ResourceStatus.RESOURCE_STATUS_ENABLED;
        }
        if (identityStoreStatus == UserStatus.DISABLED) {
            return Status.ResourceStatus.RESOURCE_STATUS_DISABLED;
        }
        if (scimActive != null) {
            return scimActive
                    ? Status.ResourceStatus.RESOURCE_STATUS_ENABLED
                    : Status.ResourceStatus.RESOURCE_STATUS_DISABLED;
        }
        return Status.ResourceStatus.RESOURCE_STATUS_UNSPECIFIED;
    }

    /**
     * The user name when it looks like an address (primary), then Identity Store's emails in order, the first of
     * them primary only if nothing is yet; upstream ignores AWS's own {@code Primary} flag and so do we.
     */
    static List<UserTrait.Email> emails(User user) {
        List<UserTrait.Email> emails = new ArrayList<>();
        String userName = AwsValues.text(user.userName());
        if (userName.contains("@")) {
            emails.add(UserTrait.Email.newBuilder()
                    .setAddress(userName)
                    .setIsPrimary(true)
                    .build());
        }
        if (user.hasEmails()) {
            for (Email email : user.emails()) {
                if (AwsValues.text(email.value()).isEmpty()) {
                    continue;
                }
                boolean primary = emails.isEmpty();
                emails.add(UserTrait.Email.newBuilder()
                        .setAddress(email.value())
                        .setIsPrimary(primary)
                        .build());
            }
        }
        return emails;
    }

    static List<Map<String, String>> externalIds(List<ExternalId> externalIds) {
        List<Map<String, String>> ids = new ArrayList<>();
        for (ExternalId externalId : externalIds) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", AwsValues.text(externalId.id()));
            entry.put("issuer", AwsValues.text(externalId.issuer()));
            ids.add(entry);
        }
        return ids;
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.empty();
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) {
        return Page.empty();
    }
}
