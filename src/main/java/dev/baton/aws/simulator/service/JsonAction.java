package dev.baton.aws.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON 1.1 operation: the request body in, the response body out; failures are thrown as {@link AwsFault}. */
@FunctionalInterface
public interface JsonAction {
    JsonNode handle(Caller caller, JsonNode request);
}
