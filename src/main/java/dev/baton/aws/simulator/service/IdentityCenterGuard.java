package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.World;

/**
 * Who may call SSO Admin and Identity Store: only the account that owns the Identity Center instance (AWS serves
 * the instance from that account alone). Deny patterns are the server's business, checked before any action.
 */
final class IdentityCenterGuard {
    private final String actionPrefix;

    /** @param actionPrefix the IAM action prefix named in the error: {@code sso} or {@code identitystore} */
    IdentityCenterGuard(String actionPrefix) {
        this.actionPrefix = requireNonNull(actionPrefix, "actionPrefix is null");
    }

    /** The instance the caller may use, or AccessDeniedException. */
    IdentityCenter require(World world, Caller caller, String action) {
        IdentityCenter identityCenter = world.identityCenter();
        if (identityCenter == null || !identityCenter.ownerAccountId().equals(caller.accountId())) {
            throw new AwsFault(
                    400,
                    "AccessDeniedException",
                    "User: " + caller.principalArn() + " is not authorized to perform: " + actionPrefix + ":" + action
                            + " on this instance");
        }
        return identityCenter;
    }

    /** Fails like AWS when a request names another instance than the one this account owns. */
    static void checkInstance(IdentityCenter identityCenter, JsonRequest request) {
        String instanceArn = request.required("InstanceArn");
        if (!instanceArn.equals(identityCenter.instanceArn())) {
            throw new AwsFault(400, "ResourceNotFoundException", "The instance " + instanceArn + " does not exist.");
        }
    }

    static void checkIdentityStore(IdentityCenter identityCenter, JsonRequest request) {
        String storeId = request.required("IdentityStoreId");
        if (!storeId.equals(identityCenter.identityStoreId())) {
            throw new AwsFault(400, "ResourceNotFoundException", "Identity store " + storeId + " does not exist.");
        }
    }
}
