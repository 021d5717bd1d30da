package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonReplies.object;
import static dev.baton.aws.simulator.service.JsonReplies.putTime;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.SsoUser;
import dev.baton.aws.simulator.world.TrailEvent;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * CloudTrail event history ({@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents}): the
 * world's Identity Center sign-in events, newest first, each with the CloudTrailEvent document AWS records for
 * them (the connector reads {@code userIdentity.onBehalfOf} from it).
 */
public final class CloudTrailService implements JsonService {
    private static final Set<String> LOOKUP_KEYS = Set.of(
            "EventId",
            "EventName",
            "ReadOnly",
            "Username",
            "ResourceType",
            "ResourceName",
            "EventSource",
            "AccessKeyId");
    /** AWS keeps 90 days of event history; a lookup without StartTime covers all of it. */
    private static final Duration HISTORY = Duration.ofDays(90);

    private final WorldState state;
    private final JsonPaging paging =
            new JsonPaging("InvalidMaxResultsException", "InvalidNextTokenException", 50, "cloudtrail");

    public CloudTrailService(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    @Override
    public String targetPrefix() {
        return "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    }

    @Override
    public String statsPrefix() {
        return "cloudtrail";
    }

    @Override
    public String rateScope(Caller caller) {
        return "cloudtrail";
    }

    @Override
    public String throttlingCode() {
        return "ThrottlingException";
    }

    @Override
    public Map<String, JsonAction> actions() {
        return Map.of(
                "LookupEvents", (caller, body) -> lookupEvents(new JsonRequest(body, "InvalidParameterException")));
    }

    private JsonNode lookupEvents(JsonRequest request) {
        World world = state.world();
        Instant now = state.clock().instant();
        Instant end = request.optionalInstant("EndTime");
        end = end == null ? now : end;
        Instant start = request.optionalInstant("StartTime");
        start = start == null ? now.minus(HISTORY) : start;
        if (start.isAfter(end)) {
            throw new AwsFault(400, "InvalidTimeRangeException", "StartTime must be before EndTime");
        }
        Instant from = start;
        Instant to = end;
        Predicate<TrailEvent> matches = lookupFilter(world, request);
        List<TrailEvent> events = world.cloudTrailEvents().stream()
                .filter(event ->
                        !event.eventTime().isBefore(from) && !event.eventTime().isAfter(to))
                .filter(matches)
                .sorted(Comparator.comparing(TrailEvent::eventTime).reversed().thenComparing(TrailEvent::eventId))
                .toList();
        ResultSlice<TrailEvent> page =
                paging.page(events, request, world.limits().pageSize(paging.pageSizeKey()));
        return JsonReplies.page("Events", page, event -> event(world, event));
    }

    /** At most one lookup attribute, as AWS allows; keys the world has no data for match nothing. */
    private static Predicate<TrailEvent> lookupFilter(World world, JsonRequest request) {
        JsonNode attributes = request.node("LookupAttributes");
        if (!attributes.isArray() || attributes.isEmpty()) {
            return event -> true;
        }
        if (attributes.size() > 1) {
            throw new AwsFault(400, "InvalidLookupAttributesException", "Only one lookup attribute is allowed");
        }
        JsonRequest attribute = new JsonRequest(attributes.get(0), "InvalidLookupAttributesException");
        String key = attribute.required("AttributeKey");
        String value = attribute.required("AttributeValue");
        if (!LOOKUP_KEYS.contains(key)) {
            throw new AwsFault(400, "InvalidLookupAttributesException", "Unsupported AttributeKey " + key);
        }
        return switch (key) {
            case "EventSource" -> event -> event.eventSource().equals(value);
            case "EventName" -> event -> event.eventName().equals(value);
            case "EventId" -> event -> event.eventId().equals(value);
            case "ReadOnly" -> event -> value.equals("false");
            case "Username" -> event -> userName(world, event).equals(value);
            default -> event -> false;
        };
    }

    private static ObjectNode event(World world, TrailEvent event) {
        ObjectNode node = object().put("EventId", event.eventId())
                .put("EventName", event.eventName())
                .put("ReadOnly", "false");
        putTime(node, "EventTime", event.eventTime())
                .put("EventSource", event.eventSource())
                .put("Username", userName(world, event));
        node.putArray("Resources");
        return node.put("CloudTrailEvent", cloudTrailEvent(world, event).toString());
    }

    /** The store user's name, or the id of a user no longer in the store. */
    private static String userName(World world, TrailEvent event) {
        IdentityCenter identityCenter = world.identityCenter();
        return identityCenter == null
                ? event.userId()
                : identityCenter.user(event.userId()).map(SsoUser::userName).orElse(event.userId());
    }

    /** The recorded event document: sign-ins name the store user in {@code userIdentity.onBehalfOf}. */
    static ObjectNode cloudTrailEvent(World world, TrailEvent event) {
        IdentityCenter identityCenter = world.identityCenter();
        String region = identityCenter == null ? "us-east-1" : identityCenter.region();
        String owner = identityCenter == null ? event.accountId() : identityCenter.ownerAccountId();
        String storeId = identityCenter == null ? "" : identityCenter.identityStoreId();
        ObjectNode document = object().put("eventVersion", "1.08");
        ObjectNode identity = document.putObject("userIdentity")
                .put("type", "Unknown")
                .put("principalId", event.userId())
                .put("accountId", event.accountId())
                .put("userName", userName(world, event));
        identity.putObject("onBehalfOf")
                .put("userId", event.userId())
                .put("identityStoreArn", "arn:aws:identitystore::" + owner + ":identitystore/" + storeId);
        return document.put("eventTime", event.eventTime().toString())
                .put("eventSource", event.eventSource())
                .put("eventName", event.eventName())
                .put("awsRegion", region)
                .put("sourceIPAddress", "203.0.113.10")
                .put("userAgent", "Mozilla/5.0")
                .put("requestID", event.eventId())
                .put("eventID", event.eventId())
                .put("readOnly", false)
                .put("eventType", "AwsServiceEvent")
                .put("managementEvent", true)
                .put("recipientAccountId", owner)
                .put("eventCategory", "Management");
    }
}
