package dev.baton.aws.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.simulator.world.AccountIam;
import java.util.List;
import java.util.Map;

/**
 * Users, groups and roles carry inline and attached policies the same way; this lets one handler serve
 * {@code GetUserPolicy}, {@code GetGroupPolicy} and {@code GetRolePolicy} (and the attach/detach/list variants).
 */
enum IamPrincipalKind {
    USER("User"),
    GROUP("Group"),
    ROLE("Role");

    private final String label;

    IamPrincipalKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** {@code UserName}, {@code GroupName} or {@code RoleName}. */
    String nameParameter() {
        return label + "Name";
    }

    Map<String, JsonNode> inline(AccountIam iam, String name) {
        return switch (this) {
            case USER -> IamLookup.user(iam, name).inlinePolicies();
            case GROUP -> IamLookup.group(iam, name).inlinePolicies();
            case ROLE -> IamLookup.role(iam, name).inlinePolicies();
        };
    }

    List<String> attached(AccountIam iam, String name) {
        return switch (this) {
            case USER -> IamLookup.user(iam, name).attachedPolicies();
            case GROUP -> IamLookup.group(iam, name).attachedPolicies();
            case ROLE -> IamLookup.role(iam, name).attachedPolicies();
        };
    }

    AccountIam withInline(AccountIam iam, String name, Map<String, JsonNode> policies) {
        return switch (this) {
            case USER -> iam.updateUser(name, user -> user.withInlinePolicies(policies));
            case GROUP -> iam.updateGroup(name, group -> group.withInlinePolicies(policies));
            case ROLE -> iam.updateRole(name, role -> role.withInlinePolicies(policies));
        };
    }

    AccountIam withAttached(AccountIam iam, String name, List<String> arns) {
        return switch (this) {
            case USER -> iam.updateUser(name, user -> user.withAttachedPolicies(arns));
            case GROUP -> iam.updateGroup(name, group -> group.withAttachedPolicies(arns));
            case ROLE -> iam.updateRole(name, role -> role.withAttachedPolicies(arns));
        };
    }
}
