package dev.baton.aws.simulator.service;

import dev.baton.aws.simulator.world.WorldState;
import java.util.List;

/**
 * The JSON 1.1 services of the simulator, wired to one world. SSO Admin and Identity Store share the pending
 * account-assignment requests, so either service's calls make due assignments visible.
 */
public final class JsonServices {
    private JsonServices() {}

    /** Organizations, SSO Admin, Identity Store and CloudTrail, for {@code SimulatorServer.Builder.jsonServices}. */
    public static List<JsonService> create(WorldState state) {
        AccountAssignmentRequests requests = new AccountAssignmentRequests(state);
        return List.of(
                new OrganizationsService(state),
                new SsoAdminService(state, requests),
                new IdentityStoreService(state, requests),
                new CloudTrailService(state));
    }
}
