package dev.baton.aws.c1z;

import java.util.Map;
import java.util.Set;

/**
 * Which {@code google.protobuf.Any} annotation types baton readers can decode. An unknown type breaks their JSON
 * output and the older CLI's {@code diff}; types only newer readers know are reported as notes, not violations.
 */
final class AnnotationTypes {
    static final String NAME = "annotations";
    private static final String PREFIX = "type.googleapis.com/c1.connector.v2.";
    private static final Set<String> KNOWN = Set.of(
            "UserTrait",
            "GroupTrait",
            "RoleTrait",
            "AppTrait",
            "SecretTrait",
            "ScopeBindingTrait",
            "SecurityInsightTrait",
            "ChildResourceType",
            "SkipEntitlementsAndGrants",
            "SkipEntitlements",
            "SkipGrants",
            "GrantExpandable",
            "GrantImmutable",
            "GrantMetadata",
            "GrantAlreadyExists",
            "GrantAlreadyRevoked",
            "InsertResourceGrants",
            "EntitlementImmutable",
            "ExternalLink",
            "V1Identifier",
            "RawId",
            "Aliases",
            "ExternalResourceMatch",
            "ExternalResourceMatchAll",
            "ExternalResourceMatchID",
            "CapabilityPermissions",
            "RateLimitDescription",
            "ResourceDoesNotExist",
            "RequestId");
    private static final Set<String> NEWER_READERS_ONLY = Set.of(
            "OptInRequired",
            "SkipSyncAnomalyDetection",
            "Deprecated",
            "EntitlementExclusionGroup",
            "NonHumanIdentityTrait");
    /** The trait annotation a resource must carry for each trait number its type lists. */
    static final Map<Integer, String> TRAIT_ANNOTATIONS = Map.of(
            1, "UserTrait", 2, "GroupTrait", 3, "RoleTrait", 4, "AppTrait", 5, "SecretTrait", 7, "ScopeBindingTrait");

    private AnnotationTypes() {}

    static String url(String messageName) {
        return PREFIX + messageName;
    }

    static void check(String where, String typeUrl, Violations violations, Notes notes) {
        if (typeUrl.startsWith(PREFIX)) {
            String name = typeUrl.substring(PREFIX.length());
            if (KNOWN.contains(name)) {
                return;
            }
            if (NEWER_READERS_ONLY.contains(name)) {
                notes.add(where + " uses " + typeUrl + ", which only newer baton readers know");
                return;
            }
        }
        violations.add(NAME, where + ": annotation type " + typeUrl + " is unknown to baton readers");
    }
}
