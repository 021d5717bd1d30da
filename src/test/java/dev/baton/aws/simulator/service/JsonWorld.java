package dev.baton.aws.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.testing.ManualClock;
import dev.baton.aws.testing.SimulatorExtension;
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
    static final Caller CONNECTOR =
            new Caller(MANAGEMENT, "arn:aws:iam::111111111111:user/connector", "AKIACONNECTOR0000001", List.of());
    static final Caller MEMBER_CALLER =
            new Caller(MEMBER, "arn:aws:iam::222222222222:user/member", "AKIAMEMBER0000000001", List.of());

    static final String CONNECTOR_KEY = "AKIACONNECTOR0000001";
    static final String RESTRICTED_KEY = "AKIARESTRICTED000001";
    static final String MEMBER_KEY = "AKIAMEMBER0000000001";

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

    /** The fixture served by a simulator with every JSON service and SCIM, on a hand-driven clock at {@link #NOW}. */
    static SimulatorExtension simulator() {
        return simulator(tree -> {});
    }

    /** The simulator of the fixture after {@code edit} changed its JSON tree. */
    static SimulatorExtension simulator(Consumer<ObjectNode> edit) {
        return SimulatorExtension.ofTree(fixture()).edit(edit).startingAt(NOW);
    }

    /** With {@code limits.ratePerSecond.<scope>} set, so a frozen clock allows exactly one call. */
    static SimulatorExtension withRate(String scope, double perSecond) {
        return simulator(tree ->
                ((ObjectNode) tree.get("limits")).putObject("ratePerSecond").put(scope, perSecond));
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
