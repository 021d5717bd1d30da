package dev.baton.aws.simulator.world;

import static dev.baton.aws.simulator.world.WorldGenerator.NOW;
import static dev.baton.aws.simulator.world.WorldGenerator.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The IAM part of a generated account: people, groups, roles with varied trust, policies. */
final class GeneratedIam {
    static final String CONNECTOR_USER = "baton-connector";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWS = "arn:aws:iam::aws:policy/";
    private static final List<String> GROUPS = List.of("Admins", "Developers", "ReadOnly", "Operators");
    private static final List<String> GROUP_PATHS = List.of("/", "/eng/", "/", "/ops/");
    private static final List<String> GROUP_POLICIES =
            List.of("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "ViewOnlyAccess");

    private final IdSource ids;
    private final String management;

    GeneratedIam(IdSource ids, String management) {
        this.ids = ids;
        this.management = management;
    }

    AccountIam accountIam(int index, String accountId, int userCount, String accountName, String trustedAccount) {
        List<ManagedPolicy> policies = List.of(
                new ManagedPolicy(
                        "DeployPipeline",
                        "/",
                        ids.iamId("ANPA"),
                        "Deploy through CloudFormation",
                        document("Allow", List.of("cloudformation:*", "codepipeline:*")),
                        "v1",
                        daysAgo(400)),
                new ManagedPolicy(
                        "DataAccess",
                        "/data/",
                        ids.iamId("ANPA"),
                        "",
                        document("Allow", List.of("s3:GetObject", "athena:*")),
                        "v2",
                        daysAgo(300)));
        List<IamGroup> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            Map<String, JsonNode> inline = g == 1 ? Map.of("sandbox", document("Allow", List.of("ec2:*"))) : Map.of();
            groups.add(new IamGroup(
                    GROUPS.get(g),
                    GROUP_PATHS.get(g),
                    ids.iamId("AGPA"),
                    daysAgo(900),
                    inline,
                    List.of(AWS + GROUP_POLICIES.get(g))));
        }
        List<IamUser> users = new ArrayList<>();
        for (int j = 0; j < userCount; j++) {
            users.add(user(index * 7 + j, j, accountId, accountName));
        }
        List<IamRole> roles = new ArrayList<>();
        if (index > 0) {
            roles.add(role(
                    "OrganizationAccountAccessRole",
                    "/",
                    trust("AWS", "arn:aws:iam::" + management + ":root", "sts:AssumeRole"),
                    List.of(AWS + "AdministratorAccess"),
                    null));
        }
        roles.add(role(
                "app-server",
                "/service-role/",
                trust("Service", "ec2.amazonaws.com", "sts:AssumeRole"),
                List.of(AWS + "AmazonS3ReadOnlyAccess"),
                new RoleLastUsed(daysAgo(ids.nextInt(30)), "us-east-1")));
        roles.add(role(
                "SamlAdmins",
                "/federated/",
                trust("Federated", "arn:aws:iam::" + accountId + ":saml-provider/Okta", "sts:AssumeRoleWithSAML"),
                List.of(AWS + "AdministratorAccess"),
                null));
        roles.add(role(
                "cross-account-audit",
                "/",
                trust("AWS", trustedAccount, "sts:AssumeRole"),
                List.of(AWS + "SecurityAudit"),
                null));
        return new AccountIam(users, groups, roles, policies);
    }

