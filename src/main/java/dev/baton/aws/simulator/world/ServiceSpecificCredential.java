package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A service-specific credential (CodeCommit, Keyspaces, ...). */
public record ServiceSpecificCredential(
        String id, String serviceName, String serviceUserName, String status, Instant createDate) {
    public ServiceSpecificCredential {
        requireNonNull(id, "id is null");
        requireNonNull(serviceName, "serviceName is null");
        requireNonNull(serviceUserName, "serviceUserName is null");
        requireNonNull(status, "status is null");
        requireNonNull(createDate, "createDate is null");
    }
}
