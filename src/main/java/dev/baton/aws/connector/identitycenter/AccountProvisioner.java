package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.SyncException;
import java.util.List;

/**
 * Resource type {@code account}: the flat entitlement {@code <accountId>|<permissionSetArn>} grants a permission set
 * on an account to an Identity Center user or group (an account assignment).
 */
public final class AccountProvisioner implements GrantProvisioner {
    private final AccountAssignments assignments;

    AccountProvisioner(AccountAssignments assignments) {
        this.assignments = requireNonNull(assignments, "assignments is null");
    }

    @Override
    public String resourceTypeId() {
        return ResourceTypes.ACCOUNT_ID;
    }

    @Override
    public ProvisionResult grant(Resource principal, Entitlement entitlement) throws SyncException {
        SsoPrincipal ssoPrincipal = SsoPrincipal.of(principal.getId());
        Binding binding = Binding.parse(entitlement.getId());
        return new ProvisionResult(
                List.of(ProvisionedGrants.of(entitlement, ssoPrincipal)),
                List.of(),
                assignments.create(binding.accountId(), binding.permissionSetArn(), ssoPrincipal));
    }

    @Override
    public ProvisionResult revoke(Grant grant) throws SyncException {
        SsoPrincipal ssoPrincipal = SsoPrincipal.of(grant.getPrincipal().getId());
        Binding binding = Binding.parse(grant.getEntitlement().getId());
        return ProvisionResult.ofAnnotations(
                assignments.delete(binding.accountId(), binding.permissionSetArn(), ssoPrincipal));
    }

    /** The entitlement id is split on its first {@code |}, as upstream does. */
    record Binding(String accountId, String permissionSetArn) {
        static Binding parse(String entitlementId) throws SyncException {
            int bar = entitlementId.indexOf('|');
            if (bar <= 0 || bar == entitlementId.length() - 1) {
                throw new SyncException("baton-aws: invalid permission set to account binding id");
            }
            return new Binding(entitlementId.substring(0, bar), entitlementId.substring(bar + 1));
        }
    }
}
