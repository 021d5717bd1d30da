package dev.baton.aws.model;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Collection;
import java.util.Map;

/**
 * Builds {@code google.protobuf.Struct} profiles. Values may be String, Boolean, Number, Map (nested struct),
 * Collection (list) or null; insertion order is kept so the serialized bytes are deterministic.
 */
public final class Profiles {
    private Profiles() {}

    public static Struct of(Map<String, ?> fields) {
        Struct.Builder builder = Struct.newBuilder();
        fields.forEach((key, value) -> builder.putFields(key, value(value)));
        return builder.build();
    }

    public static Value value(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Value v) {
            return v;
        }
        if (value instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (value instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (value instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (value instanceof Map<?, ?> map) {
            Struct.Builder nested = Struct.newBuilder();
            map.forEach((k, v) -> nested.putFields(String.valueOf(k), value(v)));
            return Value.newBuilder().setStructValue(nested).build();
        }
        if (value instanceof Collection<?> list) {
            ListValue.Builder items = ListValue.newBuilder();
            list.forEach(item -> items.addValues(value(item)));
            return Value.newBuilder().setListValue(items).build();
        }
        throw new IllegalArgumentException(
                "unsupported profile value type " + value.getClass().getName());
    }

    /** The string field {@code key} of a profile, or "" when absent or not a string. */
    public static String string(Struct profile, String key) {
        Value value = profile.getFieldsMap().get(key);
        return value != null && value.hasStringValue() ? value.getStringValue() : "";
    }
}
