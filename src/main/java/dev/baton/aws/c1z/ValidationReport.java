package dev.baton.aws.c1z;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link C1zValidator} found in one file.
 *
 * @param violations the violations shown, at most 20 per check
 * @param countsByCheck every violation counted, by check
 * @param notes remarks that are not violations
 * @param summary rows checked, e.g. {@code resource_types 3, resources 4, entitlements 2, grants 3}
 * @param syncs one line per sync run checked: its id, type, state and resources by type
 */
public record ValidationReport(
        Path file,
        List<Violation> violations,
        Map<String, Integer> countsByCheck,
        List<String> notes,
        String summary,
        List<String> syncs) {
    public ValidationReport {
        Objects.requireNonNull(file, "file is null");
        violations = List.copyOf(violations);
        countsByCheck = Map.copyOf(countsByCheck);
        notes = List.copyOf(notes);
        syncs = List.copyOf(syncs);
    }

    public boolean valid() {
        return countsByCheck.isEmpty();
    }

    public int violationCount() {
        return countsByCheck.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line per violation shown (and one per check whose further violations are not shown), then a summary. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Violation violation : violations) {
            lines.add(violation.line());
        }
        countsByCheck.forEach((check, count) -> {
            if (count > Violations.SHOWN_PER_CHECK) {
                lines.add("FAIL [" + check + "] ... " + (count - Violations.SHOWN_PER_CHECK)
                        + " more violations of this check not shown");
            }
        });
        lines.add(
                valid()
                        ? file + ": ok (" + summary + ")"
                        : file + ": " + violationCount() + (violationCount() == 1 ? " violation (" : " violations (")
                                + summary + ")");
        return lines;
    }
}
