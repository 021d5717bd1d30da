package dev.baton.aws.c1z;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds an output lock: written into the lock file so a second run can name the holder, and so a lock left by
 * a killed run can be recognized.
 */
public record LockRecord(long pid, Instant startedAt, String host) {
    public LockRecord {
        Objects.requireNonNull(startedAt, "startedAt is null");
        Objects.requireNonNull(host, "host is null");
    }

    static LockRecord current(Instant now) {
        return new LockRecord(ProcessHandle.current().pid(), now, HostName.local());
    }

    byte[] bytes() {
        return ("pid=" + pid + "\nstarted=" + startedAt + "\nhost=" + host + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Empty when {@code bytes} is not a complete record (an empty file, or one cut short by a crash). */
    static Optional<LockRecord> parse(byte[] bytes) {
        Map<String, String> fields = new HashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
        try {
            return Optional.of(new LockRecord(
                    Long.parseLong(fields.getOrDefault("pid", "")),
                    Instant.parse(fields.getOrDefault("started", "")),
                    fields.getOrDefault("host", "")));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether this process still runs; only knowable for records of this host. */
    boolean aliveOnThisHost() {
        return host.equals(HostName.local()) && ScratchNames.alive(pid);
    }

    /** {@code pid 123 on host h, started 2026-12-05T13:10:00Z}. */
    public String describe() {
        return "pid " + pid + " on host " + host + ", started " + startedAt;
    }
}
