package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One one-shot provisioning task, as given on the command line. Build it with the factory of its action; fields
 * that do not apply to the action are empty strings.
 *
 * @param syncFile       {@code --file}: the c1z that grant and revoke resolve ids against (never modified)
 * @param entitlementId  grant: {@code --grant-entitlement}
 * @param principalType  grant: {@code --grant-principal-type}
 * @param principalId    grant: {@code --grant-principal}
 * @param grantId        revoke: {@code --revoke-grant}
 * @param login          create: {@code --create-account-login}
 * @param email          create: {@code --create-account-email}
 * @param profileJson    create: {@code --create-account-profile}, a JSON object ("" = none)
 * @param resourceType   create: {@code --create-account-resource-type} ("" = {@code iam_user});
 *                       delete: {@code --delete-resource-type}
 * @param resourceId     delete: {@code --delete-resource}
 */
public record ProvisioningRequest(
        Action action,
        Path syncFile,
        String entitlementId,
        String principalType,
        String principalId,
        String grantId,
        String login,
        String email,
        String profileJson,
        String resourceType,
        String resourceId) {
    /** What the request asks for. */
    public enum Action {
        GRANT,
        REVOKE,
        CREATE_ACCOUNT,
        DELETE_RESOURCE
    }

    public ProvisioningRequest {
        requireNonNull(action, "action is null");
        requireNonNull(syncFile, "syncFile is null");
        requireNonNull(entitlementId, "entitlementId is null");
        requireNonNull(principalType, "principalType is null");
        requireNonNull(principalId, "principalId is null");
        requireNonNull(grantId, "grantId is null");
        requireNonNull(login, "login is null");
        requireNonNull(email, "email is null");
        requireNonNull(profileJson, "profileJson is null");
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(resourceId, "resourceId is null");
    }

    public static ProvisioningRequest grant(
            Path syncFile, String entitlementId, String principalType, String principalId) {
        return new ProvisioningRequest(
                Action.GRANT, syncFile, entitlementId, principalType, principalId, "", "", "", "", "", "");
    }

    public static ProvisioningRequest revoke(Path syncFile, String grantId) {
        return new ProvisioningRequest(Action.REVOKE, syncFile, "", "", "", grantId, "", "", "", "", "");
    }

    public static ProvisioningRequest createAccount(
            String login, String email, String profileJson, String resourceType) {
        return new ProvisioningRequest(
                Action.CREATE_ACCOUNT, Path.of(""), "", "", "", "", login, email, profileJson, resourceType, "");
    }

    public static ProvisioningRequest deleteResource(String resourceType, String resourceId) {
        return new ProvisioningRequest(
                Action.DELETE_RESOURCE, Path.of(""), "", "", "", "", "", "", "", resourceType, resourceId);
    }
}
