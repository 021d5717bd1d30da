package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

/**
 * A parsed ARN: {@code arn:<partition>:<service>:<region>:<account>:<resource>}. The resource keeps any colons
 * and slashes it contains; {@link #name()} is its last {@code /} segment (an IAM user, group or role name).
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {
    public Arn {
        requireNonNull(partition, "partition is null");
        requireNonNull(service, "service is null");
        requireNonNull(region, "region is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(resource, "resource is null");
    }

    /** Parses {@code text}; throws IllegalArgumentException naming the text when it is not an ARN. */
    public static Arn parse(String text) {
        requireNonNull(text, "text is null");
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            throw new IllegalArgumentException("not an ARN: " + text);
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** True when {@code text} parses as an ARN. */
    public static boolean isArn(String text) {
        return text != null && text.startsWith("arn:") && text.split(":", 6).length == 6;
    }

    /** The last path segment of the resource: {@code alice} for {@code user/division/alice}. */
    public String name() {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? resource : resource.substring(slash + 1);
    }

    /**
     * The IAM path between the resource type and the name: {@code /division/} for {@code user/division/alice},
     * {@code /} for {@code user/alice} (IAM's default path).
     */
    public String path() {
        int first = resource.indexOf('/');
        int last = resource.lastIndexOf('/');
        return first < 0 || first == last ? "/" : resource.substring(first, last + 1);
    }

    /** The resource type prefix before the first {@code /} ({@code user}, {@code role}, {@code policy}, ...). */
    public String resourceType() {
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
