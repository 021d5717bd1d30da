package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A root or organizational unit; roots and OUs nest the same way, so one record serves both. */
public record OrgUnit(String id, String name, List<OrgUnit> children) {
    public OrgUnit {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        children = List.copyOf(children);
    }
}
