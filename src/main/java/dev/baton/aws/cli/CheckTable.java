package dev.baton.aws.cli;

import dev.baton.aws.connector.permissions.CheckResult;
import java.util.List;
import java.util.Locale;

/** The human table of {@code baton-aws check}: permission, account, status, what a sync loses without it. */
final class CheckTable {
    private CheckTable() {}

    static String render(List<CheckResult> results) {
        int action = "PERMISSION".length();
        int account = "ACCOUNT".length();
        int status = "STATUS".length();
        for (CheckResult result : results) {
            action = Math.max(action, result.action().length());
            account = Math.max(account, result.account().length());
            status = Math.max(status, status(result).length());
        }
        String format = "%-" + action + "s  %-" + account + "s  %-" + status + "s  %s%n";
        StringBuilder out = new StringBuilder(String.format(format, "PERMISSION", "ACCOUNT", "STATUS", "WITHOUT IT"));
        for (CheckResult result : results) {
            out.append(String.format(format, result.action(), result.account(), status(result), result.loss()));
        }
        long denied = results.stream()
                .filter(r -> r.status() == CheckResult.Status.DENIED)
                .count();
        long notProbed = results.stream()
                .filter(r -> r.status() == CheckResult.Status.NOT_PROBED)
                .count();
        out.append(denied == 0 ? "all probed permissions granted" : denied + " permission(s) denied")
                .append(notProbed == 0 ? "" : "; " + notProbed + " not probed")
                .append('\n');
        return out.toString();
    }

    private static String status(CheckResult result) {
        String status = switch (result.status()) {
            case OK -> "ok";
            case DENIED -> "denied";
            case NOT_PROBED -> "not probed";
        };
        return result.detail().isEmpty() ? status : status + " (" + result.detail() + ")";
    }

    static String lower(CheckResult.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
