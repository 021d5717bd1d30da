package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.baton.aws.proto.c1.connector.v2.Capability;
import dev.baton.aws.proto.c1.connector.v2.CapabilityDetailCredentialOption;
import dev.baton.aws.proto.c1.connector.v2.CapabilityPermissions;
import dev.baton.aws.proto.c1.connector.v2.ConnectorCapabilities;
import dev.baton.aws.proto.c1.connector.v2.CredentialDetails;
import dev.baton.aws.proto.c1.connector.v2.CredentialDetailsAccountProvisioning;
import dev.baton.aws.proto.c1.connector.v2.OptInRequired;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.ResourceTypeCapability;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The connector's capabilities, computed from the resource type table and the write capabilities registered per
 * type, in the shape the baton SDK prints: types sorted by id, per-type capabilities in the SDK's order, the
 * connector-level union sorted by enum number.
 */
final class CapabilitiesReport {
    /** The order the SDK lists per-type capabilities in, after SYNC. */
    private static final List<Capability> WRITE_ORDER = List.of(
            Capability.CAPABILITY_PROVISION,
            Capability.CAPABILITY_ACCOUNT_PROVISIONING,
            Capability.CAPABILITY_RESOURCE_DELETE,
            Capability.CAPABILITY_RESOURCE_CREATE,
            Capability.CAPABILITY_CREDENTIAL_ROTATION);

    private final List<ResourceType> types;
    private final Function<String, Set<Capability>> writeCapabilities;

    CapabilitiesReport(List<ResourceType> types, Function<String, Set<Capability>> writeCapabilities) {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.writeCapabilities = requireNonNull(writeCapabilities, "writeCapabilities is null");
    }

    ConnectorCapabilities capabilities() {
        List<ResourceType> sorted = new ArrayList<>(types);
        sorted.sort(Comparator.comparing(ResourceType::getId));
        Set<Capability> union = new TreeSet<>(Comparator.comparingInt(Capability::getNumber));
        ConnectorCapabilities.Builder builder = ConnectorCapabilities.newBuilder();
        for (ResourceType type : sorted) {
            ResourceTypeCapability entry = entry(type);
            union.addAll(entry.getCapabilitiesList());
            builder.addResourceTypeCapabilities(entry);
        }
        return builder.addAllConnectorCapabilities(union)
                .setCredentialDetails(credentialDetails(union))
                .build();
    }

    /** Protojson of {@code Any.pack(capabilities())}, two-space indent, no trailing newline (as the SDK prints). */
    String json() throws IOException {
        return IndentedJson.of(
                JsonFormat.printer().usingTypeRegistry(typeRegistry()).print(Any.pack(capabilities())));
    }

    private ResourceTypeCapability entry(ResourceType type) {
        Set<Capability> registered = writeCapabilities.apply(type.getId());
        List<Capability> capabilities = new ArrayList<>();
        capabilities.add(Capability.CAPABILITY_SYNC);
        WRITE_ORDER.stream().filter(registered::contains).forEach(capabilities::add);
        return ResourceTypeCapability.newBuilder()
                .setResourceType(type)
                .addAllCapabilities(capabilities)
                .setPermissions(
                        annotation(type, CapabilityPermissions.class, CapabilityPermissions.getDefaultInstance()))
                .setOptInRequired(type.getAnnotationsList().stream().anyMatch(any -> any.is(OptInRequired.class)))
                .build();
    }

    private static CredentialDetails credentialDetails(Set<Capability> union) {
        if (!union.contains(Capability.CAPABILITY_ACCOUNT_PROVISIONING)) {
            return CredentialDetails.getDefaultInstance();
        }
        // accounts are created without a password: IAM users get no login profile, SSO users sign in via the IdP
        CapabilityDetailCredentialOption noPassword =
                CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_NO_PASSWORD;
        return CredentialDetails.newBuilder()
                .setCapabilityAccountProvisioning(CredentialDetailsAccountProvisioning.newBuilder()
                        .addSupportedCredentialOptions(noPassword)
                        .setPreferredCredentialOption(noPassword))
                .build();
    }

    private static <T extends com.google.protobuf.Message> T annotation(ResourceType type, Class<T> kind, T absent) {
        for (Any any : type.getAnnotationsList()) {
            if (any.is(kind)) {
                try {
                    return any.unpack(kind);
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException("corrupt " + kind.getSimpleName() + " on " + type.getId(), e);
                }
            }
        }
        return absent;
    }

    /** Every message type of the c1 protos, so the annotations inside each resource type print as JSON. */
    private static JsonFormat.TypeRegistry typeRegistry() {
        JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder();
        Deque<FileDescriptor> pending =
                new ArrayDeque<>(List.of(ConnectorCapabilities.getDescriptor().getFile()));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            FileDescriptor file = pending.pop();
            if (seen.add(file.getName())) {
                registry.add(file.getMessageTypes());
                pending.addAll(file.getDependencies());
            }
        }
        return registry.build();
    }
}
