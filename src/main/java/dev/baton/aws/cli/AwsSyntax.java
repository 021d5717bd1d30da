package dev.baton.aws.cli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax rules for the AWS values the CLI accepts (role ARNs, role names, external ids, region names). Each check
 * returns what is wrong, or empty when the value is valid, so callers can prefix the flag name. The rules follow
 * the IAM and STS API references, not upstream's inverted role-name check.
 */
final class AwsSyntax {
    static final List<String> PARTITIONS = List.of("aws", "aws-us-gov", "aws-cn");

    /** IAM role (and user) names: 1..64 of letters, digits and {@code +=,.@_-}. */
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    /** IAM path characters between the slashes: printable ASCII without space. */
    private static final Pattern PATH_CHARACTERS = Pattern.compile("[\\x21-\\x7E]*");

    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final int MAX_PATH_LENGTH = 512;

    private AwsSyntax() {}

    static String roleArnShape() {
        return "expected arn:<aws|aws-us-gov|aws-cn>:iam::<12-digit account id>:role/[path/]<name>";
    }

    /** What is wrong with a role ARN; ARNs are not secret, so the problem may quote parts of it. */
    static Optional<String> roleArnProblem(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            return Optional.of("'" + arn + "' is not an ARN; " + roleArnShape());
        }
        if (!PARTITIONS.contains(parts[1])) {
            return Optional.of("partition '" + parts[1] + "' is not one of aws, aws-us-gov, aws-cn");
        }
        if (!parts[2].equals("iam")) {
            return Optional.of("service '" + parts[2] + "' is not iam; " + roleArnShape());
        }
        if (!parts[3].isEmpty()) {
            return Optional.of("IAM ARNs have no region, found '" + parts[3] + "'; " + roleArnShape());
        }
        if (!ACCOUNT_ID.matcher(parts[4]).matches()) {
            return Optional.of("account id '" + parts[4] + "' is not 12 digits");
        }
        return roleResourceProblem(parts[5]);
    }

    private static Optional<String> roleResourceProblem(String resource) {
        if (!resource.startsWith("role/")) {
            return Optional.of("resource '" + resource + "' does not start with role/");
        }
        String pathAndName = resource.substring("role".length());
        int lastSlash = pathAndName.lastIndexOf('/');
        String path = pathAndName.substring(0, lastSlash + 1);
        String name = pathAndName.substring(lastSlash + 1);
        if (path.length() > MAX_PATH_LENGTH || !PATH_CHARACTERS.matcher(path).matches() || path.contains("//")) {
            return Optional.of("role path '" + path + "' is not a valid IAM path (/, or /segments/ of printable"
                    + " characters, at most 512)");
        }
        return roleNameProblem(name);
    }

    static Optional<String> roleNameProblem(String name) {
        if (ROLE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("role name '" + name + "' is not 1-64 characters of letters, digits and +=,.@_-");
    }

    /** The value is never quoted: external ids are shared secrets between the connector and the role owner. */
    static Optional<String> externalIdProblem(String externalId) {
        if (EXTERNAL_ID.matcher(externalId).matches()) {
            return Optional.empty();
        }
        return Optional.of("must be 2-1224 characters of letters, digits and +=,.@:/_- (got " + externalId.length()
                + " characters)");
    }

    static boolean isRegion(String region) {
        return REGION.matcher(region).matches();
    }
}
