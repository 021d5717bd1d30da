package dev.baton.aws.connector.organizations;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsGateway;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.AwsFailures;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * The organization's root/OU hierarchy as one sync sees it, shared by the {@code organization},
 * {@code organizational_unit} and {@code account} syncers so that they agree: an account is parented under a root
 * or OU only when that node is actually emitted, and a role without the hierarchy permissions gets flat accounts
 * and exactly one warning for the whole sync (not one per account or per OU).
 *
 * <p>Per-sync cache: the roots ({@code ListRoots}, drained once; AWS organizations have a single root) and whether
 * OUs can be listed at all (one probe call, made only when an account sits in an OU).
 */
public final class OrganizationHierarchy {
    private static final Logger LOG = LoggerFactory.getLogger(OrganizationHierarchy.class);

    private final OrganizationsClient organizations;
    private final AwsGateway gateway;
    private final SyncWarnings warnings;
    private final boolean organizationSynced;
    private final boolean organizationalUnitSynced;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** Roots or parents cannot be read: every account is flat. */
    private final AtomicBoolean flat = new AtomicBoolean();
    /** Some OU listing was denied: accounts are not parented under OUs, which may be missing from the sync. */
    private final AtomicBoolean organizationalUnitsHidden = new AtomicBoolean();

    private List<Root> roots;
    private Boolean organizationalUnitsListable;

    /**
     * @param organizationSynced       the run emits {@code organization} resources (accounts may be parented at all)
     * @param organizationalUnitSynced the run emits {@code organizational_unit} resources
     */
    public OrganizationHierarchy(
            OrganizationsClient organizations,
            AwsGateway gateway,
            SyncWarnings warnings,
            boolean organizationSynced,
            boolean organizationalUnitSynced) {
        this.organizations = requireNonNull(organizations, "organizations is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.organizationSynced = organizationSynced;
        this.organizationalUnitSynced = organizationSynced && organizationalUnitSynced;
    }

    /** The organization's roots; empty when {@code ListRoots} is denied (then the whole hierarchy is off). */
    public synchronized List<Root> roots() throws SyncException {
        if (roots == null) {
            roots = fetchRoots();
        }
        return roots;
    }

    /**
     * The parent an {@code account} resource gets: its root or OU when that type is synced and the hierarchy is
     * readable, otherwise empty (flat account). Calls {@code ListParents} once per account.
     */
    public Optional<ResourceId> parentOf(String accountId) throws SyncException {
        if (!organizationSynced || flat.get() || roots().isEmpty()) {
            return Optional.empty();
        }
        Optional<Parent> parent = firstParent(accountId);
        if (parent.isEmpty()
                || parent.get().type() == null
                || IdFromArn.absent(parent.get().id())) {
            return Optional.empty();
        }
        return switch (parent.get().type()) {
            case ROOT ->
                Optional.of(Ids.resourceId(
                        ResourceTypes.ORGANIZATION_ID, parent.get().id()));
            case ORGANIZATIONAL_UNIT ->
                organizationalUnitsListable()
                        ? Optional.of(Ids.resourceId(
                                ResourceTypes.ORGANIZATIONAL_UNIT_ID,
                                parent.get().id()))
                        : Optional.empty();
            case UNKNOWN_TO_SDK_VERSION -> {
                LOG.warn(
                        "unexpected Organizations parent type {} of account {}; leaving it unparented",
                        parent.get().typeAsString(),
                        accountId);
                yield Optional.empty();
            }
        };
    }

    /** A denied {@code ListOrganizationalUnitsForParent}: OUs are incomplete, so no account is put under one. */
    void organizationalUnitsDenied(AwsCallException failure) {
        organizationalUnitsHidden.set(true);
        warnOnce(failure);
    }

    /** A denied {@code ListRoots} or {@code ListParents}: accounts cannot be placed at all. */
    private void hierarchyDenied(AwsCallException failure) {
        flat.set(true);
        warnOnce(failure);
    }

    /**
     * The first denial of the sync becomes the one warning; later ones only log, since they all mean the same
     * thing to the user: the hierarchy is incomplete and accounts are synced (partly) flat.
     */
    private void warnOnce(AwsCallException failure) {
        if (warned.compareAndSet(false, true)) {
            warnings.warn(failure.getMessage() + "; skipping the organization hierarchy (accounts remain flat)");
        } else {
            LOG.debug("organization hierarchy already degraded: {}", failure.getMessage());
        }
    }

    private List<Root> fetchRoots() throws SyncException {
        List<Root> found = new ArrayList<>();
        String token = null;
        try {
            do {
                String requested = token;
                ListRootsResponse page = gateway.call(
                        AwsOperation.of("organizations", "ListRoots"),
                        () -> organizations.listRoots(
                                ListRootsRequest.builder().nextToken(requested).build()));
                for (Root root : page.roots()) {
                    String id = IdFromArn.id(root.id(), root.arn());
                    if (id.isEmpty()) {
                        warnings.warn("baton-aws: skipping organization root "
                                + AwsValues.firstText(root.name(), "(unidentified)") + ": AWS sent no Id or Arn");
                    } else {
                        found.add(root.toBuilder().id(id).build());
                    }
                }
                token = AwsPaging.nextToken(page.nextToken(), requested);
            } while (token != null);
        } catch (AwsCallException failure) {
            if (failure.kind() != ErrorKind.ACCESS_DENIED) {
                throw AwsFailures.fatal(failure);
            }
            hierarchyDenied(failure);
            return List.of();
        }
        return List.copyOf(found);
    }

    private Optional<Parent> firstParent(String accountId) throws SyncException {
        try {
            ListParentsResponse response = gateway.call(
                    new AwsOperation("organizations", "ListParents", accountId, accountId),
                    () -> organizations.listParents(builder -> builder.childId(accountId)));
            return response.parents().stream().findFirst();
        } catch (AwsCallException failure) {
            if (failure.kind() != ErrorKind.ACCESS_DENIED) {
                throw AwsFailures.fatal(failure);
            }
            hierarchyDenied(failure);
            return Optional.empty();
        }
    }

    /** One probe per sync, so a role that may list accounts but not OUs never parents accounts under missing OUs. */
    private synchronized boolean organizationalUnitsListable() throws SyncException {
        if (!organizationalUnitSynced) {
            return false;
        }
        if (organizationalUnitsListable == null) {
            organizationalUnitsListable = probeOrganizationalUnits();
        }
        return organizationalUnitsListable && !organizationalUnitsHidden.get();
    }

    private boolean probeOrganizationalUnits() throws SyncException {
        String rootId = roots().get(0).id();
        try {
            gateway.call(
                    new AwsOperation("organizations", "ListOrganizationalUnitsForParent", "", rootId),
                    () -> organizations.listOrganizationalUnitsForParent(
                            ListOrganizationalUnitsForParentRequest.builder()
                                    .parentId(rootId)
                                    .maxResults(1)
                                    .build()));
            return true;
        } catch (AwsCallException failure) {
            if (failure.kind() != ErrorKind.ACCESS_DENIED) {
                throw AwsFailures.fatal(failure);
            }
            organizationalUnitsDenied(failure);
            return false;
        }
    }
}
