package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.service.AccountAssignmentRequests;
import dev.baton.aws.simulator.service.CloudTrailService;
import dev.baton.aws.simulator.service.IdentityStoreService;
import dev.baton.aws.simulator.service.OrganizationsService;
import dev.baton.aws.simulator.service.ScimHandler;
import dev.baton.aws.simulator.service.SsoAdminService;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** An in-process simulator on port 0 serving one world fixture from {@code src/test/resources/worlds/}. */
public final class SimulatedWorld implements AutoCloseable {
    private final SimulatorServer server;

    private SimulatedWorld(SimulatorServer server) {
        this.server = server;
    }

    public static SimulatedWorld start(String fixture) {
        WorldState state = new WorldState(new WorldLoader().load(read(fixture)), Clock.systemUTC());
        AccountAssignmentRequests requests = new AccountAssignmentRequests(state);
        SimulatorServer server = SimulatorServer.builder(state)
                .jsonServices(List.of(new OrganizationsService(state), new SsoAdminService(state, requests),
                        new IdentityStoreService(state, requests), new CloudTrailService(state)))
                .scimHandler(new ScimHandler(state))
                .build()
                .start();
        return new SimulatedWorld(server);
    }

    private static String read(String fixture) {
        try (InputStream in = SimulatedWorld.class.getResourceAsStream("/worlds/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no world fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** SDK clients calling as the world user whose long-term key is {@code accessKeyId}. */
    public SimulatorAwsClients clients(String accessKeyId, String secretAccessKey, String ssoRegion) {
        return new SimulatorAwsClients(endpoint(), accessKeyId, secretAccessKey, ssoRegion);
    }

    public SimulatorServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
