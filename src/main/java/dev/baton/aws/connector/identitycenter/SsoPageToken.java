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
 * @param psi permission-set index
 * @param apt AWS NextToken of the assignment listing of permission set {@code psi}
 * @param pp  the binding's assignment phase is done; next comes the policy-composition phase
 * @param t   AWS NextToken of the binding's assignment listing
 */
record SsoPageToken(int psi, String apt, boolean pp, String t) {
    private static final ObjectReader READER = JsonMapper.builder().build().reader();
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer();

    SsoPageToken {
        requireNonNull(apt, "apt is null");
        requireNonNull(t, "t is null");
    }

    static PageToken index(int psi) {
        return index(psi, "");
    }

    static PageToken index(int psi, String apt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("psi", psi);
        putIfPresent(fields, "apt", apt);
        return encode(fields);
    }

    static PageToken phase(boolean policyPhase, String awsToken) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (policyPhase) {
            fields.put("pp", true);
        }
        putIfPresent(fields, "t", awsToken);
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
            return new SsoPageToken(node.path("psi").asInt(0), node.path("apt").asText(""),
                    node.path("pp").asBoolean(false), node.path("t").asText(""));
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