    private IamUser user(int nameIndex, int j, String accountId, String accountName) {
        String name = GeneratedNames.given(nameIndex).toLowerCase(Locale.ROOT) + "."
                + GeneratedNames.family(nameIndex).toLowerCase(Locale.ROOT) + (j >= 676 ? Integer.toString(j) : "");
        String path = GeneratedNames.IAM_PATHS.get(ids.nextInt(GeneratedNames.IAM_PATHS.size()));
        Instant created = daysAgo(30 + ids.nextInt(1000));
        List<AccessKey> keys = new ArrayList<>();
        int keyCount = ids.nextInt(3);
        for (int k = 0; k < keyCount; k++) {
            AccessKeyLastUsed used = ids.nextInt(10) < 7
                    ? new AccessKeyLastUsed(daysAgo(ids.nextInt(90)), k == 0 ? "s3" : "ec2", "us-east-1")
                    : null;
            keys.add(new AccessKey(
                    ids.accessKeyId("AKIA"),
                    ids.nextInt(100) < 85 ? "Active" : "Inactive",
                    created.plusSeconds(86400L * k),
                    used));
        }
        boolean console = ids.nextInt(10) < 6;
        List<MfaDevice> mfa = console && ids.nextInt(2) == 0
                ? List.of(new MfaDevice("arn:aws:iam::" + accountId + ":mfa/" + name, created))
                : List.of();
        Instant passwordUsed = console && ids.nextInt(10) < 8 ? daysAgo(ids.nextInt(60)) : null;
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            if (ids.nextInt(10) < 4) {
                groups.add(GROUPS.get(g));
            }
        }
        Map<String, JsonNode> inline =
                ids.nextInt(5) == 0 ? Map.of("personal-bucket", document("Allow", List.of("s3:*"))) : Map.of();
        List<String> attached =
                ids.nextInt(10) < 3 ? List.of("arn:aws:iam::" + accountId + ":policy/DeployPipeline") : List.of();
        Map<String, String> tags = new LinkedHashMap<>();
        if (ids.nextInt(2) == 0) {
            tags.put("email", name + "@" + accountName + ".example.com");
        }
        return new IamUser(
                name,
                path,
                ids.iamId("AIDA"),
                created,
                passwordUsed,
                console,
                tags,
                keys,
                mfa,
                List.of(),
                List.of(),
                List.of(),
                groups,
                inline,
                attached,
                null,
                List.of());
    }

    private IamRole role(String name, String path, JsonNode trust, List<String> attached, RoleLastUsed lastUsed) {
        return new IamRole(
                name,
                path,
                ids.iamId("AROA"),
                daysAgo(800),
                "",
                3600,
                trust,
                Map.of(),
                attached,
                Map.of(),
                lastUsed,
                null,
                List.of());
    }

    private static JsonNode trust(String principalType, String principal, String action) {
        ObjectNode statement = JSON.createObjectNode().put("Effect", "Allow");
        statement.putObject("Principal").put(principalType, principal);
        statement.put("Action", action);
        ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
        document.putArray("Statement").add(statement);
        return document;
    }

    /** Adds the connector user (holding {@code accessKeyId}) and the role that trusts it to the management account. */
    Account withConnector(Account account, String accessKeyId, String externalId) {
        IamUser connector = new IamUser(
                CONNECTOR_USER,
                "/service/",
                ids.iamId("AIDA"),
                daysAgo(10),
                null,
                false,
                Map.of("purpose", "baton-aws sync"),
                List.of(new AccessKey(accessKeyId, "Active", daysAgo(10), null)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                null,
                List.of());
        ObjectNode trust = (ObjectNode) trust("AWS", connector.arn(account.id()), "sts:AssumeRole");
        ((ObjectNode) trust.get("Statement").get(0))
                .putObject("Condition")
                .putObject("StringEquals")
                .put("sts:ExternalId", externalId);
        IamRole role = new IamRole(
                ConnectorAccess.ROLE_NAME,
                "/",
                ids.iamId("AROA"),
                daysAgo(10),
                "Read-only role assumed by the baton-aws connector",
                3600,
                trust,
                Map.of(),
                List.of(AWS + "SecurityAudit", AWS + "ReadOnlyAccess"),
                Map.of(),
                null,
                null,
                List.of());
        List<IamUser> users = new ArrayList<>(account.iam().users());
        users.add(0, connector);
        List<IamRole> roles = new ArrayList<>(account.iam().roles());
        roles.add(0, role);
        return account.withIam(account.iam().withUsers(users).withRoles(roles));
    }

    private static Instant daysAgo(int days) {
        return NOW.minusSeconds(86400L * days);
    }
}
