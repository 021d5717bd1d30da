package dev.baton.aws.spi;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.List;

/**
 * What a write did: the grants or resources it produced and the annotations that describe the outcome
 * ({@code GrantAlreadyExists}, {@code GrantAlreadyRevoked}, {@code ResourceDoesNotExist}, {@code RequestId}).
 */
public record ProvisionResult(List<Grant> grants, List<Resource> resources, List<Any> annotations) {
    public ProvisionResult {
        grants = List.copyOf(requireNonNull(grants, "grants is null"));
        resources = List.copyOf(requireNonNull(resources, "resources is null"));
        annotations = List.copyOf(requireNonNull(annotations, "annotations is null"));
    }

    public static ProvisionResult ofAnnotations(List<Any> annotations) {
        return new ProvisionResult(List.of(), List.of(), annotations);
    }
}
