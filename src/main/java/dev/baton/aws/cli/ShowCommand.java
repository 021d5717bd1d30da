package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.c1z.query.GrantFilter;
import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.c1z.query.SyncRunRow;
import dev.baton.aws.c1z.query.SyncView;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws show WHAT}: reads a c1z without the Go baton CLI, with its filters and meanings. Read-only: it
 * never changes the file or AWS.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show resources, entitlements, grants, syncs and more of a c1z file (read-only).",
            "",
            "WHAT is resources, resource-types, entitlements,"
                    + " grants, principals, syncs or stats. Reads the latest finished full sync unless --sync-id names"
                    + " another.",
            "",
            "Filters (as in the baton CLI): --resource-type with resources, entitlements, grants and"
                    + " principals (for grants and principals: the type of the entitlement's resource);"
                    + " --resource with --resource-type; --entitlement with grants and principals."
        })
final class ShowCommand implements Callable<Integer> {
    /** What {@code show} lists. */
    enum What {
        RESOURCES,
        RESOURCE_TYPES,
        ENTITLEMENTS,
        GRANTS,
        PRINCIPALS,
        SYNCS,
        STATS;

        static What parse(String value) {
            for (What what : values()) {
                if (what.name().replace('_', '-').equalsIgnoreCase(value)) {
                    return what;
                }
            }
            throw ConfigException.invalid(
                    "WHAT",
                    "'" + value + "' is not something show lists; use resources,"
                            + " resource-types, entitlements, grants, principals, syncs or stats");
        }
    }

    @Parameters(
            index = "0",
            paramLabel = "WHAT",
            description = "resources, resource-types, entitlements, grants, principals, syncs or stats")
    private String what;

    @Mixin
    private QueryFileOptions file;

    @Option(
            names = {"-t", "--resource-type"},
            paramLabel = "TYPE",
            description = "Only this resource type")
    private String resourceType;

    @Option(
            names = {"-r", "--resource"},
            paramLabel = "ID",
            description = "Only this resource (needs -t)")
    private String resource;

    @Option(
            names = {"-e", "--entitlement"},
            paramLabel = "ID",
            description = "Only grants of this entitlement")
    private String entitlement;

    @Mixin
    private TableOutputOption output;

    @Spec
    private CommandSpec spec;

    private final ProcessContext context;

    ShowCommand(ProcessContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        What selected = What.parse(what);
        QueryTable.Format format = output.format();
        if (resource != null && resourceType == null) {
            throw ConfigException.requires("--resource", "--resource-type");
        }
        try (SyncFile opened = file.open(context)) {
            PrintWriter out = spec.commandLine().getOut();
            if (selected == What.GRANTS) {
                printGrants(file.view(opened), grantFilter(), format, out);
            } else {
                QueryTable table = selected == What.SYNCS ? syncs(opened) : table(selected, file.view(opened));
                table.print(format, out);
            }
        }
        return 0;
    }

    private QueryTable table(What selected, SyncView view) {
        return switch (selected) {
            case RESOURCES -> resources(view);
            case RESOURCE_TYPES -> resourceTypes(view);
            case ENTITLEMENTS -> entitlements(view);
            case GRANTS -> throw new IllegalStateException("grants are printed as they are read");
            case PRINCIPALS -> principals(view);
            case STATS -> stats(view);
            case SYNCS -> throw new IllegalStateException("syncs are listed per file");
        };
    }

    private static QueryTable syncs(SyncFile opened) {
        QueryTable.Builder table = QueryTable.builder("sync_id", "type", "started_at", "ended_at", "parent_sync_id");
        for (SyncRunRow run : opened.syncRuns()) {
            table.add(run.syncId(), run.type(), run.startedAt(), run.endedAt(), run.parentSyncId());
        }
        return table.build();
    }

