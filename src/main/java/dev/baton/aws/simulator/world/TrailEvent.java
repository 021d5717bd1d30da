package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A CloudTrail event about an Identity Center user ({@code userId} is the identity-store user id). */
public record TrailEvent(
        String eventId, Instant eventTime, String eventName, String eventSource, String accountId, String userId) {
    public TrailEvent {
        requireNonNull(eventId, "eventId is null");
        requireNonNull(eventTime, "eventTime is null");
        requireNonNull(eventName, "eventName is null");
        requireNonNull(eventSource, "eventSource is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(userId, "userId is null");
    }
}
