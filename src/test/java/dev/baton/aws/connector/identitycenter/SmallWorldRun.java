package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.connector.organizations.OrganizationSyncers;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorAwsClients;
import dev.baton.aws.testing.SimulatorExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** One sync of the {@code sso-small.json} world with chosen options; collects the warnings it reports. */
final class SmallWorldRun {
    static final String REGION = "eu-west-1";
    static final String CONNECTOR_KEY = "AKIASSOTESTCONNECTOR";
    static final String CONNECTOR_SECRET = "connector-secret";
    static final String SCIM_TOKEN = "scim-test-token-not-for-logs";
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final String STORE = "d-1234567890";
    static final String PS_ADMIN = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaaaaaaaaaaaaaa";
    static final String PS_READ_ONLY = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-bbbbbbbbbbbbbbbb";
    static final String PS_BILLING = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-cccccccccccccccc";

    /** The simulator serving {@code sso-small.json}, on real time. */
    static SimulatorExtension simulator() {
        return SimulatorExtension.ofResource("/worlds/sso-small.json").systemClock();
    }

    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final SimulatorExtension world;
    private String accessKeyId = CONNECTOR_KEY;
    private String secret = CONNECTOR_SECRET;
    private AssignmentStrategy strategy = AssignmentStrategy.AUTO;
    private Set<String> types = Set.of();
    private boolean lastLogin;
    private ScimConfig scim = ScimConfig.disabled();
    private SimulatorAwsClients clients;
    private IdentityCenterSyncers identityCenter;

    SmallWorldRun(SimulatorExtension world) {
        this.world = world;
    }

    SmallWorldRun as(String key, String secretKey) {
        this.accessKeyId = key;
        this.secret = secretKey;
        return this;
    }

    SmallWorldRun strategy(AssignmentStrategy value) {
        this.strategy = value;
        return this;
    }

    SmallWorldRun onlyTypes(Set<String> value) {
        this.types = value;
        return this;
    }

    SmallWorldRun lastLogin() {
        this.lastLogin = true;
        return this;
    }

    SmallWorldRun scim(String token) {
        this.scim = new ScimConfig(true, world.endpoint() + "/scim/v2", new Secret(token));
        return this;
    }

    /** The syncers, organization ones first, as the connector registers them. */
    List<ResourceSyncer> syncers() {
        clients = world.clients(accessKeyId, secret, REGION);
        OrganizationConfig organization =
                new OrganizationConfig(true, true, false, REGION, "OrganizationAccountAccessRole");
        SyncScope scope = new SyncScope(types, false, false, lastLogin, 30, true, scim);
        OrganizationSyncers organizations =
                OrganizationSyncers.create(SyncContext.of(clients, organization, scope, warnings::add));
        identityCenter = IdentityCenterSyncers.create(new IdentityCenterSyncers.Settings(
                clients,
                organization,
                scope,
                warnings::add,
                organizations.hierarchy(),
                new OrganizationAccounts(clients::organizations),
                Clock.fixed(NOW, ZoneOffset.UTC),
                strategy,
                HttpClient.newHttpClient()));
        List<ResourceSyncer> all = new ArrayList<>(organizations.all());
        all.addAll(identityCenter.all());
        return all.stream()
                .filter(s -> types.isEmpty() || types.contains(s.resourceType().getId()))
                .toList();
    }

    IdentityCenterSyncers identityCenter() {
        return identityCenter;
    }

    /** Syncs everything; the clients stay open for follow-up calls until {@link #close()}. */
    SyncDriver sync() throws SyncException {
        return new SyncDriver(syncers()).run();
    }

    void close() {
        if (clients != null) {
            clients.close();
        }
    }

    static String userArn(String userId) {
        return "arn:aws:identitystore:" + REGION + "::" + STORE + "/user/" + userId;
    }

    static String groupArn(String groupId) {
        return "arn:aws:identitystore:" + REGION + "::" + STORE + "/group/" + groupId;
    }
}
