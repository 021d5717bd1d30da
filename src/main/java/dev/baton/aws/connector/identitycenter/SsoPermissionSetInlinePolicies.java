package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.Optional;
import software.amazon.awssdk.services.ssoadmin.model.GetInlinePolicyForPermissionSetResponse;

/**
 * {@code sso:GetInlinePolicyForPermissionSet}: the raw document (not URL-decoded; Identity Center returns plain
 * JSON), empty when the set has none. A permission set that is gone or hidden from us is skipped with a warning.
 */
final class SsoPermissionSetInlinePolicies implements PermissionSetInlinePolicies {
    private final AwsClients clients;
    private final IdentityCenterInstanceProvider instance;
    private final SyncWarnings warnings;

    SsoPermissionSetInlinePolicies(AwsClients clients, IdentityCenterInstanceProvider instance, SyncWarnings warnings) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    @Override
    public Optional<String> inlinePolicy(String permissionSetArn) throws SyncException {
        String instanceArn = instance.get().instanceArn();
        GetInlinePolicyForPermissionSetResponse response;
        try {
            response = clients.gateway()
                    .call(
                            SsoOperations.GET_INLINE_POLICY_FOR_PERMISSION_SET.on(permissionSetArn),
                            () -> clients.ssoAdmin()
                                    .getInlinePolicyForPermissionSet(
                                            b -> b.instanceArn(instanceArn).permissionSetArn(permissionSetArn)));
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsCall.failure(e);
            }
            warnings.warn(e.getMessage() + "; skipping the inline policy of this permission set");
            return Optional.empty();
        }
        String document = response.inlinePolicy();
        return document == null || document.isEmpty() ? Optional.empty() : Optional.of(document);
    }
}
