package dev.baton.aws.c1z.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Which grants to list, as the baton CLI filters them; null fields do not filter.
 *
 * @param resourceType the type of the entitlement's resource (not of the principal)
 * @param resourceId the entitlement's resource id, within {@code resourceType}
 * @param entitlementId the entitlement id
 * @param principalType the principal's resource type
 * @param principalId the principal's resource id, within {@code principalType}
 */
public record GrantFilter(
        String resourceType, String resourceId, String entitlementId, String principalType, String principalId) {
    public static GrantFilter all() {
        return new GrantFilter(null, null, null, null, null);
    }

    public static GrantFilter ofEntitlement(String entitlementId) {
        return new GrantFilter(null, null, entitlementId, null, null);
    }

    public static GrantFilter ofPrincipal(String type, String id) {
        return new GrantFilter(null, null, null, type, id);
    }

    /** {@code " and col = ?"} for each set field, with the matching parameters appended to {@code params}. */
    String conditions(List<String> params) {
        StringBuilder sql = new StringBuilder();
        List<String[]> columns = new ArrayList<>();
        columns.add(new String[] {"resource_type_id", resourceType});
        columns.add(new String[] {"resource_id", resourceId});
        columns.add(new String[] {"entitlement_id", entitlementId});
        columns.add(new String[] {"principal_resource_type_id", principalType});
        columns.add(new String[] {"principal_resource_id", principalId});
        for (String[] column : columns) {
            if (column[1] != null) {
                sql.append(" and ").append(column[0]).append(" = ?");
                params.add(column[1]);
            }
        }
        return sql.toString();
    }
}
