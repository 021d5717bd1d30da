package dev.baton.aws.c1z.query;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.proto.c1.connector.v2.AppTrait;
import dev.baton.aws.proto.c1.connector.v2.GroupTrait;
import dev.baton.aws.proto.c1.connector.v2.RoleTrait;
import dev.baton.aws.proto.c1.connector.v2.SecretTrait;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the fields in which two versions of a stored message differ, as dotted paths: message fields by their
 * proto name, {@code Struct} profiles by key ({@code profile.aws_tags}), annotations by message type
 * ({@code annotations.UserTrait.status}). Annotations of a type this reader does not know are compared whole.
 */
final class ChangedFields {
    private static final Map<String, Descriptor> ANNOTATION_TYPES = Map.of(
            UserTrait.getDescriptor().getFullName(), UserTrait.getDescriptor(),
            GroupTrait.getDescriptor().getFullName(), GroupTrait.getDescriptor(),
            RoleTrait.getDescriptor().getFullName(), RoleTrait.getDescriptor(),
            AppTrait.getDescriptor().getFullName(), AppTrait.getDescriptor(),
            SecretTrait.getDescriptor().getFullName(), SecretTrait.getDescriptor());

    private ChangedFields() {}

    static List<String> between(Message before, Message after) {
        Set<String> paths = new LinkedHashSet<>();
        compare(before, after, "", paths);
        return List.copyOf(paths);
    }

    private static void compare(Message before, Message after, String prefix, Set<String> paths) {
        if (before.equals(after)) {
            return;
        }
        if (before.getDescriptorForType()
                .getFullName()
                .equals(Struct.getDescriptor().getFullName())) {
            try {
                compareStructs(
                        Struct.parseFrom(before.toByteString()), Struct.parseFrom(after.toByteString()), prefix, paths);
            } catch (InvalidProtocolBufferException e) {
                paths.add(prefix.isEmpty() ? "profile" : prefix.substring(0, prefix.length() - 1));
            }
            return;
        }
        for (FieldDescriptor field : before.getDescriptorForType().getFields()) {
            Object a = before.getField(field);
            Object b = after.getField(field);
            if (a.equals(b)) {
                continue;
            }
            String path = prefix + field.getName();
            if (field.isRepeated()
                    && field.getMessageType() != null
                    && field.getMessageType()
                            .getFullName()
                            .equals(Any.getDescriptor().getFullName())) {
                compareAnnotations(castAnys(a), castAnys(b), path + ".", paths);
            } else if (!field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                compare((Message) a, (Message) b, path + ".", paths);
            } else {
                paths.add(path);
            }
        }
    }

    private static void compareStructs(Struct before, Struct after, String prefix, Set<String> paths) {
        Set<String> keys = new LinkedHashSet<>(before.getFieldsMap().keySet());
        keys.addAll(after.getFieldsMap().keySet());
        for (String key : keys) {
            Value a = before.getFieldsMap().get(key);
            Value b = after.getFieldsMap().get(key);
            if (a == null || !a.equals(b)) {
                paths.add(prefix + key);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Any> castAnys(Object value) {
        return (List<Any>) value;
    }

    private static void compareAnnotations(List<Any> before, List<Any> after, String prefix, Set<String> paths) {
        Map<String, Any> a = byType(before);
        Map<String, Any> b = byType(after);
        Set<String> types = new LinkedHashSet<>(a.keySet());
        types.addAll(b.keySet());
        for (String type : types) {
            Any x = a.get(type);
            Any y = b.get(type);
            if (x != null && x.equals(y)) {
                continue;
            }
            String name = type.substring(type.lastIndexOf('.') + 1);
            Descriptor descriptor = ANNOTATION_TYPES.get(type);
            if (x == null || y == null || descriptor == null) {
                paths.add(prefix + name);
                continue;
            }
            List<String> inner = new ArrayList<>();
            try {
                Set<String> nested = new LinkedHashSet<>();
                compare(
                        DynamicMessage.parseFrom(descriptor, x.getValue()),
                        DynamicMessage.parseFrom(descriptor, y.getValue()),
                        prefix + name + ".",
                        nested);
                inner.addAll(nested);
            } catch (InvalidProtocolBufferException e) {
                inner.add(prefix + name);
            }
            paths.addAll(inner.isEmpty() ? List.of(prefix + name) : inner);
        }
    }

    private static Map<String, Any> byType(List<Any> annotations) {
        Map<String, Any> byType = new LinkedHashMap<>();
        for (Any any : annotations) {
            String url = any.getTypeUrl();
            byType.putIfAbsent(url.substring(url.lastIndexOf('/') + 1), any);
        }
        return byType;
    }
}
