package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.spi.SyncMemo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;

/**
 * The permission-set answers of {@link PermissionSetCatalog} that a continued sync recalls instead of asking AWS
 * again (docs/resumable-syncs.md): each set's description, managed policies and customer-managed references, as the
 * catalog kept them (after its own tolerant reading). JSON, because descriptions are free text.
 */
final class CatalogMemo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {};

    private final SyncMemo memo;

    CatalogMemo(SyncMemo memo) {
        this.memo = requireNonNull(memo, "memo is null");
    }

    Optional<PermissionSet> description(String permissionSetArn) {
        return recall(
                        "sso:permission-set\t" + permissionSetArn,
                        row -> PermissionSet.builder()
                                .permissionSetArn(row.get("arn"))
                                .name(row.get("name"))
                                .description(row.get("description"))
                                .createdDate(row.containsKey("created") ? Instant.parse(row.get("created")) : null)
                                .sessionDuration(row.get("sessionDuration"))
                                .relayState(row.get("relayState"))
                                .build())
                .map(rows -> rows.get(0));
    }

    void description(String permissionSetArn, PermissionSet described) {
        Map<String, String> row = new LinkedHashMap<>();
        put(row, "arn", described.permissionSetArn());
        put(row, "name", described.name());
        put(row, "description", described.description());
        put(
                row,
                "created",
                described.createdDate() == null ? null : described.createdDate().toString());
        put(row, "sessionDuration", described.sessionDuration());
        put(row, "relayState", described.relayState());
        remember("sso:permission-set\t" + permissionSetArn, List.of(row));
    }

    Optional<List<AttachedManagedPolicy>> managed(String permissionSetArn) {
        return recall(
                "sso:managed-policies\t" + permissionSetArn,
                row -> AttachedManagedPolicy.builder()
                        .arn(row.get("arn"))
                        .name(row.get("name"))
                        .build());
    }

    void managed(String permissionSetArn, List<AttachedManagedPolicy> policies) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (AttachedManagedPolicy policy : policies) {
            Map<String, String> row = new LinkedHashMap<>();
            put(row, "arn", policy.arn());
            put(row, "name", policy.name());
            rows.add(row);
        }
        remember("sso:managed-policies\t" + permissionSetArn, rows);
    }

    Optional<List<CustomerManagedPolicyReference>> customerManaged(String permissionSetArn) {
        return recall(
                "sso:customer-managed-policies\t" + permissionSetArn,
                row -> CustomerManagedPolicyReference.builder()
                        .name(row.get("name"))
                        .path(row.get("path"))
                        .build());
    }

    void customerManaged(String permissionSetArn, List<CustomerManagedPolicyReference> references) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CustomerManagedPolicyReference reference : references) {
            Map<String, String> row = new LinkedHashMap<>();
            put(row, "name", reference.name());
            put(row, "path", reference.path());
            rows.add(row);
        }
        remember("sso:customer-managed-policies\t" + permissionSetArn, rows);
    }

    private <T> Optional<List<T>> recall(String key, Function<Map<String, String>, T> decode) {
        Optional<String> text = memo.recall(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    JSON.readValue(text.get(), ROWS).stream().map(decode).toList());
        } catch (JsonProcessingException e) {
            return Optional.empty(); // not ours to fail a sync over: ask AWS again
        }
    }

    private void remember(String key, List<Map<String, String>> rows) {
        try {
            memo.remember(key, JSON.writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of string maps did not serialize", e);
        }
    }

    private static void put(Map<String, String> row, String key, String value) {
        if (value != null) {
            row.put(key, value);
        }
    }
}
