package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * Last Identity Center sign-in per user from CloudTrail, collected once per sync: {@code cloudtrail:LookupEvents}
 * for event source {@code sso.amazonaws.com} over the configured window (all pages), keeping {@code Authenticate}
 * and {@code Federate} events and the latest time per {@code userIdentity.onBehalfOf.userId} of our identity store.
 * Without {@code cloudtrail:LookupEvents} the sync continues with one warning and no last-login times: they are an
 * enrichment, not access data. CloudTrail's model marks no member of an event required: an event without
 * {@code EventTime} or without its {@code CloudTrailEvent} record tells no sign-in and is passed over.
 */
final class CloudTrailLastLogins implements SsoLastLogins {
    private static final Logger LOG = LoggerFactory.getLogger(CloudTrailLastLogins.class);
    private static final ObjectReader JSON = JsonMapper.builder().build().reader();
    private static final Set<String> SIGN_IN_EVENTS = Set.of("Authenticate", "Federate");
    private static final String SSO_EVENT_SOURCE = "sso.amazonaws.com";

    private final AwsClients clients;
    private final IdentityCenterInstanceProvider instance;
    private final Clock clock;
    private final Duration window;
    private final SyncWarnings warnings;
    private Map<String, Instant> latest;

    CloudTrailLastLogins(
            AwsClients clients,
            IdentityCenterInstanceProvider instance,
            Clock clock,
            Duration window,
            SyncWarnings warnings) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.window = requireNonNull(window, "window is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    @Override
    public synchronized Optional<Instant> lastLogin(String userId) throws SyncException {
        if (latest == null) {
            latest = collect(instance.get().identityStoreId());
        }
        return Optional.ofNullable(latest.get(userId));
    }

    private Map<String, Instant> collect(String identityStoreId) throws SyncException {
        Instant end = clock.instant();
        Instant start = end.minus(window);
        Map<String, Instant> found = new HashMap<>();
        try {
            AwsCall.pages(
                    clients.gateway(),
                    SsoOperations.LOOKUP_EVENTS.on(SSO_EVENT_SOURCE),
                    token -> clients.cloudTrail()
                            .lookupEvents(b -> b.startTime(start)
                                    .endTime(end)
                                    .nextToken(token)
                                    .lookupAttributes(LookupAttribute.builder()
                                            .attributeKey(LookupAttributeKey.EVENT_SOURCE)
                                            .attributeValue(SSO_EVENT_SOURCE)
                                            .build())),
                    LookupEventsResponse::nextToken,
                    page -> {
                        for (Event event : page.events()) {
                            signIn(event, identityStoreId)
                                    .ifPresent(userId ->
                                            found.merge(userId, event.eventTime(), (a, b) -> a.isAfter(b) ? a : b));
                        }
                        return true;
                    });
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw AwsCall.failure(e);
            }
            warnings.warn(e.getMessage() + "; SSO users are synced without last-login times");
            return Map.of();
        }
        return found;
    }

    /** The identity-store user id of a sign-in event of our store, or empty for any other event. */
    static Optional<String> signIn(Event event, String identityStoreId) {
        if (event.eventTime() == null || event.cloudTrailEvent() == null) {
            return Optional.empty();
        }
        JsonNode record;
        try {
            record = JSON.readTree(event.cloudTrailEvent());
        } catch (JsonProcessingException e) {
            LOG.debug("unparsable CloudTrail event {}", event.eventId());
            return Optional.empty();
        }
        if (record == null || !record.isObject()) {
            return Optional.empty();
        }
        String name = record.path("eventName").asText(AwsValues.text(event.eventName()));
        JsonNode onBehalfOf = record.path("userIdentity").path("onBehalfOf");
        String userId = onBehalfOf.path("userId").asText("");
        String storeArn = onBehalfOf.path("identityStoreArn").asText("");
        if (!SIGN_IN_EVENTS.contains(name) || userId.isEmpty() || storeArn.isEmpty()) {
            return Optional.empty();
        }
        String storeId = storeArn.substring(storeArn.lastIndexOf('/') + 1);
        return storeId.equals(identityStoreId) ? Optional.of(userId) : Optional.empty();
    }
}
