package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sts:GetCallerIdentity} answered with fewer members: AWS's model marks none of {@code Account}, {@code Arn}
 * and {@code UserId} required. The connector's account comes from {@code Account}, else from the ARN (whose
 * partition then names child-account roles); an answer with neither stops the run with one clear error. The
 * answers are real STS XML from a local endpoint, so the SDK's own unmarshalling reads them.
 */
class SparseCallerIdentityTest {
    private static final CredentialsConfig STATIC_KEYS = new CredentialsConfig(
            "AKIASPARSESTS0000001", new Secret("sparse-sts-secret"), "us-east-1", "", "", "", new Secret(""));
    private static final OrganizationConfig ORG =
            new OrganizationConfig(true, false, false, "us-east-1", "OrganizationAccountAccessRole");

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String identity = "";
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** GetCallerIdentity gets {@link #identity} as its result; AssumeRole is refused, as a real STS may. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = URLDecoder.decode(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        requests.add(body);
        String xml;
        int status;
        if (body.contains("Action=GetCallerIdentity")) {
            status = 200;
            xml = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<GetCallerIdentityResult>" + identity + "</GetCallerIdentityResult>"
                    + "<ResponseMetadata><RequestId>11111111-2222-3333-4444-555555555555</RequestId>"
                    + "</ResponseMetadata></GetCallerIdentityResponse>";
        } else {
            status = 403;
            xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                    + "<Code>AccessDenied</Code><Message>not in this test</Message></Error>"
                    + "<RequestId>11111111-2222-3333-4444-555555555556</RequestId></ErrorResponse>";
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private DefaultAwsClients clients() throws AwsCallException {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return DefaultAwsClients.create(
                STATIC_KEYS,
                ORG,
                new RateLimitConfig(0, 0, 0, 0, 0),
                AwsClientSettings.endpoint(endpoint, Clock.systemUTC()).withRetry(RetryBudget.sdkAttemptsOnly()));
    }

    @Test
    void withoutAccountTheAccountComesFromTheArn() throws Exception {
        identity = "<Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDAEXAMPLE</UserId>";
        try (DefaultAwsClients clients = clients()) {
            assertEquals("123456789012", clients.callerAccountId());
        }
    }

    @Test
    void withOnlyAnArnItsPartitionNamesTheChildAccountRoles() throws Exception {
        identity = "<Arn>arn:aws-cn:sts::123456789012:assumed-role/Baton/baton-aws</Arn>";
        try (DefaultAwsClients clients = clients()) {
            assertEquals("123456789012", clients.callerAccountId());
            AwsCallException e = assertThrows(AwsCallException.class, () -> clients.iam("222222222222"));
            assertTrue(
                    e.getMessage()
                            .startsWith("sts:AssumeRole on arn:aws-cn:iam::222222222222:role/"
                                    + "OrganizationAccountAccessRole (account 222222222222): AccessDenied"),
                    e.getMessage());
        }
        assertTrue(
                requests.stream()
                        .anyMatch(r ->
                                r.contains("RoleArn=arn:aws-cn:iam::222222222222:role/OrganizationAccountAccessRole")),
                requests.toString());
    }

    @Test
    void withOnlyAnAccountTheAccountIsUsed() throws Exception {
        identity = "<Account>123456789012</Account>";
        try (DefaultAwsClients clients = clients()) {
            assertEquals("123456789012", clients.callerAccountId());
        }
    }

    @Test
    void withNeitherAccountNorArnTheRunStopsNamingWhatIsMissing() throws Exception {
        identity = "<UserId>AIDAEXAMPLE</UserId>";
        try (DefaultAwsClients clients = clients()) {
            AwsCallException e = assertThrows(AwsCallException.class, clients::callerAccountId);
            assertEquals("IncompleteResponse", e.errorCode());
            assertEquals(ErrorKind.OTHER, e.kind());
            assertEquals(
                    "sts:GetCallerIdentity: IncompleteResponse: the answer names neither Account nor Arn",
                    e.getMessage());
        }
    }

    @Test
    void anEmptyAnswerOrAnArnThatIsNotAnArnIsIncompleteToo() throws Exception {
        for (String answer : List.of("", "<Arn>not-an-arn</Arn>")) {
            identity = answer;
            try (DefaultAwsClients clients = clients()) {
                AwsCallException e = assertThrows(AwsCallException.class, clients::callerAccountId, answer);
                assertEquals("IncompleteResponse", e.errorCode(), answer);
            }
        }
        assertEquals(2, requests.size(), "not retried: another attempt would get the same answer");
    }
}
