package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.Event;

class CloudTrailLastLoginsTest {
    private static Event event(String name, String userId, String storeArn) {
        String json = "{\"eventName\":\"" + name + "\",\"userIdentity\":{\"onBehalfOf\":{\"userId\":\"" + userId
                + "\",\"identityStoreArn\":\"" + storeArn + "\"}}}";
        return Event.builder()
                .eventId("e-1")
                .eventName(name)
                .eventTime(Instant.parse("2026-11-01T00:00:00Z"))
                .cloudTrailEvent(json)
                .build();
    }

    @Test
    void signInEventsOfOurStoreNameTheUser() {
        String store = "arn:aws:identitystore::111111111111:identitystore/d-123";
        assertEquals(Optional.of("u-1"), CloudTrailLastLogins.signIn(event("Authenticate", "u-1", store), "d-123"));
        assertEquals(Optional.of("u-2"), CloudTrailLastLogins.signIn(event("Federate", "u-2", store), "d-123"));
    }

    @Test
    void otherEventsAndOtherStoresAreIgnored() {
        String store = "arn:aws:identitystore::111111111111:identitystore/d-123";
        assertEquals(Optional.empty(), CloudTrailLastLogins.signIn(event("ListAccounts", "u-1", store), "d-123"));
        assertEquals(Optional.empty(), CloudTrailLastLogins.signIn(event("Authenticate", "", store), "d-123"));
        assertEquals(Optional.empty(), CloudTrailLastLogins.signIn(event("Authenticate", "u-1", ""), "d-123"));
        assertEquals(
                Optional.empty(),
                CloudTrailLastLogins.signIn(
                        event("Authenticate", "u-1", "arn:aws:identitystore::111111111111:identitystore/d-999"),
                        "d-123"));
        assertEquals(
                Optional.empty(),
                CloudTrailLastLogins.signIn(
                        Event.builder()
                                .eventId("x")
                                .eventTime(Instant.EPOCH)
                                .cloudTrailEvent("{not json")
                                .build(),
                        "d-123"));
    }
}
