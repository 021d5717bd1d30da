package dev.baton.aws.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdSuggestionTest {
    @Test
    void distanceCountsEdits() {
        assertEquals(0, EditDistance.bounded("abc", "abc", 10));
        assertEquals(1, EditDistance.bounded("abc", "abd", 10));
        assertEquals(3, EditDistance.bounded("kitten", "sitting", 10));
        assertEquals(2, EditDistance.bounded("kitten", "sitting", 2), "bounded");
    }

    @Test
    void suggestsOnlyPlausibleTypos() {
        List<String> ids =
                List.of("group:arn:aws:iam::1:group/admins:member", "group:arn:aws:iam::1:group/devs:member");

        assertEquals(
                Optional.of("group:arn:aws:iam::1:group/admins:member"),
                IdSuggestion.closest("group:arn:aws:iam::1:group/admin:member", ids));
        assertEquals(Optional.empty(), IdSuggestion.closest("totally-different", ids));
        assertEquals("", IdSuggestion.hint("x", List.of()));
    }
}
