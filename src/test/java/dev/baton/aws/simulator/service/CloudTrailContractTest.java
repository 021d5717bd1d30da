package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonWorld.CONNECTOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ThrottlingException;

/** CloudTrail LookupEvents through the real SDK v2 client, as the last-login event feed calls it. */
class CloudTrailContractTest {
    private static final LookupAttribute SSO = LookupAttribute.builder()
            .attributeKey(LookupAttributeKey.EVENT_SOURCE)
            .attributeValue("sso.amazonaws.com")
            .build();
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-28T12:00:00Z");

    @RegisterExtension
    static final SimulatorExtension simulator = JsonWorld.simulator();

    private static CloudTrailClient cloudTrail;

    @BeforeAll
    static void start() {
        cloudTrail = simulator.cloudTrail(CONNECTOR_KEY);
    }

    @AfterAll
    static void stop() {
        cloudTrail.close();
    }

    @Test
    void ssoEventsPageNewestFirstToTheLastPage() {
        LookupEventsRequest request = LookupEventsRequest.builder()
                .lookupAttributes(SSO)
                .startTime(START)
                .endTime(END)
                .build();
        LookupEventsResponse first = cloudTrail.lookupEvents(request);
        assertEquals(2, first.events().size());
        assertNotNull(first.nextToken());
        LookupEventsResponse last = cloudTrail.lookupEvents(
                request.toBuilder().nextToken(first.nextToken()).build());
        assertNull(last.nextToken());
        assertEquals(
                List.of("ev-4", "ev-3", "ev-2", "ev-1"),
                cloudTrail.lookupEventsPaginator(request).events().stream()
                        .map(Event::eventId)
                        .toList());
    }

    @Test
    void eventCarriesWhatTheLastLoginFeedReads() throws IOException {
        Event event = cloudTrail
                .lookupEvents(r -> r.lookupAttributes(SSO)
                        .startTime(START)
                        .endTime(Instant.parse("2026-11-28T11:10:00Z"))
                        .maxResults(50))
                .events()
                .get(0);
        assertEquals("ev-2", event.eventId());
        assertEquals(Instant.parse("2026-11-28T11:00:00Z"), event.eventTime());
        assertEquals("sso.amazonaws.com", event.eventSource());
        JsonNode document = JsonWorld.JSON.readTree(event.cloudTrailEvent());
        assertEquals("Federate", document.get("eventName").asText());
        JsonNode identity = document.get("userIdentity");
        assertEquals("222222222222", identity.get("accountId").asText());
        assertEquals("u-carol", identity.get("onBehalfOf").get("userId").asText());
        assertTrue(identity.get("onBehalfOf").get("identityStoreArn").asText().endsWith("/d-1234567890"));
    }

    @Test
    void errorsUseCloudTrailCodes() {
        assertThrows(
                InvalidTimeRangeException.class,
                () -> cloudTrail.lookupEvents(r -> r.startTime(END).endTime(START)));
        assertThrows(InvalidNextTokenException.class, () -> cloudTrail.lookupEvents(r -> r.nextToken("forged")));
    }

    @Test
    void overTheRateIsThrottling() {
        try (SimulatorExtension throttled = JsonWorld.withRate("cloudtrail", 1).start();
                CloudTrailClient client = throttled.cloudTrail(CONNECTOR_KEY)) {
            client.lookupEvents(r -> r.lookupAttributes(SSO));
            assertThrows(ThrottlingException.class, () -> client.lookupEvents(r -> r.lookupAttributes(SSO)));
        }
    }
}
