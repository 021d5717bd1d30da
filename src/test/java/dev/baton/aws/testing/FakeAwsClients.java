package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsGateway;
import dev.baton.aws.aws.RetryBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Test-only {@link AwsClients} around hand-written service fakes (SDK client interfaces whose unimplemented
 * operations throw), with a gateway that retries throttling for up to a minute of pretend time: its pauses are
 * recorded and advance a fake clock, so no test sleeps.
 */
final class FakeAwsClients implements AwsClients {
    final List<Duration> pauses = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final AwsGateway gateway = new AwsGateway(RetryBudget.of(Duration.ofMinutes(1)), pause -> {
        pauses.add(pause);
        nanos.addAndGet(pause.toNanos());
    }, nanos::get);
    private SsoAdminClient ssoAdmin = new SsoAdminClient() {
        @Override
        public String serviceName() {
            return "sso";
        }

        @Override
        public void close() {}
    };
    private IdentitystoreClient identityStore;
    private CloudTrailClient cloudTrail;
    private OrganizationsClient organizations;

    FakeAwsClients ssoAdmin(SsoAdminClient client) {
        this.ssoAdmin = client;
        return this;
    }

    FakeAwsClients identityStore(IdentitystoreClient client) {
        this.identityStore = client;
        return this;
    }

    FakeAwsClients cloudTrail(CloudTrailClient client) {
        this.cloudTrail = client;
        return this;
    }

    FakeAwsClients organizations(OrganizationsClient client) {
        this.organizations = client;
        return this;
    }

    @Override
    public AwsGateway gateway() {
        return gateway;
    }

    @Override
    public String callerAccountId() throws AwsCallException {
        throw new UnsupportedOperationException("not used by Identity Center");
    }

    @Override
    public IamClient iam() {
        throw new UnsupportedOperationException("not used by Identity Center");
    }

    @Override
    public IamClient iam(String accountId) {
        throw new UnsupportedOperationException("not used by Identity Center");
    }

    @Override
    public StsClient sts() {
        throw new UnsupportedOperationException("not used by Identity Center");
    }

    @Override
    public OrganizationsClient organizations() {
        return present(organizations, "organizations");
    }

    @Override
    public SsoAdminClient ssoAdmin() {
        return ssoAdmin;
    }

    @Override
    public IdentitystoreClient identityStore() {
        return present(identityStore, "identity store");
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return present(cloudTrail, "cloudtrail");
    }

    private static <T> T present(T client, String name) {
        if (client == null) {
            throw new IllegalStateException("this test gave no " + name + " client");
        }
        return client;
    }
}
