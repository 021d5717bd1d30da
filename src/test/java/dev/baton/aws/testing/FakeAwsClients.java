package dev.baton.aws.testing;

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
 * The in-memory {@link AwsClients} of unit tests (no simulator): each service is a hand-written fake the test gives
 * (an SDK client interface whose unimplemented operations throw), and asking for a service the test gave none of
 * fails the test, so {@code new FakeAwsClients()} also stands for "this code must not call AWS". The gateway retries
 * throttling for up to a minute of pretend time: its pauses are recorded in {@link #pauses} and advance a fake
 * clock, so no test sleeps. SSO Admin defaults to a client all of whose operations throw.
 */
public final class FakeAwsClients implements AwsClients {
    public final List<Duration> pauses = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final AwsGateway gateway = new AwsGateway(
            RetryBudget.of(Duration.ofMinutes(1)),
            pause -> {
                pauses.add(pause);
                nanos.addAndGet(pause.toNanos());
            },
            nanos::get);
    private SsoAdminClient ssoAdmin = new SsoAdminClient() {
        @Override
        public String serviceName() {
            return "sso";
        }

        @Override
        public void close() {}
    };
    private String callerAccountId;
    private IamClient iam;
    private StsClient sts;
    private IdentitystoreClient identityStore;
    private CloudTrailClient cloudTrail;
    private OrganizationsClient organizations;

    public FakeAwsClients callerAccountId(String accountId) {
        this.callerAccountId = accountId;
        return this;
    }

    /** IAM of the caller's account (and of any account asked for). */
    public FakeAwsClients iam(IamClient client) {
        this.iam = client;
        return this;
    }

    public FakeAwsClients sts(StsClient client) {
        this.sts = client;
        return this;
    }

    public FakeAwsClients ssoAdmin(SsoAdminClient client) {
        this.ssoAdmin = client;
        return this;
    }

    public FakeAwsClients identityStore(IdentitystoreClient client) {
        this.identityStore = client;
        return this;
    }

    public FakeAwsClients cloudTrail(CloudTrailClient client) {
        this.cloudTrail = client;
        return this;
    }

    public FakeAwsClients organizations(OrganizationsClient client) {
        this.organizations = client;
        return this;
    }

    @Override
    public AwsGateway gateway() {
        return gateway;
    }

    @Override
    public String callerAccountId() {
        return present(callerAccountId, "caller account");
    }

    @Override
    public IamClient iam() {
        return present(iam, "iam");
    }

    @Override
    public IamClient iam(String accountId) {
        return present(iam, "iam");
    }

    @Override
    public StsClient sts() {
        return present(sts, "sts");
    }

    @Override
    public OrganizationsClient organizations() {
        return present(organizations, "organizations");
    }

    @Override
    public SsoAdminClient ssoAdmin() {
        return present(ssoAdmin, "sso admin");
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
            throw new AssertionError("this test gave no " + name + " client: it must not call AWS there");
        }
        return client;
    }
}
