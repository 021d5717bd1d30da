package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of a running sync: one at the start, then one every {@link SyncOptions#progressInterval()}.
 *
 * @param typesDone        resource types whose work in this phase is finished
 * @param apiCalls         remote calls so far, all services
 * @param throttled        remote calls AWS throttled so far
 * @param listingsDone     pages of listings finished
 * @param listingsPending  pages of listings queued or running (more may be discovered)
 * @param layersDone       grant expansion: layers of the entitlement graph expanded (0 before expansion)
 * @param layers           grant expansion: layers in all (0 before expansion)
 * @param accountsDone     accounts with nothing left to list ({@link SyncOptions#accountTypes()})
 * @param accountsTotal    accounts listed so far; 0 when the sync counts none (then no account figures show)
 */
public record SyncProgress(
        SyncPhase phase,
        int typesDone,
        int typesTotal,
        long resources,
        long entitlements,
        long grants,
        long apiCalls,
        long throttled,
        long listingsDone,
        long listingsPending,
        int layersDone,
        int layers,
        Duration elapsed,
        int accountsDone,
        int accountsTotal) {
    public SyncProgress {
        requireNonNull(phase, "phase is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    /** A snapshot of a sync that counts no accounts. */
    public SyncProgress(
            SyncPhase phase,
            int typesDone,
            int typesTotal,
            long resources,
            long entitlements,
            long grants,
            long apiCalls,
            long throttled,
            long listingsDone,
            long listingsPending,
            int layersDone,
            int layers,
            Duration elapsed) {
        this(
                phase,
                typesDone,
                typesTotal,
                resources,
                entitlements,
                grants,
                apiCalls,
                throttled,
                listingsDone,
                listingsPending,
                layersDone,
                layers,
                elapsed,
                0,
                0);
    }

    /** Remote calls per second over the whole run so far. */
    public double callsPerSecond() {
        long millis = elapsed.toMillis();
        return millis <= 0 ? 0 : apiCalls * 1000.0 / millis;
    }

    /**
     * A rough estimate of the time left while listing: the time spent per finished page times the pages still
     * queued. Listings found later make it grow; empty before the first page is done and during expansion.
     */
    public Optional<Duration> remaining() {
        if (phase == SyncPhase.GRANT_EXPANSION) {
            if (layersDone == 0 || layers == 0) {
                return Optional.empty();
            }
            return Optional.of(elapsedPer(layersDone).multipliedBy(layers - layersDone));
        }
        if (listingsDone == 0) {
            return Optional.empty();
        }
        return Optional.of(elapsedPer(listingsDone).multipliedBy(listingsPending));
    }

    private Duration elapsedPer(long done) {
        return Duration.ofMillis(elapsed.toMillis() / done);
    }

    /**
     * One line, e.g.
     * {@code sync: grants, accounts 57/192, types 3/14, 1200 resources, 300 entitlements, 5000 grants, 812 API calls
     * (40/s), 2 throttled, listings 120 done/35 queued, 12s, about 4s left}.
     */
    public String render() {
        StringBuilder line = new StringBuilder("sync: ").append(phase.label());
        if (phase == SyncPhase.GRANT_EXPANSION) {
            line.append(' ').append(layersDone).append('/').append(layers).append(" layers");
        }
        if (accountsTotal > 0) {
            line.append(", accounts ").append(accountsDone).append('/').append(accountsTotal);
        }
        line.append(", types ")
                .append(typesDone)
                .append('/')
                .append(typesTotal)
                .append(", ")
                .append(resources)
                .append(" resources, ")
                .append(entitlements)
                .append(" entitlements, ")
                .append(grants)
                .append(" grants, ")
                .append(apiCalls)
                .append(" API calls (")
                .append(Math.round(callsPerSecond()))
                .append("/s), ")
                .append(throttled)
                .append(" throttled, listings ")
                .append(listingsDone)
                .append(" done/")
                .append(listingsPending)
                .append(" queued, ")
                .append(elapsed.toSeconds())
                .append('s');
        remaining()
                .ifPresent(
                        left -> line.append(", about ").append(left.toSeconds()).append("s left"));
        return line.toString();
    }

    /** The same facts as named values, for structured (JSON) logs. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("phase", phase.label());
        if (accountsTotal > 0) {
            fields.put("accounts_done", accountsDone);
            fields.put("accounts_total", accountsTotal);
        }
        fields.put("types_done", typesDone);
        fields.put("types_total", typesTotal);
        fields.put("resources", resources);
        fields.put("entitlements", entitlements);
        fields.put("grants", grants);
        fields.put("api_calls", apiCalls);
        fields.put("calls_per_second", Math.round(callsPerSecond() * 10) / 10.0);
        fields.put("throttled", throttled);
        fields.put("listings_done", listingsDone);
        fields.put("listings_pending", listingsPending);
        if (phase == SyncPhase.GRANT_EXPANSION) {
            fields.put("expansion_layers_done", layersDone);
            fields.put("expansion_layers", layers);
        }
        fields.put("elapsed_seconds", elapsed.toMillis() / 1000.0);
        remaining().ifPresent(left -> fields.put("eta_seconds", left.toSeconds()));
        return fields;
    }
}
