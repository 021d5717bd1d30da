package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table: every kind of bad input (flags, environment, config file, world files, c1z files) ends
 * with exit code 2 and exactly one line on stderr that names the input (flag and variable, or file) and what would
 * be valid; nothing reaches the runner or AWS. One row per case; a new case is one more row.
 */
class InvalidInputTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/Baton";
    private static final String BINDING_ROLE = "arn:aws:iam::765656841499:role/ConductorOneService";
    private static final String TYPES = "access-key, account, account_iam, group, iam_policy, iam_user, inline_policy,"
            + " organization, organizational_unit, permission_set, permission_set_assignment, role, sso_group,"
            + " sso_user";
    private static final String ARN_SHAPE =
            "expected arn:<aws|aws-us-gov|aws-cn>:iam::<12-digit account id>" + ":role/[path/]<name>";

    private static final String RETRY_BUDGET_USE =
            " use e.g. 90s, 10m, 1h or 1m30s (0 = only the SDK's own" + " attempts)";

    @TempDir
    Path workingDirectory;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                flags("unknown flag", "Unknown option: '--foo' (see baton-aws --help)", "--foo"),
                flags(
                        "misspelt flag",
                        "Unknown options: '--global-regin', 'us-east-1'; did you mean --global-region?"
                                + " (see baton-aws --help)",
                        "--global-regin",
                        "us-east-1"),
                flags(
                        "misspelt flag with value",
                        "Unknown option: '--worker=4'; did you mean --workers? (see" + " baton-aws --help)",
                        "--worker=4"),
                flags("positional argument", "Unmatched argument at index 0: 'sync' (see baton-aws --help)", "sync"),
                flags("not a number", "--workers (BATON_WORKERS): 'abc' is not an int", "--workers", "abc"),
                env(
                        "not a number from the environment",
                        "--workers (BATON_WORKERS): 'many' is not an int",
                        Map.of("BATON_WORKERS", "many")),
                flags(
                        "workers too low",
                        "--workers (BATON_WORKERS): -2 is out of range; use 1-64, 0 (one at a"
                                + " time) or -1 (automatic)",
                        "--workers",
                        "-2"),
                flags(
                        "workers too high",
                        "--workers (BATON_WORKERS): 65 is out of range; use 1-64, 0 (one at a"
                                + " time) or -1 (automatic)",
                        "--workers",
                        "65"),
                flags(
                        "login window too long",
                        "--sso-last-login-days (BATON_SSO_LAST_LOGIN_DAYS): 91 is out of range;" + " use 1-90",
                        "--sso-last-login-days",
                        "91"),
                flags(
                        "negative rate",
                        "--rate-iam (BATON_RATE_IAM): -1.0 is not a rate; use requests per second >= 0"
                                + " (0 = unlimited)",
                        "--rate-iam",
                        "-1"),
                flags(
                        "NaN rate",
                        "--rate-sts (BATON_RATE_STS): NaN is not a rate; use requests per second >= 0"
                                + " (0 = unlimited)",
                        "--rate-sts",
                        "NaN"),
                flags(
                        "rate not a number",
                        "--rate-cloudtrail (BATON_RATE_CLOUDTRAIL): 'fast' is not a double",
                        "--rate-cloudtrail",
                        "fast"),
                env(
                        "boolean from the environment",
                        "--sync-secrets (BATON_SYNC_SECRETS): 'maybe' is not a boolean",
                        Map.of("BATON_SYNC_SECRETS", "maybe")),
                flags("missing option value", "--role-arn (BATON_ROLE_ARN): needs a value", "--role-arn"),
                flags(
                        "sso without orgs",
                        "--global-aws-sso-enabled requires --global-aws-orgs-enabled"
                                + " (BATON_GLOBAL_AWS_ORGS_ENABLED)",
                        "--global-aws-sso-enabled"),
                env(
                        "sso without orgs from the environment",
                        "--global-aws-sso-enabled requires"
                                + " --global-aws-orgs-enabled (BATON_GLOBAL_AWS_ORGS_ENABLED)",
                        Map.of("BATON_GLOBAL_AWS_SSO_ENABLED", "true")),
                flags(
                        "cross-account without sso",
                        "--global-aws-cross-account-iam-enabled requires"
                                + " --global-aws-orgs-enabled (BATON_GLOBAL_AWS_ORGS_ENABLED) and --global-aws-sso-enabled"
                                + " (BATON_GLOBAL_AWS_SSO_ENABLED)",
                        "--global-aws-cross-account-iam-enabled",
                        "--global-aws-orgs-enabled"),
                flags(
                        "sso region not offered",
                        "--global-aws-sso-region (BATON_GLOBAL_AWS_SSO_REGION): 'us-east-9' is"
                                + " not offered; use one of " + String.join(", ", SsoRegions.ALL),
                        "--global-aws-sso-region",
                        "us-east-9"),
                flags(
                        "region not a region",
                        "--global-region (BATON_GLOBAL_REGION): 'useast1' is not an AWS region"
                                + " name; expected something like us-east-1 or eu-central-1",
                        "--global-region",
                        "useast1"),
                flags(
                        "role arn not an arn",
                        "--role-arn (BATON_ROLE_ARN): 'Baton' is not an ARN; " + ARN_SHAPE,
                        "--role-arn",
                        "Baton"),
                flags(
                        "role arn partition",
                        "--role-arn (BATON_ROLE_ARN): partition 'aws-eu' is not one of aws," + " aws-us-gov, aws-cn",
                        "--role-arn",
                        "arn:aws-eu:iam::123456789012:role/Baton"),
                flags(
                        "role arn service",
                        "--role-arn (BATON_ROLE_ARN): service 'sts' is not iam; " + ARN_SHAPE,
                        "--role-arn",
                        "arn:aws:sts::123456789012:role/Baton"),
                flags(
                        "role arn region",
                        "--role-arn (BATON_ROLE_ARN): IAM ARNs have no region, found 'us-east-1'; " + ARN_SHAPE,
                        "--role-arn",
                        "arn:aws:iam:us-east-1:123456789012:role/Baton"),
                flags(
                        "role arn account",
                        "--role-arn (BATON_ROLE_ARN): account id '1234' is not 12 digits",
                        "--role-arn",
                        "arn:aws:iam::1234:role/Baton"),
                flags(
                        "role arn resource",
                        "--role-arn (BATON_ROLE_ARN): resource 'user/Baton' does not start with" + " role/",
                        "--role-arn",
                        "arn:aws:iam::123456789012:user/Baton"),
                flags(
                        "role name",
                        "--role-arn (BATON_ROLE_ARN): role name 'Baton role' is not 1-64 characters of"
                                + " letters, digits and +=,.@_-",
                        "--role-arn",
                        "arn:aws:iam::123456789012:role/Baton role"),
                flags(
                        "binding role arn",
                        "--global-role-arn (BATON_GLOBAL_ROLE_ARN): account id 'c1' is not 12" + " digits",
                        "--role-arn",
                        ROLE,
                        "--global-role-arn",
                        "arn:aws:iam::c1:role/x",
                        "--external-id",
                        "a".repeat(40)),
                flags("use-assume without role", "--use-assume requires --role-arn (BATON_ROLE_ARN)", "--use-assume"),
                flags(
                        "external id charset",
                        "--external-id (BATON_EXTERNAL_ID): must be 2-1224 characters of"
                                + " letters, digits and +=,.@:/_- (got 7 characters)",
                        "--role-arn",
                        ROLE,
                        "--external-id",
                        "a b c d"),
                flags(
                        "external id without role",
                        "--external-id requires --role-arn (BATON_ROLE_ARN)",
                        "--external-id",
                        "abcdef"),
                flags(
                        "two-hop external id too short",
                        "--external-id (BATON_EXTERNAL_ID): with --global-role-arn"
                                + " (two-hop mode) it must be 32-64 characters (got 10)",
                        "--role-arn",
                        ROLE,
                        "--global-role-arn",
                        BINDING_ROLE,
                        "--external-id",
                        "0123456789"),
                flags(
                        "two-hop without external id",
                        "--global-role-arn requires --external-id (BATON_EXTERNAL_ID)",
                        "--role-arn",
                        ROLE,
                        "--global-role-arn",
                        BINDING_ROLE),
                flags(
                        "access key without secret",
                        "--global-access-key-id requires --global-secret-access-key"
                                + " (BATON_GLOBAL_SECRET_ACCESS_KEY)",
                        "--global-access-key-id",
                        "AKIAEXAMPLE"),
                env(
                        "secret without access key",
                        "--global-secret-access-key requires --global-access-key-id" + " (BATON_GLOBAL_ACCESS_KEY_ID)",
                        Map.of("BATON_GLOBAL_SECRET_ACCESS_KEY", "hunter2")),
                flags(
                        "child role name",
                        "--iam-assume-role-name (BATON_IAM_ASSUME_ROLE_NAME): role name 'a/b' is not"
                                + " 1-64 characters of letters, digits and +=,.@_-",
                        "--iam-assume-role-name",
                        "a/b"),
                flags(
                        "sso_user target without sso",
                        "--create-account-resource-type"
                                + " (BATON_CREATE_ACCOUNT_RESOURCE_TYPE)=sso_user requires --global-aws-sso-enabled"
                                + " (BATON_GLOBAL_AWS_SSO_ENABLED)",
                        "--create-account-resource-type",
                        "sso_user"),
                flags(
                        "account target",
                        "--create-account-resource-type (BATON_CREATE_ACCOUNT_RESOURCE_TYPE): 'admin'"
                                + " is not one of iam_user, sso_user",
                        "--create-account-resource-type",
                        "admin"),
                flags(
                        "grant without -p",
                        "--grant-entitlement (BATON_GRANT_ENTITLEMENT): changes AWS; enable"
                                + " provisioning with -p/--provisioning (BATON_PROVISIONING=true)",
                        "--grant-entitlement",
                        "group:arn:aws:iam::123456789012:group/dev:member",
                        "--grant-principal",
                        "arn:aws:iam::123456789012:user/ada",
                        "--grant-principal-type",
                        "iam_user"),
                flags(
                        "grant without principal type",
                        "--grant-entitlement requires --grant-principal-type" + " (BATON_GRANT_PRINCIPAL_TYPE)",
                        "-p",
                        "--grant-entitlement",
                        "e",
                        "--grant-principal",
                        "p"),
                flags(
                        "grant principal without entitlement",
                        "--grant-principal requires --grant-entitlement" + " (BATON_GRANT_ENTITLEMENT)",
                        "-p",
                        "--grant-principal",
                        "p"),
                flags(
                        "grant principal type unknown",
                        "--grant-principal-type (BATON_GRANT_PRINCIPAL_TYPE): unknown"
                                + " resource type 'user'; valid: " + TYPES,
                        "-p",
                        "--grant-entitlement",
                        "e",
                        "--grant-principal",
                        "p",
                        "--grant-principal-type",
                        "user"),
                flags(
                        "two actions",
                        "--grant-entitlement (BATON_GRANT_ENTITLEMENT) and --revoke-grant"
                                + " (BATON_REVOKE_GRANT) cannot be combined; run one one-shot action at a time",
                        "-p",
                        "--grant-entitlement",
                        "e",
                        "--revoke-grant",
                        "g"),
                flags(
                        "profile not an object",
                        "--create-account-profile (BATON_CREATE_ACCOUNT_PROFILE): must be a"
                                + " JSON object, e.g. {\"first_name\":\"Ada\"}",
                        "-p",
                        "--create-account-login",
                        "ada",
                        "--create-account-profile",
                        "[1,2]"),
                flags(
                        "email without login",
                        "--create-account-email requires --create-account-login" + " (BATON_CREATE_ACCOUNT_LOGIN)",
                        "-p",
                        "--create-account-email",
                        "ada@example.com"),
                flags(
                        "delete without type",
                        "--delete-resource requires --delete-resource-type" + " (BATON_DELETE_RESOURCE_TYPE)",
                        "-p",
                        "--delete-resource",
                        "arn:aws:iam::123456789012:user/x"),
                flags(
                        "delete type unknown",
                        "--delete-resource-type (BATON_DELETE_RESOURCE_TYPE): unknown resource"
                                + " type 'users'; valid: " + TYPES,
                        "-p",
                        "--delete-resource",
                        "x",
                        "--delete-resource-type",
                        "users"),
                flags(
                        "sync type unknown",
                        "--sync-resource-types (BATON_SYNC_RESOURCE_TYPES): unknown resource type" + " 'users'; valid: "
                                + TYPES,
                        "--sync-resource-types",
                        "iam_user,users"),
                flags(
                        "scim without endpoint",
                        "--scim-enabled requires --scim-endpoint (BATON_SCIM_ENDPOINT)",
                        "--scim-enabled"),
                flags(
                        "scim endpoint without scim",
                        "--scim-endpoint requires --scim-enabled (BATON_SCIM_ENABLED)",
                        "--scim-endpoint",
                        "https://scim.us-east-1.amazonaws.com/t/scim/v2"),
                flags(
                        "scim endpoint not https",
                        "--scim-endpoint (BATON_SCIM_ENDPOINT): 'http://example.com/scim' is"
                                + " not an https URL, e.g. https://scim.us-east-1.amazonaws.com/<tenant>/scim/v2",
                        "--scim-enabled",
                        "--scim-token",
                        "t0k3n",
                        "--scim-endpoint",
                        "http://example.com/scim"),
                flags(
                        "scim without sso",
                        "--scim-enabled requires --global-aws-sso-enabled" + " (BATON_GLOBAL_AWS_SSO_ENABLED)",
                        "--scim-enabled",
                        "--scim-token",
                        "t0k3n",
                        "--scim-endpoint",
                        "https://scim.us-east-1.amazonaws.com/t/scim/v2"),
                flags(
                        "service mode",
                        "--client-id (BATON_CLIENT_ID): service mode needs the ConductorOne platform;"
                                + " run one-shot and upload the c1z",
                        "--client-id",
                        "abc"),
                env(
                        "service mode secret only",
                        "--client-secret (BATON_CLIENT_SECRET): service mode needs the"
                                + " ConductorOne platform; run one-shot and upload the c1z",
                        Map.of("BATON_CLIENT_SECRET", "c1-secret")),
                flags(
                        "log level",
                        "--log-level (BATON_LOG_LEVEL): 'trace' is not one of debug, info, warn, error",
                        "--log-level",
                        "trace"),
                flags(
                        "log format",
                        "--log-format (BATON_LOG_FORMAT): 'xml' is not one of console, json",
                        "--log-format",
                        "xml"),
                flags(
                        "file in a missing directory",
                        "--file (BATON_FILE): directory '/nonexistent-baton/out' does" + " not exist",
                        "-f",
                        "/nonexistent-baton/out/sync.c1z"),
                flags(
                        "workers not a number in the demo",
                        "--workers (BATON_WORKERS): -5 is out of range; use 1-64, 0 (one at a time) or -1"
                                + " (automatic)",
                        "demo",
                        "--workers",
                        "-5"),
                flags(
                        "c1z temp dir missing",
                        "--c1z-temp-dir (BATON_C1Z_TEMP_DIR): 'no-such-dir' is not an existing directory",
                        "--c1z-temp-dir",
                        "no-such-dir"),
                flags(
                        "log path in a missing directory",
                        "--log-path (BATON_LOG_PATH): 'missing/x.log' is not a file in an existing directory",
                        "--log-path",
                        "missing/x.log"),
                flags(
                        "skip grants without targets",
                        "--skip-grants requires --sync-resources (BATON_SYNC_RESOURCES)",
                        "--skip-grants"),
                flags(
                        "sync resource without type",
                        "--sync-resources (BATON_SYNC_RESOURCES): 'alice' is neither <type>:<id> nor a baton id"
                                + " bid:r:<type>/<id>",
                        "--sync-resources",
                        "alice"),
                flags(
                        "sync resource of unknown type",
                        "--sync-resources (BATON_SYNC_RESOURCES): 'user:alice' names unknown resource type 'user';"
                                + " valid: " + TYPES,
                        "--sync-resources",
                        "user:alice"),
                flags(
                        "sync resource baton id shape",
                        "--sync-resources (BATON_SYNC_RESOURCES): 'bid:r:iam_user' is not a resource baton id"
                                + " bid:r:[<parentType>/<parentId>/]<type>/<id> (escape : / \\ in ids with \\)",
                        "--sync-resources",
                        "bid:r:iam_user"),
                flags(
                        "sync resource outside the synced types",
                        "--sync-resources (BATON_SYNC_RESOURCES): 'role:arn:aws:iam::123456789012:role/x' has type"
                                + " 'role', which --sync-resource-types leaves out",
                        "--sync-resource-types",
                        "iam_user",
                        "--sync-resources",
                        "role:arn:aws:iam::123456789012:role/x"),
                flags(
                        "account type without organizations",
                        "--sync-resource-types (BATON_SYNC_RESOURCE_TYPES): 'account' is synced only with"
                                + " --global-aws-orgs-enabled (BATON_GLOBAL_AWS_ORGS_ENABLED) and --global-aws-sso-enabled"
                                + " (BATON_GLOBAL_AWS_SSO_ENABLED)",
                        "--sync-resource-types",
                        "account"),
                flags(
                        "access keys without secrets",
                        "--sync-resource-types (BATON_SYNC_RESOURCE_TYPES): 'access-key' is synced only with"
                                + " --sync-secrets (BATON_SYNC_SECRETS)",
                        "--sync-resource-types",
                        "access-key"),
                flags(
                        "identity center grant without the flags",
                        "a write on sso_user needs Identity Center: add --global-aws-orgs-enabled"
                                + " (BATON_GLOBAL_AWS_ORGS_ENABLED) and --global-aws-sso-enabled"
                                + " (BATON_GLOBAL_AWS_SSO_ENABLED)",
                        "grant",
                        "-p",
                        "-e",
                        "sso_group:arn:aws:identitystore:us-east-1::d-1/group/g:member",
                        "--principal",
                        "arn:aws:identitystore:us-east-1::d-1/user/u",
                        "--principal-type",
                        "sso_user"),
                flags(
                        "account assignment revoke without the flags",
                        "a write on account needs Identity Center: add --global-aws-orgs-enabled"
                                + " (BATON_GLOBAL_AWS_ORGS_ENABLED) and --global-aws-sso-enabled"
                                + " (BATON_GLOBAL_AWS_SSO_ENABLED)",
                        "revoke",
                        "-p",
                        "-g",
                        "grant:sso_user:arn:aws:identitystore:us-east-1::d-1/user/u:123456789012"
                                + "|arn:aws:sso:::permissionSet/ssoins-1/ps-1"),
                flags(
                        "sso_user create without names",
                        "--profile (BATON_PROFILE): an sso_user needs given_name and family_name, e.g."
                                + " {\"given_name\":\"Jane\",\"family_name\":\"Doe\"}",
                        "create-account",
                        "-p",
                        "--resource-type",
                        "sso_user",
                        "--global-aws-orgs-enabled",
                        "--global-aws-sso-enabled",
                        "--login",
                        "jdoe@example.com",
                        "--email",
                        "jdoe@example.com"),
                flags(
                        "sso_user one-shot without family name",
                        "--create-account-profile (BATON_CREATE_ACCOUNT_PROFILE): an sso_user needs family_name,"
                                + " e.g. {\"given_name\":\"Jane\",\"family_name\":\"Doe\"}",
                        "-p",
                        "--create-account-resource-type",
                        "sso_user",
                        "--global-aws-orgs-enabled",
                        "--global-aws-sso-enabled",
                        "--create-account-login",
                        "jdoe@example.com",
                        "--create-account-profile",
                        "{\"given_name\":\"Jane\"}"),
                flags(
                        "delete sso_user without the flags",
                        "a write on sso_user needs Identity Center: add --global-aws-orgs-enabled"
                                + " (BATON_GLOBAL_AWS_ORGS_ENABLED) and --global-aws-sso-enabled"
                                + " (BATON_GLOBAL_AWS_SSO_ENABLED)",
                        "delete-resource",
                        "-p",
                        "-t",
                        "sso_user",
                        "--id",
                        "arn:aws:identitystore:us-east-1::d-1/user/u"),
                flags(
                        "grant log level after the subcommand",
                        "--log-level (BATON_LOG_LEVEL): 'loud' is not one of debug, info, warn, error",
                        "grant",
                        "-p",
                        "-e",
                        "e",
                        "--principal",
                        "p",
                        "--principal-type",
                        "iam_user",
                        "--log-level",
                        "loud"),
                flags(
                        "completion shell",
                        "completion: unknown shell 'tcsh'; use one of bash, zsh, fish",
                        "completion",
                        "tcsh"),
                flags(
                        "simulator without a world",
                        "simulator needs a world: --world FILE (BATON_WORLD), e.g. --world"
                                + " examples/demo-world.json, or --generate SPEC (BATON_GENERATE), e.g. --generate"
                                + " accounts=20,ssoUsers=500,seed=1",
                        "simulator"),
                flags(
                        "simulator with both worlds",
                        "--world (BATON_WORLD) and --generate (BATON_GENERATE) cannot be combined; serve a world"
                                + " file or a generated organization",
                        "simulator",
                        "--world",
                        "w.json",
                        "--generate",
                        "accounts=1"),
                flags(
                        "simulator error rate",
                        "--error-rate (BATON_ERROR_RATE): 2.0 is not a share of calls; use 0-1, e.g. 0.05 for 5%",
                        "simulator",
                        "--generate",
                        "accounts=1",
                        "--error-rate",
                        "2"),
                flags(
                        "simulator port",
                        "--port (BATON_PORT): 99999 is not a port; use 1-65535, or 0 for a free one",
                        "simulator",
                        "--generate",
                        "accounts=1",
                        "--port",
                        "99999"),
                flags(
                        "simulator rate scope",
                        "--rate (BATON_RATE): unknown scope 'bogus'; valid: iam, sts, organizations,"
                                + " identityCenter, cloudtrail",
                        "simulator",
                        "--generate",
                        "accounts=1",
                        "--rate",
                        "bogus=5"),
                flags(
                        "simulator negative latency",
                        "--latency-ms (BATON_LATENCY_MS): -1 is negative; use milliseconds >= 0",
                        "simulator",
                        "--generate",
                        "accounts=1",
                        "--latency-ms",
                        "-1"),
                flags(
                        "simulator generate spec",
                        "--generate (BATON_GENERATE): generator key 'accounts' needs a whole number, got 'many'",
                        "simulator",
                        "--generate",
                        "accounts=many"),
                flags(
                        "simulator world file missing",
                        "--world (BATON_WORLD): no such file: <dir>/missing.json",
                        "simulator",
                        "--world",
                        "missing.json"),
                envAndFlags(
                        "simulator world from the environment",
                        "--world (BATON_WORLD): no such file: <dir>/gone.json",
                        Map.of("BATON_WORLD", "gone.json"),
                        "simulator"),
                flags(
                        "retry budget in words",
                        "--retry-budget (BATON_RETRY_BUDGET): '10 minutes' is not a duration;" + RETRY_BUDGET_USE,
                        "--retry-budget",
                        "10 minutes"),
                flags(
                        "retry budget without a unit",
                        "--retry-budget (BATON_RETRY_BUDGET): '90' is not a duration;" + RETRY_BUDGET_USE,
                        "--retry-budget",
                        "90"),
                flags(
                        "retry budget negative",
                        "--retry-budget (BATON_RETRY_BUDGET): '-5s' is not a duration;" + RETRY_BUDGET_USE,
                        "--retry-budget=-5s"),
                flags(
                        "retry budget units out of order",
                        "--retry-budget (BATON_RETRY_BUDGET): '30s1m' is not a" + " duration;" + RETRY_BUDGET_USE,
                        "--retry-budget",
                        "30s1m"),
                flags(
                        "checkpoint interval in words",
                        "--checkpoint-interval (BATON_CHECKPOINT_INTERVAL): 'often' is not a duration; use e.g. 5s,"
                                + " 30s or 1m (0 = after every page)",
                        "--checkpoint-interval",
                        "often"),
                env(
                        "checkpoint interval from the environment",
                        "--checkpoint-interval (BATON_CHECKPOINT_INTERVAL): '2 seconds' is not a duration; use e.g."
                                + " 5s, 30s or 1m (0 = after every page)",
                        Map.of("BATON_CHECKPOINT_INTERVAL", "2 seconds")),
                flags(
                        "retry budget in days",
                        "--retry-budget (BATON_RETRY_BUDGET): '1d' is not a duration;" + RETRY_BUDGET_USE,
                        "--retry-budget",
                        "1d"),
                env(
                        "retry budget from the environment",
                        "--retry-budget (BATON_RETRY_BUDGET): '1.5m' is not a" + " duration;" + RETRY_BUDGET_USE,
                        Map.of("BATON_RETRY_BUDGET", "1.5m")),
                configFile(
                        "retry budget from the config file",
                        "--retry-budget (BATON_RETRY_BUDGET): 'soon' is not" + " a duration;" + RETRY_BUDGET_USE,
                        "retry-budget: soon\n"),
                flags(
                        "retry budget for a write",
                        "--retry-budget (BATON_RETRY_BUDGET): '5 s' is not a duration;" + RETRY_BUDGET_USE,
                        "revoke",
                        "-p",
                        "-g",
                        "g",
                        "--retry-budget",
                        "5 s"),
                env(
                        "max attempts out of range",
                        "AWS_MAX_ATTEMPTS: '10000' is not a number of attempts; use a whole number from 1 to 9999 (1"
                                + " = no retries)",
                        Map.of("AWS_MAX_ATTEMPTS", "10000")),
                env(
                        "max attempts not a number",
                        "AWS_MAX_ATTEMPTS: 'abc' is not a number of attempts; use a whole number from 1 to 9999 (1"
                                + " = no retries)",
                        Map.of("AWS_MAX_ATTEMPTS", "abc")),
                envAndFlags(
                        "max attempts for a write",
                        "AWS_MAX_ATTEMPTS: '0' is not a number of attempts; use a whole number from 1 to 9999 (1 ="
                                + " no retries)",
                        Map.of("AWS_MAX_ATTEMPTS", "0"),
                        "revoke",
                        "-p",
                        "-g",
                        "g"),
                env(
                        "retry mode",
                        "AWS_RETRY_MODE: 'fast' is not one of legacy, standard, adaptive",
                        Map.of("AWS_RETRY_MODE", "fast")),
                env(
                        "log format from the environment",
                        "--log-format (BATON_LOG_FORMAT): 'text' is not one of console, json",
                        Map.of("BATON_LOG_FORMAT", "text")),
                env(
                        "config path extension",
                        "BATON_CONFIG_PATH: 'conf.json' must name a .yaml or .yml file",
                        Map.of("BATON_CONFIG_PATH", "conf.json")),
                env(
                        "config path missing",
                        "BATON_CONFIG_PATH: file 'missing.yaml' does not exist",
                        Map.of("BATON_CONFIG_PATH", "missing.yaml")),
                configFile(
                        "config file not YAML",
                        "./.baton.yaml: not valid YAML: while parsing a flow sequence",
                        "workers: [1, 2\n"),
                configFile(
                        "config file not a map", "./.baton.yaml: expected a map of flag names to values", "- a\n- b\n"),
                configFile(
                        "config file nested value",
                        "./.baton.yaml: key 'workers' must be a scalar or a list of scalars",
                        "workers:\n  n: 2\n"),
                configFile(
                        "config file bad value", "--workers (BATON_WORKERS): 'lots' is not an int", "workers: lots\n"),
                configFile(
                        "config file role arn",
                        "--role-arn (BATON_ROLE_ARN): 'Baton' is not an ARN; " + ARN_SHAPE,
                        "role-arn: Baton\n"),
                file(
                        "world file not JSON",
                        "--world (BATON_WORLD): $: not valid JSON (line 1, column 2)",
                        "w.json",
                        utf8("{"),
                        "simulator",
                        "--world",
                        "w.json"),
                file(
                        "world file wrong shape",
                        "--world (BATON_WORLD): $.accounts: expected an array, found a number",
                        "w.json",
                        utf8("{\"accounts\": 3}"),
                        "simulator",
                        "--world",
                        "w.json"),
                file(
                        "c1z not a c1z",
                        "sync file <dir>/bad.c1z is not a readable c1z: <dir>/bad.c1z: not a c1z file (the first 5"
                                + " bytes are not \"C1ZF\\0\")",
                        "bad.c1z",
                        utf8("not a c1z file"),
                        "grant",
                        "-p",
                        "-f",
                        "bad.c1z",
                        "-e",
                        "group:arn:aws:iam::123456789012:group/dev:member",
                        "--principal",
                        "arn:aws:iam::123456789012:user/ada",
                        "--principal-type",
                        "iam_user"),
                file(
                        "c1z truncated",
                        "sync file <dir>/cut.c1z is not a readable c1z: <dir>/cut.c1z: the body after the C1ZF"
                                + " header is not valid zstd data (Truncated source)",
                        "cut.c1z",
                        new byte[] {0x43, 0x31, 0x5A, 0x46, 0x00, 0x28},
                        "revoke",
                        "-p",
                        "-f",
                        "cut.c1z",
                        "-g",
                        "group:arn:aws:iam::123456789012:group/dev:member:iam_user:arn:aws:iam::123456789012:user/ada"),
                file(
                        "c1z missing",
                        "sync file <dir>/missing.c1z does not exist; run a sync first or point --file at an"
                                + " existing c1z",
                        "other.txt",
                        utf8(""),
                        "revoke",
                        "-p",
                        "-f",
                        "missing.c1z",
                        "-g",
                        "g"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineNamingFlagAndVariable(
            String name,
            List<String> args,
            Map<String, String> env,
            Map<String, byte[]> files,
            boolean realWiring,
            String expected)
            throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(workingDirectory.resolve(file.getKey()), file.getValue());
        }
        CliRun run = realWiring
                ? CliRun.runProduction(workingDirectory, env, args.toArray(String[]::new))
                : CliRun.run(workingDirectory, env, args.toArray(String[]::new));

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("baton-aws: " + expected.replace("<dir>", workingDirectory.toString())), run.errLines());
        assertEquals("", run.out());
        assertTrue(run.runs().isEmpty(), "the runner must not be called");
    }

    /** Bad flags. */
    private static Arguments flags(String name, String expected, String... args) {
        return Arguments.of(name, List.of(args), Map.of(), Map.of(), false, expected);
    }

    /** Bad environment variables, no flags. */
    private static Arguments env(String name, String expected, Map<String, String> environment) {
        return Arguments.of(name, List.of(), environment, Map.of(), false, expected);
    }

    /** Bad environment variables with flags. */
    private static Arguments envAndFlags(
            String name, String expected, Map<String, String> environment, String... args) {
        return Arguments.of(name, List.of(args), environment, Map.of(), false, expected);
    }

    /** A bad {@code ./.baton.yaml}. */
    private static Arguments configFile(String name, String expected, String yaml, String... args) {
        return Arguments.of(name, List.of(args), Map.of(), Map.of(".baton.yaml", utf8(yaml)), false, expected);
    }

    /** A bad file given to a command ({@code file}), run with the production wiring: the file is read for real. */
    private static Arguments file(String name, String expected, String file, byte[] content, String... args) {
        return Arguments.of(name, List.of(args), Map.of(), Map.of(file, content), true, expected);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
