package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.ManagedPolicy;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWS's evaluation of identity-based policies, for sessions of roles marked {@code policiesEnforced}: a call is
 * allowed only when a statement of the role's inline or attached policies allows it and none denies it. Other
 * callers keep the simulator's default (everything not in their {@code deny} list is allowed), so existing worlds
 * behave as before.
 *
 * <p>What is modelled: {@code Effect}, {@code Action}/{@code NotAction} and {@code Resource}/{@code NotResource}
 * with IAM wildcards. The simulator knows the resource of {@code sts:AssumeRole} (the role ARN); every other call
 * counts as a call on an unnamed resource, which only {@code "Resource": "*"} matches. A CreateUser with tags is
 * also checked as {@code iam:TagUser}. Conditions are not
 * evaluated: an Allow statement with a condition allows nothing, a Deny statement with one always applies, so a
 * policy can only be judged stricter than AWS would. {@code sts:GetCallerIdentity} is always allowed, as in AWS.
 */
public final class IdentityPolicyCheck {
    private static final String ASSUMED_ROLE = ":assumed-role/";

    private final WorldState state;

    public IdentityPolicyCheck(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    /**
     * The check of a query-protocol call (IAM, STS): AssumeRole names its role; CreateUser with tags also needs
     * {@code iam:TagUser}, as in AWS.
     */
    public void checkQuery(Caller caller, String action, QueryRequest request) {
        check(caller, action, action.equals("sts:AssumeRole") ? request.get("RoleArn") : null, "AccessDenied", 403);
        if (action.equals("iam:CreateUser") && request.get("Tags.member.1.Key") != null) {
            check(caller, "iam:TagUser", null, "AccessDenied", 403);
        }
    }

    /**
     * Throws the service's access-denied fault when {@code caller} is a session of an enforced role whose
     * policies do not allow {@code action} on {@code resource} (null when the simulator does not name it).
     */
    public void check(Caller caller, String action, String resource, String errorCode, int httpStatus) {
        if (action.equalsIgnoreCase("sts:GetCallerIdentity")) {
            return;
        }
        World world = state.world();
        Optional<IamRole> role = enforcedRole(world, caller);
        if (role.isEmpty()) {
            return;
        }
        boolean allowed = false;
        for (JsonNode statement : statements(world, caller.accountId(), role.get())) {
            if (!applies(statement, action, resource)) {
                continue;
            }
            boolean conditional = statement.has("Condition");
            if ("Deny".equals(statement.path("Effect").asText())) {
                throw denied(
                        caller,
                        action,
                        resource,
                        "with an explicit deny in an identity-based policy",
                        errorCode,
                        httpStatus);
            }
            allowed |= "Allow".equals(statement.path("Effect").asText()) && !conditional;
        }
        if (!allowed) {
            throw denied(
                    caller,
                    action,
                    resource,
                    "because no identity-based policy allows the " + action + " action",
                    errorCode,
                    httpStatus);
        }
    }

    private static Optional<IamRole> enforcedRole(World world, Caller caller) {
        int at = caller.principalArn().indexOf(ASSUMED_ROLE);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = caller.principalArn().substring(at + ASSUMED_ROLE.length());
        String roleName = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        return world.account(caller.accountId())
                .flatMap(account -> account.iam().role(roleName))
                .filter(IamRole::policiesEnforced);
    }

    /** Every statement of the role's inline policies and of the managed policies attached to it. */
    private static List<JsonNode> statements(World world, String accountId, IamRole role) {
        List<JsonNode> documents = new ArrayList<>(role.inlinePolicies().values());
        Account account = world.account(accountId).orElseThrow();
        for (String arn : role.attachedPolicies()) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            Optional<ManagedPolicy> policy = arn.startsWith("arn:aws:iam::aws:")
                    ? world.awsManagedPolicy(name)
                    : account.iam().policy(name);
            policy.ifPresent(found -> documents.add(found.document()));
        }
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode document : documents) {
            JsonNode statement = document.path("Statement");
            if (statement.isArray()) {
                statement.forEach(statements::add);
            } else if (statement.isObject()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    private static boolean applies(JsonNode statement, String action, String resource) {
        boolean actionMatches = statement.has("NotAction")
                ? !anyMatches(statement.get("NotAction"), action)
                : anyMatches(statement.path("Action"), action);
        if (!actionMatches) {
            return false;
        }
        if (statement.has("NotResource")) {
            return !resourceMatches(statement.get("NotResource"), resource);
        }
        return resourceMatches(statement.path("Resource"), resource);
    }

    private static boolean anyMatches(JsonNode patterns, String action) {
        return values(patterns).stream().anyMatch(pattern -> Caller.matches(pattern, action));
    }

    private static boolean resourceMatches(JsonNode patterns, String resource) {
        return values(patterns).stream()
                .anyMatch(pattern -> resource == null ? pattern.equals("*") : Caller.matches(pattern, resource));
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(element -> values.add(element.asText()));
        }
        return values;
    }

    private static AwsFault denied(
            Caller caller, String action, String resource, String reason, String errorCode, int httpStatus) {
        return new AwsFault(
                httpStatus,
                errorCode,
                "User: " + caller.principalArn() + " is not authorized to perform: " + action
                        + (resource == null ? "" : " on resource: " + resource) + " " + reason);
    }
}
