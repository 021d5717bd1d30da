package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The whole simulated AWS estate, as in the world file. Immutable: writes build a new world (see
 * {@link WorldState}). {@code organization} and {@code identityCenter} are null when absent from the file.
 */
public record World(
        Organization organization,
        List<Account> accounts,
        List<ManagedPolicy> awsManagedPolicies,
        List<Credential> credentials,
        IdentityCenter identityCenter,
        List<TrailEvent> cloudTrailEvents,
        Limits limits,
        Federation federation) {
    public World {
        requireNonNull(federation, "federation is null");
        accounts = List.copyOf(accounts);
        awsManagedPolicies = List.copyOf(awsManagedPolicies);
        credentials = List.copyOf(credentials);
        cloudTrailEvents = List.copyOf(cloudTrailEvents);
        requireNonNull(limits, "limits is null");
    }

    /** A world without federated sign-in (no OIDC providers, SSO portal tokens, instance or container role). */
    public World(
            Organization organization,
            List<Account> accounts,
            List<ManagedPolicy> awsManagedPolicies,
            List<Credential> credentials,
            IdentityCenter identityCenter,
            List<TrailEvent> cloudTrailEvents,
            Limits limits) {
        this(
                organization,
                accounts,
                awsManagedPolicies,
                credentials,
                identityCenter,
                cloudTrailEvents,
                limits,
                Federation.NONE);
    }

    public Optional<Account> account(String id) {
        return accounts.stream().filter(account -> account.id().equals(id)).findFirst();
    }

    public Optional<Credential> credential(String accessKeyId) {
        return credentials.stream()
                .filter(c -> c.accessKeyId().equals(accessKeyId))
                .findFirst();
    }

    public Optional<ManagedPolicy> awsManagedPolicy(String name) {
        return awsManagedPolicies.stream()
                .filter(policy -> policy.name().equals(name))
                .findFirst();
    }

    public boolean hasOrganization() {
        return organization != null;
    }

    public boolean hasIdentityCenter() {
        return identityCenter != null;
    }

    /** Replaces the account with {@code id} (which must exist) by the result of {@code change}. */
    public World updateAccount(String id, UnaryOperator<Account> change) {
        return withAccounts(accounts.stream()
                .map(a -> a.id().equals(id) ? change.apply(a) : a)
                .toList());
    }

    /** Shorthand for changing the IAM contents of one account. */
    public World updateIam(String accountId, UnaryOperator<AccountIam> change) {
        return updateAccount(accountId, account -> account.withIam(change.apply(account.iam())));
    }

    public World withAccounts(List<Account> newAccounts) {
        return new World(
                organization,
                newAccounts,
                awsManagedPolicies,
                credentials,
                identityCenter,
                cloudTrailEvents,
                limits,
                federation);
    }

    public World withCredentials(List<Credential> newCredentials) {
        return new World(
                organization,
                accounts,
                awsManagedPolicies,
                newCredentials,
                identityCenter,
                cloudTrailEvents,
                limits,
                federation);
    }

    public World withIdentityCenter(IdentityCenter newIdentityCenter) {
        return new World(
                organization,
                accounts,
                awsManagedPolicies,
                credentials,
                newIdentityCenter,
                cloudTrailEvents,
                limits,
                federation);
    }

    public World withLimits(Limits newLimits) {
        return new World(
                organization,
                accounts,
                awsManagedPolicies,
                credentials,
                identityCenter,
                cloudTrailEvents,
                newLimits,
                federation);
    }

    public World withFederation(Federation newFederation) {
        return new World(
                organization,
                accounts,
                awsManagedPolicies,
                credentials,
                identityCenter,
                cloudTrailEvents,
                limits,
                newFederation);
    }
}
