package dev.baton.aws.simulator;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.world.Secret;
import java.net.URI;

/**
 * What a connector needs to talk to a running simulator: the endpoint ({@code AWS_ENDPOINT_URL}), the long-term
 * key of the connector user, the region, and the connector role with its external id (null when the role's trust
 * policy asks for none).
 */
public record ConnectionFacts(
        URI endpoint, String accessKeyId, Secret secretAccessKey, String region, String roleArn, String externalId) {
    public ConnectionFacts {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(region, "region is null");
        requireNonNull(roleArn, "roleArn is null");
    }
}
