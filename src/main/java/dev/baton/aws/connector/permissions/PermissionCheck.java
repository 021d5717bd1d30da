package dev.baton.aws.connector.permissions;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.organizations.AccountStates;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.connector.permissions.CheckResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

/**
 * {@code baton-aws check}: every read permission of {@link RequiredPermissions} probed with a harmless call in the
 * connector's account, and, when member accounts are read, {@code sts:AssumeRole} into each ACTIVE member account
 * and the member-account role's reads there. Write permissions are reported as not probed: the only calls that prove
 * them change AWS. A denial is {@link Status#DENIED}; any other answer (including "no such entity") means AWS
 * let the call through, so the permission is there.
 */
public final class PermissionCheck {
    private final AwsClients clients;

    public PermissionCheck(AwsClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    /** @throws AwsCallException when the connector's own identity cannot be established (bad credentials) */
    public List<CheckResult> run(RequiredPermissions required) throws AwsCallException {
        String self = clients.callerAccountId();
        ProbeTarget own = target(self, clients.iam());
        List<CheckResult> results = new ArrayList<>();
        for (Permission permission : required.connectorRole()) {
            if (!permission.action().equals("sts:AssumeRole")) {
                results.add(probe(permission, own));
            }
        }
        if (required.hasChildRole()) {
            Permission assume = required.connectorRole().stream()
                    .filter(p -> p.action().equals("sts:AssumeRole"))
                    .findFirst()
                    .orElseThrow();
            for (String accountId : memberAccounts(self)) {
                results.addAll(member(required, assume, accountId, own));
            }
        }
        return results;
    }

    private List<CheckResult> member(
            RequiredPermissions required, Permission assume, String accountId, ProbeTarget own) {
        List<CheckResult> results = new ArrayList<>();
        try {
            ProbeTarget target = new ProbeTarget(
                    clients, clients.iam(accountId), accountId, own.instanceArn(), own.identityStoreId());
            results.add(ok(assume, accountId));
            required.childRole().forEach(permission -> results.add(probe(permission, target)));
        } catch (AwsCallException e) {
            results.add(new CheckResult(assume.action(), accountId, Status.DENIED, e.errorCode(), assume.loss()));
            required.childRole()
                    .forEach(permission -> results.add(new CheckResult(
                            permission.action(),
                            accountId,
                            Status.NOT_PROBED,
                            "the role could not be assumed",
                            permission.loss())));
        }
        return results;
    }

    /** ACTIVE accounts other than the connector's; none when the listing itself is denied (reported above). */
    private List<String> memberAccounts(String self) {
        try {
            return new OrganizationAccounts(clients::organizations)
                    .all().stream()
                            .filter(AccountStates::isActive)
                            .map(Account::id)
                            .filter(id -> !id.equals(self))
                            .toList();
        } catch (AwsCallException e) {
            return List.of();
        }
    }

    private ProbeTarget target(String accountId, software.amazon.awssdk.services.iam.IamClient iam) {
        Optional<InstanceMetadata> instance = Optional.empty();
        try {
            instance = clients
                    .gateway()
                    .call(
                            AwsOperation.of("sso", "ListInstances"),
                            () -> clients.ssoAdmin().listInstances(b -> b.maxResults(1)))
                    .instances()
                    .stream()
                    .filter(i -> !AwsValues.text(i.instanceArn()).isEmpty()
                            && !AwsValues.text(i.identityStoreId()).isEmpty())
                    .findFirst();
        } catch (AwsCallException | IllegalStateException e) {
            // denied, or Identity Center off: the Identity Center probes run against an absent instance
        }
        return new ProbeTarget(
                clients,
                iam,
                accountId,
                instance.map(InstanceMetadata::instanceArn).orElse(ProbeTarget.ABSENT_INSTANCE),
                instance.map(InstanceMetadata::identityStoreId).orElse(ProbeTarget.ABSENT_STORE));
    }

    private static CheckResult probe(Permission permission, ProbeTarget target) {
        if (permission.write()) {
            return new CheckResult(
                    permission.action(),
                    target.accountId(),
                    Status.NOT_PROBED,
                    "write: check changes nothing",
                    permission.loss());
        }
        Optional<PermissionProbes.Probe> probe = PermissionProbes.forAction(permission.action());
        if (probe.isEmpty()) {
            return new CheckResult(
                    permission.action(), target.accountId(), Status.NOT_PROBED, "no harmless call", permission.loss());
        }
        int colon = permission.action().indexOf(':');
        AwsOperation operation = AwsOperation.of(
                        permission.action().substring(0, colon),
                        permission.action().substring(colon + 1))
                .in(target.accountId());
        try {
            target.clients().gateway().call(operation, () -> {
                probe.get().run(target);
                return null;
            });
            return ok(permission, target.accountId());
        } catch (AwsCallException e) {
            return e.kind() == ErrorKind.ACCESS_DENIED
                    ? new CheckResult(
                            permission.action(), target.accountId(), Status.DENIED, e.errorCode(), permission.loss())
                    : ok(permission, target.accountId());
        } catch (RuntimeException e) {
            return new CheckResult(
                    permission.action(),
                    target.accountId(),
                    Status.NOT_PROBED,
                    "probe failed: " + e.getMessage(),
                    permission.loss());
        }
    }

    private static CheckResult ok(Permission permission, String accountId) {
        return new CheckResult(permission.action(), accountId, Status.OK, "", permission.loss());
    }
}
