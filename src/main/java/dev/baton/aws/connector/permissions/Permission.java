package dev.baton.aws.connector.permissions;

import static java.util.Objects.requireNonNull;

/**
 * One IAM action a run needs.
 *
 * @param action   e.g. {@code iam:GetAccountAuthorizationDetails}
 * @param resource the resource the policy grants it on ({@code *} unless AWS can scope it usefully)
 * @param write    true for actions that change AWS (only with provisioning); {@code check} does not call them
 * @param loss     what a run loses without it
 */
public record Permission(String action, String resource, boolean write, String loss) {
    public Permission {
        requireNonNull(action, "action is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(loss, "loss is null");
    }

    public String service() {
        return action.substring(0, action.indexOf(':'));
    }
}
