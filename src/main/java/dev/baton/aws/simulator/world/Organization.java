package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The AWS organization: every account of the world belongs to it. */
public record Organization(String id, String managementAccountId, List<OrgUnit> roots) {
    public Organization {
        requireNonNull(id, "id is null");
        requireNonNull(managementAccountId, "managementAccountId is null");
        roots = List.copyOf(roots);
    }

    public String arn() {
        return "arn:aws:organizations::" + managementAccountId + ":organization/" + id;
    }

    /** Finds a root or OU anywhere in the tree. */
    public Optional<OrgUnit> unit(String unitId) {
        return allUnits().stream().filter(unit -> unit.id().equals(unitId)).findFirst();
    }

    /** The parent of a root or OU; empty for roots and unknown ids. */
    public Optional<OrgUnit> parentOf(String unitId) {
        return allUnits().stream()
                .filter(unit ->
                        unit.children().stream().anyMatch(child -> child.id().equals(unitId)))
                .findFirst();
    }

    /** Every root and OU, depth first, roots first. */
    public List<OrgUnit> allUnits() {
        List<OrgUnit> result = new ArrayList<>();
        roots.forEach(root -> collect(root, result));
        return result;
    }

    private static void collect(OrgUnit unit, List<OrgUnit> into) {
        into.add(unit);
        unit.children().forEach(child -> collect(child, into));
    }
}
