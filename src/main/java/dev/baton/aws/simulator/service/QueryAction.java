package dev.baton.aws.simulator.service;

import dev.baton.aws.simulator.protocol.QueryRequest;

/**
 * One awsQuery operation. Returns the XML inside {@code <ActionResult>}, or null for actions AWS answers without
 * a Result element (DeleteUser, AddUserToGroup, …); failures are thrown as {@link AwsFault}.
 */
@FunctionalInterface
public interface QueryAction {
    String handle(Caller caller, QueryRequest request);
}
