package dev.baton.aws.provisioning;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.baton.aws.config.ProvisioningRequest;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.AccountCreator;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.ResourceDeleter;
import dev.baton.aws.spi.ResourceProvisioner;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-shot grant, revoke, account creation and resource deletion. Grant and revoke resolve their ids against the
 * sync file (read only, never written) like the baton SDK, then call the provisioner of the entitlement's resource
 * type. Every write is idempotent: "already granted/revoked/existing/gone" is a success with its own outcome word.
 */
public final class ProvisioningService {
    /** Upstream treats an empty {@code create-account-resource-type} as {@code iam_user}. */
    static final String DEFAULT_ACCOUNT_TYPE = "iam_user";

    private final Map<String, ResourceProvisioner> provisioners;

    /** @param provisioners the connector's write capabilities, at most one per resource type */
    public ProvisioningService(List<ResourceProvisioner> provisioners) {
        Map<String, ResourceProvisioner> byType = new LinkedHashMap<>();
        for (ResourceProvisioner provisioner : requireNonNull(provisioners, "provisioners is null")) {
            if (byType.putIfAbsent(provisioner.resourceTypeId(), provisioner) != null) {
                throw new IllegalArgumentException(
                        "two provisioners for resource type " + provisioner.resourceTypeId());
            }
        }
        this.provisioners = Map.copyOf(byType);
    }

    public Outcome run(ProvisioningRequest request) throws ProvisioningException {
        return switch (request.action()) {
            case GRANT -> grant(request);
            case REVOKE -> revoke(request);
            case CREATE_ACCOUNT -> createAccount(request);
            case DELETE_RESOURCE -> deleteResource(request);
        };
    }

    private Outcome grant(ProvisioningRequest request) throws ProvisioningException {
        requireSet(request.entitlementId(), "--grant-entitlement");
        requireSet(request.principalType(), "--grant-principal-type");
        requireSet(request.principalId(), "--grant-principal");
        Entitlement entitlement;
        Resource principal;
        try (SyncFileLookup lookup = SyncFileLookup.open(request.syncFile())) {
            entitlement = lookup.entitlement(request.entitlementId());
            principal = lookup.principal(request.principalType(), request.principalId());
        }
        checkGrantable(entitlement, principal.getId());
        GrantProvisioner provisioner =
                capability(entitlement.getResource().getId().getResourceType(), GrantProvisioner.class, "grant");
        ProvisionResult result = call(() -> provisioner.grant(principal, entitlement));
        return Outcomes.granted(entitlement, principal.getId(), result);
    }

    private Outcome revoke(ProvisioningRequest request) throws ProvisioningException {
        requireSet(request.grantId(), "--revoke-grant");
        Grant grant;
        try (SyncFileLookup lookup = SyncFileLookup.open(request.syncFile())) {
            grant = lookup.grant(request.grantId());
        }
        GrantProvisioner provisioner = capability(
                grant.getEntitlement().getResource().getId().getResourceType(), GrantProvisioner.class, "revoke");
        ProvisionResult result = call(() -> provisioner.revoke(grant));
        return Outcomes.revoked(grant, result);
    }

    private Outcome createAccount(ProvisioningRequest request) throws ProvisioningException {
        String type = request.resourceType().isEmpty() ? DEFAULT_ACCOUNT_TYPE : request.resourceType();
        AccountCreator creator = capability(type, AccountCreator.class, "account creation");
        Struct profile = profile(request);
        ProvisionResult result = call(() -> creator.createAccount(request.login(), request.email(), profile));
        return Outcomes.created(type, result);
    }

    private Outcome deleteResource(ProvisioningRequest request) throws ProvisioningException {
        requireSet(request.resourceType(), "--delete-resource-type");
        requireSet(request.resourceId(), "--delete-resource");
        ResourceDeleter deleter = capability(request.resourceType(), ResourceDeleter.class, "deletion");
        ResourceId id = Ids.resourceId(request.resourceType(), request.resourceId());
        ProvisionResult result = call(() -> deleter.delete(id, null));
        return Outcomes.deleted(id, result);
    }

    private static void checkGrantable(Entitlement entitlement, ResourceId principal) throws ProvisioningException {
        List<String> grantable = entitlement.getGrantableToList().stream()
                .map(ResourceType::getId)
                .toList();
        if (!grantable.isEmpty() && !grantable.contains(principal.getResourceType())) {
            throw ProvisioningException.usage("entitlement '" + entitlement.getId() + "' can be granted to "
                    + String.join(", ", grantable) + ", not to " + principal.getResourceType());
        }
    }

    private <T extends ResourceProvisioner> T capability(String resourceType, Class<T> kind, String what)
            throws ProvisioningException {
        ResourceProvisioner provisioner = provisioners.get(resourceType);
        if (!kind.isInstance(provisioner)) {
            List<String> supported = new ArrayList<>();
            provisioners.values().stream()
                    .filter(kind::isInstance)
                    .map(ResourceProvisioner::resourceTypeId)
                    .sorted()
                    .forEach(supported::add);
            throw ProvisioningException.usage("resource type '" + resourceType + "' does not support " + what
                    + " in this configuration; types that do: "
                    + (supported.isEmpty() ? "none" : String.join(", ", supported)));
        }
        return kind.cast(provisioner);
    }

    /** The SDK merges {@code --create-account-login/-email} into the profile when it lacks them; so do we. */
    private static Struct profile(ProvisioningRequest request) throws ProvisioningException {
        Struct.Builder profile = Struct.newBuilder();
        if (!request.profileJson().isBlank()) {
            try {
                JsonFormat.parser().merge(request.profileJson(), profile);
            } catch (InvalidProtocolBufferException e) {
                throw new ProvisioningException(
                        ProvisioningException.Kind.USAGE,
                        "--create-account-profile is not a JSON object: " + e.getMessage(),
                        e);
            }
        }
        if (!request.login().isEmpty() && !profile.containsFields("login")) {
            profile.putFields(
                    "login", Value.newBuilder().setStringValue(request.login()).build());
        }
        if (!request.email().isEmpty() && !profile.containsFields("email")) {
            profile.putFields(
                    "email", Value.newBuilder().setStringValue(request.email()).build());
        }
        return profile.build();
    }

    private static void requireSet(String value, String flag) throws ProvisioningException {
        if (value.isEmpty()) {
            throw ProvisioningException.usage(flag + " is required");
        }
    }

    private static ProvisionResult call(Write write) throws ProvisioningException {
        try {
            return write.run();
        } catch (SyncException e) {
            throw new ProvisioningException(ProvisioningException.Kind.FAILED, e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Write {
        ProvisionResult run() throws SyncException;
    }
}