    private QueryTable resources(SyncView view) {
        QueryTable.Builder table = QueryTable.builder("resource_type", "resource_id", "display_name", "parent");
        for (Resource r : view.resources(resourceType)) {
            if (resource == null || resource.equals(r.getId().getResource())) {
                table.add(
                        r.getId().getResourceType(),
                        r.getId().getResource(),
                        r.getDisplayName(),
                        r.hasParentResourceId() ? QueryNames.key(r.getParentResourceId()) : "");
            }
        }
        return table.build();
    }

    private static QueryTable resourceTypes(SyncView view) {
        Map<String, Long> counts = view.resourceCounts();
        QueryTable.Builder table = QueryTable.builder("id", "display_name", "traits", "resources");
        for (ResourceType type : view.resourceTypes()) {
            table.add(
                    type.getId(),
                    type.getDisplayName(),
                    type.getTraitsList().stream()
                            .map(trait -> trait.name().replace("TRAIT_", "").toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining(" ")),
                    String.valueOf(counts.getOrDefault(type.getId(), 0L)));
        }
        return table.build();
    }

    private QueryTable entitlements(SyncView view) {
        QueryTable.Builder table = QueryTable.builder(
                "id", "display_name", "slug", "purpose", "resource_type", "resource_id", "resource_name");
        for (Entitlement e : view.entitlements(resourceType, resource)) {
            table.add(
                    e.getId(),
                    e.getDisplayName(),
                    e.getSlug(),
                    purpose(e),
                    e.getResource().getId().getResourceType(),
                    e.getResource().getId().getResource(),
                    e.getResource().getDisplayName());
        }
        return table.build();
    }

    private static String purpose(Entitlement e) {
        return e.getPurpose().name().replace("PURPOSE_VALUE_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private GrantFilter grantFilter() {
        return new GrantFilter(resourceType, resource, entitlement, null, null);
    }

    /** Prints the grants of a sync with the columns {@code show grants} and {@code export} print. */
    static void printGrants(SyncView view, GrantFilter filter, QueryTable.Format format, PrintWriter out) {
        QueryTable.RowWriter rows = QueryTable.writer(
                format,
                out,
                "id",
                "entitlement",
                "resource_type",
                "resource_id",
                "principal_type",
                "principal_id",
                "kind",
                "via");
        view.forEachGrantRow(
                filter,
                g -> rows.add(
                        g.id(),
                        g.entitlementId(),
                        g.resourceType(),
                        g.resourceId(),
                        g.principalType(),
                        g.principalId(),
                        g.kind().label(),
                        String.join(" ", g.via())));
        rows.finish();
    }

    private QueryTable principals(SyncView view) {
        Map<String, ResourceId> principals = new LinkedHashMap<>();
        view.forEachGrant(
                grantFilter(),
                (Grant g) -> principals.putIfAbsent(
                        QueryNames.key(g.getPrincipal().getId()),
                        g.getPrincipal().getId()));
        QueryTable.Builder table = QueryTable.builder("principal_type", "principal_id", "display_name", "parent");
        for (ResourceId id : principals.values()) {
            Resource stored = view.resource(id.getResourceType(), id.getResource())
                    .orElse(Resource.newBuilder().setId(id).build());
            table.add(
                    id.getResourceType(),
                    id.getResource(),
                    stored.getDisplayName(),
                    stored.hasParentResourceId() ? QueryNames.key(stored.getParentResourceId()) : "");
        }
        return table.build();
    }

    private static QueryTable stats(SyncView view) {
        QueryTable.Builder table = QueryTable.builder("name", "value");
        SyncRunRow run = view.run();
        table.add("sync_id", run.syncId())
                .add("sync_type", run.type())
                .add("started_at", run.startedAt())
                .add("ended_at", run.endedAt());
        table.add("resource_types", String.valueOf(view.resourceTypes().size()));
        view.resourceCounts().forEach((type, count) -> table.add("resources." + type, String.valueOf(count)));
        table.add("entitlements", String.valueOf(view.entitlementCount()));
        table.add("grants", String.valueOf(view.grantCount()));
        return table.build();
    }
}
