package dev.baton.aws.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.aws.simulator.service.ScimHandler;
import dev.baton.aws.simulator.world.DemoWorld;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension's lifecycles and what it hands to tests. */
class SimulatorExtensionTest {
    @RegisterExtension
    static final SimulatorExtension aws =
            SimulatorExtension.of(DemoWorld.create()).pageSize("organizations", 1);

    private static URI firstEndpoint;

    @Test
    void aStaticExtensionServesEveryTestOfTheClassFromOneSimulator() {
        if (firstEndpoint == null) {
            firstEndpoint = aws.endpoint();
        }
        assertEquals(firstEndpoint, aws.endpoint());
    }

    @Test
    void sameSimulatorForTheSecondTest() {
        aStaticExtensionServesEveryTestOfTheClassFromOneSimulator();
    }

    @Test
    void theClientsActAsTheConnectorRoleWithTheOptionsApplied() {
        aws.resetStats();
        assertEquals(
                aws.facts().roleArn().split(":")[4],
                aws.clients().sts().getCallerIdentity().account());
        assertEquals(
                aws.world().accounts().size(),
                aws.clients().organizations().listAccountsPaginator(r -> {}).stream()
                        .count(),
                "one per page");
        assertEquals(1, aws.stats().calls("sts:AssumeRole"));
        assertSame(aws.clients(), aws.clients());
    }

    @Test
    void theDefaultClockIsHandDrivenFromStart() {
        Instant before = aws.clock().instant();
        assertFalse(before.isBefore(SimulatorExtension.START));
        aws.manualClock().advance(Duration.ofSeconds(1));
        assertEquals(before.plusSeconds(1), aws.state().clock().instant());
    }

    @Test
    void aSimulatorOfItsOwnStartsAndStops() {
        SimulatorExtension own = SimulatorExtension.of(DemoWorld.create()).iamAndStsOnly();
        assertThrows(IllegalStateException.class, own::server);
        try (SimulatorExtension started = own.start()) {
            assertNotEquals(aws.endpoint(), started.endpoint());
            assertEquals(200, started.control("GET", "/_simulator/stats").statusCode());
            assertThrows(IllegalStateException.class, () -> started.pageSize("iam", 1));
        }
        assertThrows(IllegalStateException.class, own::server);
    }

    @Test
    void aScimHandlerOfItsOwnServesScim() {
        AtomicInteger calls = new AtomicInteger();
        try (SimulatorExtension own = SimulatorExtension.of(DemoWorld.create())
                .scim(state -> {
                    ScimHandler scim = new ScimHandler(state);
                    return exchange -> {
                        calls.incrementAndGet();
                        scim.handle(exchange);
                    };
                })
                .start()) {
            assertEquals(401, own.control("GET", "/scim/v2/Users").statusCode(), "no token");
            assertEquals(1, calls.get());
        }
    }

    @Nested
    class PerTest {
        @RegisterExtension
        final SimulatorExtension fresh =
                SimulatorExtension.ofResource("/worlds/iam-single.json").systemClock();

        @Test
        void anInstanceExtensionStartsOnePerTest() {
            assertNotEquals(aws.endpoint(), fresh.endpoint());
            assertEquals(0, fresh.stats().calls("iam:ListUsers"));
            fresh.iam("AKIACONNECTOR0000001", "connector-secret").listUsers();
            assertEquals(1, fresh.stats().calls("iam:ListUsers"));
            assertThrows(IllegalStateException.class, fresh::manualClock);
        }

        @Test
        void andTheNextTestStartsAfresh() {
            anInstanceExtensionStartsOnePerTest();
        }
    }
}
