package dev.baton.aws.aws;

/**
 * Reading members that AWS's API models do not mark required: any of them may be absent from a real response,
 * which the SDK hands over as null. These helpers give the value the connector uses for "not given".
 */
public final class AwsValues {
    private AwsValues() {}

    /** {@code text}, or empty when absent. */
    public static String text(String text) {
        return text == null ? "" : text;
    }

    /** The first of {@code candidates} that is present and not empty, else empty. */
    public static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return "";
    }

    /** True only when AWS said true. */
    public static boolean isTrue(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    /** {@code number}, or {@code fallback} when absent. */
    public static int number(Integer number, int fallback) {
        return number == null ? fallback : number;
    }

    /**
     * The text of an enum member as AWS sent it. The SDK maps values it does not know to
     * {@code UNKNOWN_TO_SDK_VERSION}; pass the raw string accessor ({@code statusAsString()}) so a value added by AWS
     * after this SDK was built keeps its own name. Empty when absent.
     */
    public static String enumText(String raw) {
        return raw == null ? "" : raw;
    }
}
