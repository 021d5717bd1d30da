package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonWorld.CONNECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudTrailServiceTest {
    private static final String SSO =
            "\"LookupAttributes\":[{\"AttributeKey\":\"EventSource\",\"AttributeValue\":\"sso.amazonaws.com\"}]";
    private final CloudTrailService service = new CloudTrailService(new JsonWorld().state);

    private JsonNode call(String members) {
        return JsonWorld.call(service, CONNECTOR, "LookupEvents", "{" + members + "}");
    }

    @Test
    void ssoEventsInTheWindowComeNewestFirstAcrossPages() {
        List<String> ids = new ArrayList<>();
        String token = "";
        do {
            JsonNode page = call(SSO + ",\"StartTime\":1795860000,\"EndTime\":1795867200" + token);
            page.get("Events").forEach(event -> ids.add(event.get("EventId").asText()));
            token = page.has("NextToken")
                    ? ",\"NextToken\":\"" + page.get("NextToken").asText() + "\""
                    : null;
        } while (token != null);
        assertEquals(List.of("ev-4", "ev-3", "ev-2", "ev-1"), ids);
    }

    @Test
    void eventCarriesTheCloudTrailDocument() throws IOException {
        JsonNode event = call(SSO + ",\"StartTime\":1795863500.5,\"EndTime\":1795863700,\"MaxResults\":50")
                .get("Events")
                .get(0);
        assertEquals("ev-2", event.get("EventId").asText());
        assertEquals("Federate", event.get("EventName").asText());
        assertEquals(1795863600L, event.get("EventTime").asLong());
        JsonNode document = JsonWorld.JSON.readTree(event.get("CloudTrailEvent").asText());
        assertEquals("Federate", document.get("eventName").asText());
        assertEquals("2026-11-28T11:00:00Z", document.get("eventTime").asText());
        assertEquals(
                "222222222222", document.get("userIdentity").get("accountId").asText());
        assertEquals(
                "u-carol",
                document.get("userIdentity").get("onBehalfOf").get("userId").asText());
        assertEquals(
                "arn:aws:identitystore::111111111111:identitystore/d-1234567890",
                document.get("userIdentity")
                        .get("onBehalfOf")
                        .get("identityStoreArn")
                        .asText());
    }

    @Test
    void defaultWindowIsTheLastNinetyDaysUpToNow() {
        JsonNode events = call(SSO + ",\"MaxResults\":50").get("Events");
        assertEquals(4, events.size());
        assertFalse(events.toString().contains("ev-other"));
    }

    @Test
    void invalidLookupsUseCloudTrailCodes() {
        assertEquals(
                "InvalidTimeRangeException",
                assertThrows(AwsFault.class, () -> call("\"StartTime\":1795867200,\"EndTime\":1795860000"))
                        .code());
        assertEquals(
                "InvalidLookupAttributesException",
                assertThrows(
                                AwsFault.class,
                                () -> call(
                                        "\"LookupAttributes\":[{\"AttributeKey\":\"Colour\",\"AttributeValue\":\"x\"}]"))
                        .code());
        assertEquals(
                "InvalidNextTokenException",
                assertThrows(AwsFault.class, () -> call("\"NextToken\":\"forged\""))
                        .code());
        assertEquals(
                "InvalidMaxResultsException",
                assertThrows(AwsFault.class, () -> call("\"MaxResults\":0")).code());
    }
}
