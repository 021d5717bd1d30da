package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonReplies.object;
import static dev.baton.aws.simulator.service.JsonReplies.putIfPresent;
import static dev.baton.aws.simulator.service.JsonReplies.putTime;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.AccountAssignment;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.ProvisionedPermissionSet;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The asynchronous side of account assignments. AWS accepts CreateAccountAssignment and DeleteAccountAssignment
 * with status IN_PROGRESS and applies them later; callers poll the status by request id. Here a request falls due
 * {@code limits.assignmentDelayMs} after it was made, by the world's clock, and is applied to the world the next
 * time any SSO Admin or Identity Store call {@link #settle()}s, so tests drive time instead of sleeping.
 */
public final class AccountAssignmentRequests {
    private final WorldState state;
    private final Map<String, Request> byId = new LinkedHashMap<>();
    private long sequence;

    public AccountAssignmentRequests(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    /** One SSO Admin write or status call, already past the caller and instance checks. */
    @FunctionalInterface
    interface Operation {
        JsonNode apply(JsonRequest request);
    }

    private enum Kind {
        CREATE,
        DELETE
    }

    private record Request(
            String id,
            Kind kind,
            AccountAssignment assignment,
            Instant createdAt,
            Instant dueAt,
            String status,
            String failureReason) {
        Request settled(String newStatus, String reason) {
            return new Request(id, kind, assignment, createdAt, dueAt, newStatus, reason);
        }
    }

    JsonNode create(JsonRequest request) {
        return status("AccountAssignmentCreationStatus", submit(Kind.CREATE, request));
    }

    JsonNode delete(JsonRequest request) {
        return status("AccountAssignmentDeletionStatus", submit(Kind.DELETE, request));
    }

    JsonNode creationStatus(JsonRequest request) {
        return status(
                "AccountAssignmentCreationStatus",
                find(Kind.CREATE, request.required("AccountAssignmentCreationRequestId")));
    }

    JsonNode deletionStatus(JsonRequest request) {
        return status(
                "AccountAssignmentDeletionStatus",
                find(Kind.DELETE, request.required("AccountAssignmentDeletionRequestId")));
    }

    /** Applies every request that has fallen due, oldest first; each is applied exactly once. */
    public synchronized void settle() {
        Instant now = state.clock().instant();
        for (Request request : List.copyOf(byId.values())) {
            if (request.status().equals("IN_PROGRESS") && !now.isBefore(request.dueAt())) {
                byId.put(request.id(), state.updateAndGet(world -> apply(world, request)));
            }
        }
    }

    private synchronized Request submit(Kind kind, JsonRequest request) {
        String targetType = request.required("TargetType");
        if (!targetType.equals("AWS_ACCOUNT")) {
            throw new AwsFault(400, SsoAdminService.VALIDATION, "TargetType must be AWS_ACCOUNT");
        }
        World world = state.world();
        String permissionSetArn =
                SsoAdminService.permissionSet(world.identityCenter(), request).arn();
        AccountAssignment assignment = new AccountAssignment(
                request.required("TargetId"),
                permissionSetArn,
                principalType(request),
                request.required("PrincipalId"));
        boolean busy = byId.values().stream()
                .anyMatch(other -> other.status().equals("IN_PROGRESS")
                        && other.assignment().equals(assignment));
        if (busy) {
            throw new AwsFault(
                    400,
                    "ConflictException",
                    "An account assignment operation for this principal,"
                            + " permission set and account is already in progress.");
        }
        Instant now = state.clock().instant();
        String id = UUID.nameUUIDFromBytes(
                        (kind + "#" + (++sequence) + "#" + assignment).getBytes(StandardCharsets.UTF_8))
                .toString();
        Request accepted = new Request(
                id, kind, assignment, now, now.plusMillis(world.limits().assignmentDelayMs()), "IN_PROGRESS", null);
        byId.put(id, accepted);
        return accepted;
    }

    private synchronized Request find(Kind kind, String id) {
        Request request = byId.get(id);
        if (request == null || request.kind() != kind) {
            throw new AwsFault(400, "ResourceNotFoundException", "Could not find the request with id " + id);
        }
        return request;
    }

    /** Decides the outcome when the request is processed, as AWS does, then changes the world on success. */
    private static WorldState.Change<Request> apply(World world, Request request) {
        AccountAssignment assignment = request.assignment();
        String reason = failureReason(world, request);
        if (reason != null) {
            return new WorldState.Change<>(world, request.settled("FAILED", reason));
        }
        IdentityCenter identityCenter = world.identityCenter();
        List<AccountAssignment> assignments = new ArrayList<>(identityCenter.assignments());
        IdentityCenter changed;
        if (request.kind() == Kind.CREATE) {
            if (!assignments.contains(assignment)) {
                assignments.add(assignment);
            }
            changed = provisionIfListed(identityCenter.withAssignments(assignments), assignment);
        } else {
            assignments.remove(assignment);
            changed = identityCenter.withAssignments(assignments);
        }
        return new WorldState.Change<>(world.withIdentityCenter(changed), request.settled("SUCCEEDED", null));
    }

    private static String failureReason(World world, Request request) {
        AccountAssignment assignment = request.assignment();
        Account account = world.account(assignment.accountId()).orElse(null);
        if (account == null) {
            return "Received a 404 status error: account " + assignment.accountId() + " was not found";
        }
        if (!account.active()) {
            return "Account " + account.id() + " is not active (status " + account.status() + ")";
        }
        IdentityCenter identityCenter = world.identityCenter();
        boolean principalExists = assignment.principalType().equals("USER")
                ? identityCenter.user(assignment.principalId()).isPresent()
                : identityCenter.group(assignment.principalId()).isPresent();
        if (request.kind() == Kind.CREATE && !principalExists) {
            return "Received a 404 status error: principal " + assignment.principalId() + " was not found";
        }
        // AWS fails the deletion of an absent assignment with this 404 text, which callers treat as "already revoked".
        if (request.kind() == Kind.DELETE && !identityCenter.assignments().contains(assignment)) {
            return "Received a 404 status error: the account assignment does not exist";
        }
        return null;
    }

    /** Creating an assignment provisions its permission set to the account; a derived list does so by itself. */
    private static IdentityCenter provisionIfListed(IdentityCenter identityCenter, AccountAssignment assignment) {
        if (identityCenter.provisioned() == null) {
            return identityCenter;
        }
        var pair = new ProvisionedPermissionSet(assignment.permissionSetArn(), assignment.accountId());
        if (identityCenter.provisioned().contains(pair)) {
            return identityCenter;
        }
        List<ProvisionedPermissionSet> provisioned = new ArrayList<>(identityCenter.provisioned());
        provisioned.add(pair);
        return identityCenter.withProvisioned(provisioned);
    }

    static String principalType(JsonRequest request) {
        String type = request.required("PrincipalType");
        if (!type.equals("USER") && !type.equals("GROUP")) {
            throw new AwsFault(400, SsoAdminService.VALIDATION, "PrincipalType must be USER or GROUP");
        }
        return type;
    }

    private static JsonNode status(String member, Request request) {
        AccountAssignment assignment = request.assignment();
        ObjectNode status = object().put("Status", request.status()).put("RequestId", request.id());
        putIfPresent(status, "FailureReason", request.failureReason())
                .put("TargetId", assignment.accountId())
                .put("TargetType", "AWS_ACCOUNT")
                .put("PermissionSetArn", assignment.permissionSetArn())
                .put("PrincipalType", assignment.principalType())
                .put("PrincipalId", assignment.principalId());
        putTime(status, "CreatedDate", request.createdAt());
        ObjectNode reply = object();
        reply.set(member, status);
        return reply;
    }
}
