package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.SyncException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where Identity Center page tokens are encoded: standard base64 of a small JSON object with
 * upstream's field names, because ConductorOne-side tests decode the {@code {"psi":n}} form.
 * <ul>
 *   <li>{@code {"psi":n}}: index of the next permission set in a cached list (account entitlements, bindings);</li>
 *   <li>{@code {"psi":n,"apt":"..."}}: plus the AWS token inside that permission set's assignments;</li>
 *   <li>{@code {"pp":true,"t":"..."}}: binding grants, assignment pages ({@code t}) then the policy phase.</li>
 * </ul>
 * Absent fields decode to 0, "" and false; empty ones are left out when encoding.
 *
 * @param permissionSetIndex index of the permission set the page continues in ({@code psi})
 * @param assignmentToken    AWS NextToken of that permission set's assignment listing ({@code apt})
 * @param policyPhase        the binding's assignment phase is done; next comes the policy phase ({@code pp})
 * @param bindingToken       AWS NextToken of the binding's assignment listing ({@code t})
 */
record SsoPageToken(int permissionSetIndex, String assignmentToken, boolean policyPhase, String bindingToken) {
    private static final String PERMISSION_SET_INDEX = "psi";
    private static final String ASSIGNMENT_TOKEN = "apt";
    private static final String POLICY_PHASE = "pp";
    private static final String BINDING_TOKEN = "t";
    private static final ObjectReader READER = JsonMapper.builder().build().reader();
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer();

    SsoPageToken {
        requireNonNull(assignmentToken, "assignmentToken is null");
        requireNonNull(bindingToken, "bindingToken is null");
    }

    static PageToken index(int permissionSetIndex) {
        return index(permissionSetIndex, "");
    }

    static PageToken index(int permissionSetIndex, String assignmentToken) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(PERMISSION_SET_INDEX, permissionSetIndex);
        putIfPresent(fields, ASSIGNMENT_TOKEN, assignmentToken);
        return encode(fields);
    }

    static PageToken phase(boolean policyPhase, String awsToken) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (policyPhase) {
            fields.put(POLICY_PHASE, true);
        }
        putIfPresent(fields, BINDING_TOKEN, awsToken);
        return encode(fields);
    }

    static SsoPageToken decode(PageToken token) throws SyncException {
        if (token.isFirst()) {
            return new SsoPageToken(0, "", false, "");
        }
        try {
            byte[] json = Base64.getDecoder().decode(token.value());
            JsonNode node = READER.readTree(new String(json, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new SyncException("invalid Identity Center page token: not a JSON object");
            }
            return new SsoPageToken(
                    node.path(PERMISSION_SET_INDEX).asInt(0),
                    node.path(ASSIGNMENT_TOKEN).asText(""),
                    node.path(POLICY_PHASE).asBoolean(false),
                    node.path(BINDING_TOKEN).asText(""));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new SyncException("invalid Identity Center page token: " + e.getMessage(), e);
        }
    }

    private static void putIfPresent(Map<String, Object> fields, String key, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(key, value);
        }
    }

    private static PageToken encode(Map<String, Object> fields) {
        try {
            byte[] json = WRITER.writeValueAsBytes(fields);
            return PageToken.of(Base64.getEncoder().encodeToString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings, numbers and booleans always serializes", e);
        }
    }
}
