package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesResponse;

/**
 * Finds the Identity Center instance once per run ({@code sso:ListInstances}, all pages) and caches the outcome,
 * failure included, so that every syncer sees the same instance and a missing instance is reported once with a
 * clear message instead of as a cascade of failing SSO calls. Works the same from the management account and from
 * a delegated-administrator account: both see the organization's instance.
 *
 * <p>AWS's model marks no member of an instance required. One without {@code InstanceArn} cannot be called and one
 * without {@code IdentityStoreId} has no readable users or groups: both are skipped with a warning, and a run that
 * finds no usable instance fails with a message naming what was missing.
 */
public final class IdentityCenterInstanceProvider {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityCenterInstanceProvider.class);

    private final AwsClients clients;
    private final String region;
    private final SyncWarnings warnings;
    private IdentityCenterInstance instance;
    private SyncException failure;

    /** @param region the SSO region the client calls; it also goes into SSO user and group ARNs */
    public IdentityCenterInstanceProvider(AwsClients clients, String region, SyncWarnings warnings) {
        this.clients = requireNonNull(clients, "clients is null");
        this.region = requireNonNull(region, "region is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
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
        List<InstanceMetadata> listed;
        try {
            listed = listInstances(clients);
        } catch (AwsCallException e) {
            throw AwsCall.failure(e);
        }
        if (listed.isEmpty()) {
            throw new SyncException("no IAM Identity Center instance found in region " + region
                    + " (sso:ListInstances returned none); check --global-aws-sso-region and that the connector runs"
                    + " in the management or delegated-administrator account");
        }
        List<InstanceMetadata> instances = usable(listed, warnings);
        if (instances.isEmpty()) {
            throw new SyncException("no usable IAM Identity Center instance in region " + region + ": sso:ListInstances"
                    + " returned " + listed.size() + ", none with both an InstanceArn and an IdentityStoreId");
        }
        if (instances.size() > 1) {
            LOG.warn(
                    "AWS account contains {} Identity Center instances; using the first, {}",
                    instances.size(),
                    instances.get(0).instanceArn());
        }
        InstanceMetadata first = instances.get(0);
        return new IdentityCenterInstance(region, first.instanceArn(), first.identityStoreId());
    }

    /** Every instance, all pages, in AWS order. */
    static List<InstanceMetadata> listInstances(AwsClients clients) throws AwsCallException {
        return AwsCall.all(
                clients.gateway(),
                SsoOperations.LIST_INSTANCES,
                token -> clients.ssoAdmin().listInstances(b -> b.nextToken(token)),
                ListInstancesResponse::instances,
                ListInstancesResponse::nextToken);
    }

    /** The instances that name both their ARN and their identity store; each other one is reported once. */
    static List<InstanceMetadata> usable(List<InstanceMetadata> instances, SyncWarnings warnings) {
        List<InstanceMetadata> usable = new ArrayList<>();
        for (InstanceMetadata candidate : instances) {
            String arn = AwsValues.text(candidate.instanceArn());
            if (arn.isEmpty()) {
                warnings.warn("sso:ListInstances: an Identity Center instance (identity store "
                        + AwsValues.firstText(candidate.identityStoreId(), "unknown")
                        + ") has no InstanceArn; skipping it");
            } else if (AwsValues.text(candidate.identityStoreId()).isEmpty()) {
                warnings.warn("sso:ListInstances: Identity Center instance " + arn
                        + " has no IdentityStoreId, so its users and groups cannot be read; skipping it");
            } else {
                usable.add(candidate);
            }
        }
        return usable;
    }
}
