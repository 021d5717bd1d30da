package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsErrors;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesResponse;

/**
 * Finds the Identity Center instance once per run ({@code sso:ListInstances}, all pages) and caches the outcome,
 * failure included, so that every syncer sees the same instance and a missing instance is reported once with a
 * clear message instead of as a cascade of failing SSO calls. Works the same from the management account and from
 * a delegated-administrator account: both see the organization's instance.
 */
public final class IdentityCenterInstanceProvider {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityCenterInstanceProvider.class);

    private final SsoAdminClient ssoAdmin;
    private final String region;
    private IdentityCenterInstance instance;
    private SyncException failure;

    /** @param region the SSO region the client calls; it also goes into SSO user and group ARNs */
    public IdentityCenterInstanceProvider(SsoAdminClient ssoAdmin, String region) {
        this.ssoAdmin = requireNonNull(ssoAdmin, "ssoAdmin is null");
        this.region = requireNonNull(region, "region is null");
    }

    public synchronized IdentityCenterInstance get() throws SyncException {
        if (instance == null && failure == null) {
            try {
                instance = discover();
            } catch (SyncException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new SyncException(failure.getMessage(), failure);
        }
        return instance;
    }

    private IdentityCenterInstance discover() throws SyncException {
        List<InstanceMetadata> instances = listInstances();
        if (instances.isEmpty()) {
            throw new SyncException("no IAM Identity Center instance found in region " + region
                    + " (sso:ListInstances returned none); check --global-aws-sso-region and that the connector runs"
                    + " in the management or delegated-administrator account");
        }
        if (instances.size() > 1) {
            LOG.warn("AWS account contains {} Identity Center instances; using the first, {}", instances.size(),
                    instances.get(0).instanceArn());
        }
        InstanceMetadata first = instances.get(0);
        return new IdentityCenterInstance(region, first.instanceArn(), first.identityStoreId());
    }

    private List<InstanceMetadata> listInstances() throws SyncException {
        List<InstanceMetadata> instances = new ArrayList<>();
        String token = null;
        try {
            do {
                ListInstancesResponse page = ssoAdmin.listInstances(
                        ListInstancesRequest.builder().nextToken(token).build());
                instances.addAll(page.instances());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (SdkException e) {
            AwsCallException wrapped = AwsErrors.wrap("sso", "ListInstances", "", "", e);
            throw new SyncException(wrapped.getMessage(), wrapped);
        }
        return instances;
    }
}
