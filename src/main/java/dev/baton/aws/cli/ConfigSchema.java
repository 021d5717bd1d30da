package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The connector's configuration schema in the shape of ConductorOne's {@code c1.config.v1.Configuration}: the 17
 * connector fields in upstream order, their two dependency constraints and the connector's display metadata.
 * Descriptions, defaults, types and allowed values are read from the options themselves, so the schema and
 * {@code --help} cannot drift; only what the CLI has no notion of (ops/secret/display names) is listed here.
 */
final class ConfigSchema {
    private static final String DEPENDENT_ON = "CONSTRAINT_KIND_DEPENDENT_ON";

    /** How ConductorOne shows a field; the rest comes from the option of the same name. */
    private record Field(String name, boolean ops, boolean secret, boolean generated, String displayName) {
        static Field gui(String name, String displayName) {
            return new Field(name, false, false, false, displayName);
        }

        static Field ops(String name, String displayName) {
            return new Field(name, true, false, false, displayName);
        }
    }

    /** Every field has a display name; the three upstream sets itself are kept word for word. */
    private static final List<Field> FIELDS = List.of(
            new Field("external-id", false, false, true, "External ID"), // ConductorOne generates it
            Field.ops("global-access-key-id", "Access Key ID"),
            Field.gui("global-aws-orgs-enabled", "Enable AWS Organizations"),
            Field.gui(
                    "global-aws-sso-enabled",
                    "Enable support for AWS IAM Identity Center (successor to AWS Single Sign-On)"),
            Field.gui("global-aws-cross-account-iam-enabled", "Sync IAM of every child account"),
            Field.gui("global-aws-sso-region", "Identity Center Region"),
            Field.ops("global-binding-external-id", "Binding External ID"),
            Field.ops("global-region", "AWS Region"),
            Field.ops("global-role-arn", "Binding Role ARN"),
            new Field("global-secret-access-key", true, true, false, "Secret Access Key"),
            Field.gui("role-arn", "Role ARN"),
            Field.ops("use-assume", "Use Assume Role"),
            Field.gui("sync-secrets", "Sync Secrets (access keys)"),
            Field.gui("iam-assume-role-name", "IAM assume role name (child IAM accounts)"),
            Field.gui("sync-sso-user-last-login", "Sync Identity Center user last login"),
            Field.gui("sync-only-attached-policies", "Sync only attached policies"),
            Field.gui("create-account-resource-type", "Account Provisioning Target"));

    private final CommandSpec root;
    private final ObjectMapper mapper = new ObjectMapper();

    ConfigSchema(CommandSpec root) {
        this.root = requireNonNull(root, "root is null");
    }

    static List<String> fieldNames() {
        return FIELDS.stream().map(Field::name).toList();
    }

    String json() throws java.io.IOException {
        ObjectNode schema = mapper.createObjectNode();
        ArrayNode fields = schema.putArray("fields");
        FIELDS.forEach(field -> fields.add(field(field)));
        ArrayNode constraints = schema.putArray("constraints");
        constraints.add(dependentOn(List.of("use-assume"), List.of("role-arn")));
        constraints.add(dependentOn(
                List.of("global-aws-cross-account-iam-enabled"),
                List.of("global-aws-orgs-enabled", "global-aws-sso-enabled")));
        schema.put("displayName", "AWS");
        schema.put("helpUrl", "/docs/baton/aws-v2");
        schema.put("iconUrl", "/static/app-icons/aws.svg");
        return IndentedJson.of(schema);
    }

    private ObjectNode field(Field field) {
        OptionSpec option = root.findOption(field.name());
        if (option == null) {
            throw new IllegalStateException("no option --" + field.name() + " for config field " + field.name());
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("name", field.name());
        node.put("displayName", field.displayName());
        node.put("description", String.join(" ", option.description()));
        node.put("isOps", field.ops());
        node.put("isSecret", field.secret());
        if (option.type() == boolean.class) {
            node.putObject("boolField").put("defaultValue", Boolean.parseBoolean(option.defaultValue()));
            return node;
        }
        ObjectNode stringField = node.putObject("stringField");
        stringField.put("defaultValue", option.defaultValue() == null ? "" : option.defaultValue());
        if (field.generated()) {
            stringField.put("type", "STRING_FIELD_TYPE_RANDOM");
        }
        if (option.completionCandidates() != null) {
            ArrayNode allowed = stringField.putObject("rules").putArray("in");
            option.completionCandidates().forEach(allowed::add);
        }
        return node;
    }

    private ObjectNode dependentOn(List<String> fields, List<String> required) {
        ObjectNode constraint = mapper.createObjectNode();
        constraint.put("kind", DEPENDENT_ON);
        fields.forEach(constraint.putArray("fieldNames")::add);
        required.forEach(constraint.putArray("secondaryFieldNames")::add);
        return constraint;
    }
}
