package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

/**
 * Finds the Identity Center instance on first use and remembers it: a one-shot grant should not pay for
 * sso:ListInstances unless it touches Identity Center. Instances without an ARN or identity store id are skipped
 * with a logged warning, as the sync does.
 */
final class InstanceSource {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceSource.class);

    private final AwsClients clients;
    private final String ssoRegion;
    private ProvisioningInstance instance;

    private InstanceSource(AwsClients clients, String ssoRegion, ProvisioningInstance known) {
        this.clients = clients;
        this.ssoRegion = requireNonNull(ssoRegion, "ssoRegion is null");
        this.instance = known;
    }

    /** Calls sso:ListInstances on first use. */
    static InstanceSource lookingUp(AwsClients clients, String ssoRegion) {
        return new InstanceSource(requireNonNull(clients, "clients is null"), ssoRegion, null);
    }

    /** An instance the caller already knows (e.g. from the sync wiring); no call is made. */
    static InstanceSource of(ProvisioningInstance known) {
        return new InstanceSource(null, known.ssoRegion(), requireNonNull(known, "known is null"));
    }

    synchronized ProvisioningInstance get() throws SyncException {
        if (instance == null) {
            instance = lookUp();
        }
        return instance;
    }

    /** Upstream uses the first instance when there are several (AWS allows one per organization). */
    private ProvisioningInstance lookUp() throws SyncException {
        List<InstanceMetadata> instances;
        try {
            instances = IdentityCenterInstanceProvider.usable(
                    IdentityCenterInstanceProvider.listInstances(clients), LOG::warn);
        } catch (AwsCallException e) {
            throw AwsCall.failure("sso:ListInstances failed", e);
        }
        if (instances.isEmpty()) {
            throw new SyncException("baton-aws: no Identity Instance found");
        }
        InstanceMetadata first = instances.get(0);
        return new ProvisioningInstance(first.instanceArn(), first.identityStoreId(), ssoRegion);
    }
}
