package dev.baton.aws.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temporary home directory with AWS CLI files ({@code ~/.aws/config}, {@code ~/.aws/credentials}, the SSO and
 * login token caches), a simulator serving the credential-sources world, and the CLI run as a child JVM whose
 * environment holds only what the test sets: the SDK reads credentials from environment variables and the home
 * directory, which a test must not change in its own JVM.
 */
final class AwsProfileHome implements AutoCloseable {
    /**
     * Set to the shaded jar ({@code -Dbaton.aws.cli.jar=target/baton-aws.jar} after {@code mvn package}) to run these
     * tests against it, which proves the jar keeps what the SDK loads by name or service loader.
     */
    static final String FAT_JAR_PROPERTY = "baton.aws.cli.jar";
    /** The long-term key of the world's IAM user {@code connector}. */
    static final String ACCESS_KEY_ID = "AKIACONNECTOR0000001";

    static final String SECRET_KEY = "connector-secret-Kq8vPz3";
    static final String ACCOUNT = "111111111111";
    /** Temporary credentials of user {@code connector} as {@code aws login} caches them (token {@code …login}). */
    static final String LOGIN_KEY_ID = "ASIACONNECTORLOGIN01";

    static final String LOGIN_SECRET = "connector-login-secret-Wd4";
    static final String WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.service-account-token-baton.c2lnbmF0dXJl";
    static final String SSO_ACCESS_TOKEN = "aoaSsoAccessTokenAlice0123456789";
    static final String SSO_REFRESH_TOKEN = "aorSsoRefreshTokenAlice0123456789";
    static final String CONTAINER_TOKEN = "container-authorization-token-7f3a";
    /** Every session token the simulator issues starts like this. */
    static final String SESSION_TOKEN_PREFIX = "FwoGZXIvYXdzE";

    static final List<String> SECRETS = List.of(
            SECRET_KEY,
            LOGIN_SECRET,
            WEB_IDENTITY_TOKEN,
            SSO_ACCESS_TOKEN,
            SSO_REFRESH_TOKEN,
            CONTAINER_TOKEN,
            SESSION_TOKEN_PREFIX,
            "sso-client-secret-value");

    final Path home;
    final SimulatorExtension simulator;
    private final Map<String, String> environment = new LinkedHashMap<>();

    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    AwsProfileHome(Path home) {
        this.home = home;
        this.simulator = SimulatorExtension.ofResource("/dev/baton/aws/aws/credential-sources-world.json")
                .systemClock()
                .withoutScim()
                .start();
        environment.put("AWS_ENDPOINT_URL", simulator.endpoint().toString());
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_MAX_ATTEMPTS", "1");
    }

    AwsProfileHome env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    AwsProfileHome config(String text) throws IOException {
        return write(".aws/config", text);
    }

    AwsProfileHome credentials(String text) throws IOException {
        return write(".aws/credentials", text);
    }

    AwsProfileHome write(String relative, String text) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        return this;
    }

    /** {@code ~/.aws/sso/cache/<sha1 of the session name or start URL>.json}, where the AWS CLI caches tokens. */
    AwsProfileHome ssoCache(String key, String json) throws IOException {
        return write(".aws/sso/cache/" + digest("SHA-1", key) + ".json", json);
    }

    /** {@code ~/.aws/login/cache/<sha256 of the login session>.json}, where {@code aws login} caches its session. */
    AwsProfileHome loginCache(String session, String json) throws IOException {
        return write(".aws/login/cache/" + digest("SHA-256", session) + ".json", json);
    }

    private static String digest(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sync of the world's IAM users by the CLI in a child JVM; stderr names the caller ("calling AWS as"). */
    Run sync(String... extraArgs) throws IOException, InterruptedException {
        List<String> args =
                new ArrayList<>(List.of("-f", home.resolve("out.c1z").toString(), "--sync-resource-types", "iam_user"));
        args.addAll(List.of(extraArgs));
        return cli(args);
    }

    Run cli(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Duser.home=" + home));
        String jar = System.getProperty(FAT_JAR_PROPERTY, "");
        if (jar.isEmpty()) {
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    Main.class.getName()));
        } else {
            command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectOutput(home.resolve("stdout.txt").toFile())
                .redirectError(home.resolve("stderr.txt").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI did not finish");
        return new Run(
                process.exitValue(),
                Files.readString(home.resolve("stdout.txt"), UTF_8),
                Files.readString(home.resolve("stderr.txt"), UTF_8));
    }

    @Override
    public void close() {
        simulator.close();
    }

    /** A test with a fresh home directory and simulator per test method. */
    abstract static class Case {
        @TempDir
        Path home;

        AwsProfileHome aws;

        @BeforeEach
        void startSimulator() {
            aws = new AwsProfileHome(home);
        }

        @AfterEach
        void stopSimulator() {
            aws.close();
        }
    }
}
