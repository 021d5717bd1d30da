package dev.baton.aws.simulator.service;

import dev.baton.aws.testing.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The JSON services' test world ({@code json-world.json}), its callers and a hand-driven clock. */
final class JsonWorld {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final String MANAGEMENT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String STORE = "d-1234567890";
    static final String INSTANCE = "arn:aws:sso:::instance/ssoins-1111222233334444";
    static final String ADMIN = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-admin";
    static final String TEAM = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-team";
    static final String VIEW = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-view";
    static final Caller CONNECTOR = new Caller(MANAGEMENT, "arn:aws:iam::111111111111:user/connector",
            "AKIACONNECTOR0000001", List.of());
    static final Caller MEMBER_CALLER = new Caller(MEMBER, "arn:aws:iam::222222222222:user/member",
            "AKIAMEMBER0000000001", List.of());

    final ManualClock clock = new ManualClock(NOW);
    final WorldState state;

    JsonWorld() {
        this(tree -> {});
    }

    /** The fixture after {@code edit} changed its JSON tree, e.g. to drop the organization. */
    JsonWorld(Consumer<ObjectNode> edit) {
        ObjectNode tree = fixture();
        edit.accept(tree);
        this.state = new WorldState(new WorldLoader().load(tree), clock);
    }

    static ObjectNode fixture() {
        try (InputStream in = JsonWorld.class.getResourceAsStream("json-world.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode call(JsonService service, Caller caller, String action, String json) {
        JsonAction handler = service.actions().get(action);
        if (handler == null) {
            throw new AssertionError("no action " + action);
        }
        return handler.handle(caller, body(json));
    }
}
