package dev.baton.aws.c1z.query;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A grant as a listing prints it: the ids from the row's columns, and its kind and {@code via} from the blob's
 * {@code sources}. Reading only the source ids of the blob skips the embedded entitlement and its resource (most of
 * a stored grant's 2 KB), which makes listing every grant of a large sync several times faster than decoding them.
 */
public record GrantRow(
        String id,
        String entitlementId,
        String resourceType,
        String resourceId,
        String principalType,
        String principalId,
        GrantKind kind,
        List<String> via) {
    /** {@code Grant.sources}. */
    private static final int SOURCES_FIELD = 5;
    /** {@code GrantSources.sources}, a map: repeated entries of {key = 1, value = 2}. */
    private static final int MAP_FIELD = 1;

    private static final int KEY_FIELD = 1;

    public GrantRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        via = List.copyOf(via);
    }

    /** The row of a stored grant, from its columns and blob. */
    static GrantRow of(
            String id,
            String entitlementId,
            String resourceType,
            String resourceId,
            String principalType,
            String principalId,
            byte[] data)
            throws IOException {
        List<String> sources = sourceIds(data);
        GrantKind kind = sources.isEmpty() || sources.contains(entitlementId) ? GrantKind.DIRECT : GrantKind.EXPANDED;
        List<String> via = sources.stream()
                .filter(source -> !source.equals(entitlementId))
                .sorted()
                .toList();
        return new GrantRow(id, entitlementId, resourceType, resourceId, principalType, principalId, kind, via);
    }

    /**
     * The keys of {@code Grant.sources.sources} (a map: field 1 of {@code GrantSources}, each entry's key field 1)
     * in a serialized grant, read without building any message; every other field is skipped.
     */
    static List<String> sourceIds(byte[] grant) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(grant);
        List<String> ids = new ArrayList<>(0);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == tag(SOURCES_FIELD)) {
                int sources = in.pushLimit(in.readRawVarint32());
                for (int entry = in.readTag(); entry != 0; entry = in.readTag()) {
                    if (entry == tag(MAP_FIELD)) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        String key = "";
                        for (int field = in.readTag(); field != 0; field = in.readTag()) {
                            if (field == tag(KEY_FIELD)) {
                                key = in.readStringRequireUtf8();
                            } else if (!in.skipField(field)) {
                                break;
                            }
                        }
                        in.popLimit(limit);
                        if (!ids.contains(key)) { // a repeated key replaces the earlier entry, as in protobuf maps
                            ids.add(key);
                        }
                    } else if (!in.skipField(entry)) {
                        break;
                    }
                }
                in.popLimit(sources);
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        return ids;
    }

    /** The tag of a length-delimited field. */
    private static int tag(int field) {
        return field << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }
}
