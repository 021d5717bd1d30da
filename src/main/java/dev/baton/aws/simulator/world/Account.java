package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An AWS account. {@code parentId} is the root or OU holding it, null when there is no organization. */
public record Account(
        String id, String name, String email, String status, String parentId, List<String> aliases, AccountIam iam) {
    public Account {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(email, "email is null");
        requireNonNull(status, "status is null");
        aliases = List.copyOf(aliases);
        requireNonNull(iam, "iam is null");
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public String rootArn() {
        return "arn:aws:iam::" + id + ":root";
    }

    public Account withIam(AccountIam newIam) {
        return new Account(id, name, email, status, parentId, aliases, newIam);
    }
}
