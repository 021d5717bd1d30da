package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.AccessKey;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.SigningCertificate;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GenerateCredentialReport} / {@code GetCredentialReport} with AWS's CSV columns. A report is a snapshot
 * taken at generation. As in AWS, a report is generated at most once every four hours: Generate answers STARTED
 * and takes a new snapshot when there is no report or the latest is older than that, and otherwise answers
 * COMPLETE and keeps the latest report, which Get then returns unchanged. The simulator builds a report at once,
 * so a Get right after STARTED already succeeds (AWS may answer 404 {@code ReportInProgress} for a few seconds).
 * Get before any Generate → 410 {@code ReportNotPresent}.
 */
final class CredentialReportActions {
    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    /** AWS generates a new report only when the latest one is older than this. */
    static final Duration REGENERATE_AFTER = Duration.ofHours(4);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final WorldState state;
    private final ConcurrentMap<String, Report> reports = new ConcurrentHashMap<>();

    CredentialReportActions(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("GenerateCredentialReport", this::generate);
        actions.put("GetCredentialReport", this::get);
    }

    private String generate(Caller caller, QueryRequest request) {
        Account account = IamLookup.account(state.world(), caller);
        Instant now = state.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        AtomicBoolean started = new AtomicBoolean();
        reports.compute(account.id(), (id, latest) -> {
            if (latest != null && latest.generated().plus(REGENERATE_AFTER).isAfter(now)) {
                return latest;
            }
            started.set(true);
            return new Report(now, csv(account));
        });
        return started.get()
                ? new XmlWriter()
                        .element("State", "STARTED")
                        .element("Description", "No report exists. Starting a new report generation task")
                        .toString()
                : new XmlWriter().element("State", "COMPLETE").toString();
    }

    private String get(Caller caller, QueryRequest request) {
        Report report = reports.get(caller.accountId());
        if (report == null) {
            throw new AwsFault(
                    410,
                    "ReportNotPresent",
                    "Credential report not present. Call "
                            + "GenerateCredentialReport to generate a credential report.");
        }
        return new XmlWriter()
                .element(
                        "Content",
                        Base64.getEncoder().encodeToString(report.csv().getBytes(StandardCharsets.UTF_8)))
                .element("ReportFormat", "text/csv")
                .element("GeneratedTime", report.generated())
                .toString();
    }

    /** The report of one account: the root row first, then every user, one line each. */
    static String csv(Account account) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append(String.join(
                ",",
                "<root_account>",
                account.rootArn(),
                time(WorldLoader.DEFAULT_DATE),
                "not_supported",
                "no_information",
                "not_supported",
                "not_supported",
                "false",
                "false",
                "N/A",
                "N/A",
                "N/A",
                "N/A",
                "false",
                "N/A",
                "N/A",
                "N/A",
                "N/A",
                "false",
                "N/A",
                "false",
                "N/A"));
        for (IamUser user : account.iam().users()) {
            out.append('\n').append(userRow(user, account.id()));
        }
        return out.toString();
    }

    private static String userRow(IamUser user, String accountId) {
        StringBuilder row = new StringBuilder();
        row.append(user.name())
                .append(',')
                .append(user.arn(accountId))
                .append(',')
                .append(time(user.createDate()));
        boolean password = user.loginProfile();
        row.append(',').append(password);
        row.append(',')
                .append(
                        !password
                                ? "N/A"
                                : user.passwordLastUsed() == null ? "no_information" : time(user.passwordLastUsed()));
        row.append(',').append(password ? time(user.createDate()) : "N/A").append(",N/A");
        row.append(',').append(!user.mfaDevices().isEmpty());
        List<AccessKey> keys = user.accessKeys();
        for (int i = 0; i < 2; i++) {
            row.append(',').append(key(i < keys.size() ? keys.get(i) : null));
        }
        List<SigningCertificate> certificates = user.signingCertificates();
        for (int i = 0; i < 2; i++) {
            SigningCertificate cert = i < certificates.size() ? certificates.get(i) : null;
            row.append(',')
                    .append(cert != null && cert.status().equals("Active"))
                    .append(',')
                    .append(cert == null ? "N/A" : time(cert.uploadDate()));
        }
        return row.toString();
    }

    private static String key(AccessKey key) {
        if (key == null) {
            return "false,N/A,N/A,N/A,N/A";
        }
        String used = key.lastUsed() == null
                ? "N/A,N/A,N/A"
                : time(key.lastUsed().date()) + "," + key.lastUsed().region() + ","
                        + key.lastUsed().service();
        return key.active() + "," + time(key.createDate()) + "," + used;
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private record Report(Instant generated, String csv) {}
}
