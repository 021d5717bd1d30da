package dev.baton.aws.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.simulator.service.AwsFault;
import dev.baton.aws.simulator.service.Caller;
import dev.baton.aws.simulator.service.JsonAction;
import dev.baton.aws.simulator.service.JsonService;
import dev.baton.aws.simulator.service.PageTokens;
import dev.baton.aws.simulator.service.ResultSlice;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seam sim-json builds on: a plugged-in JSON service gets routing, callers, deny, throttling and errors. */
class JsonServiceSeamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORLD = """
            {"accounts":[{"id":"111111111111","iam":{"users":[{"name":"ok"},{"name":"nosso","deny":["sso:*"]}]}}],
             "credentials":[{"accessKeyId":"AKIAOK00000000000001","secretAccessKey":"s","accountId":"111111111111","user":"ok"},
                            {"accessKeyId":"AKIANOSSO00000000001","secretAccessKey":"s","accountId":"111111111111","user":"nosso"}]}
            """;

    @RegisterExtension
    final SimulatorExtension fixture = SimulatorExtension.ofJson(WORLD)
            .iamAndStsOnly()
            .server(b -> b.jsonServices(List.of(new FakeService()))
                    .ratePerSecond("identityCenter", 3)
                    .verifySignatures(false)
                    .scimHandler(exchange -> {
                        exchange.sendResponseHeaders(204, -1);
                        exchange.close();
                    }));

    /** A stand-in for SSO Admin: echoes the caller, pages a fixed list, and fails on request. */
    private static final class FakeService implements JsonService {
        public String targetPrefix() {
            return "SWBExternalService";
        }

        public String statsPrefix() {
            return "sso";
        }

        public String rateScope(Caller caller) {
            return "identityCenter";
        }

        public String throttlingCode() {
            return "ThrottlingException";
        }

        public Map<String, JsonAction> actions() {
            return Map.of(
                    "Whoami",
                            (caller, request) -> JSON.createObjectNode()
                                    .put("arn", caller.principalArn())
                                    .put("echo", request.path("Value").asText()),
                    "ListThings",
                            (caller, request) -> {
                                ResultSlice<String> page = ResultSlice.slice(
                                        List.of("a", "b", "c"),
                                        PageTokens.decode(
                                                request.path("NextToken").asText(null), "ValidationException"),
                                        2);
                                var body = JSON.createObjectNode().put("NextToken", page.nextToken());
                                body.set("Things", JSON.valueToTree(page.items()));
                                return body;
                            },
                    "Fail",
                            (caller, request) -> {
                                throw new AwsFault(400, "ResourceNotFoundException", "no such thing");
                            });
        }
    }

    private HttpResponse<String> call(String accessKeyId, String target, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.server().endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accessKeyId != null) {
            request.header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=" + accessKeyId
                            + "/20250101/us-east-1/sso/aws4_request, SignedHeaders=host, Signature=00");
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void routesByTargetPrefixAndPassesTheCaller() throws IOException {
        HttpResponse<String> response = call("AKIAOK00000000000001", "SWBExternalService.Whoami", "{\"Value\":\"hi\"}");
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/x-amz-json-1.1",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "arn:aws:iam::111111111111:user/ok", body(response).get("arn").asText());
        assertEquals("hi", body(response).get("echo").asText());
    }

    @Test
    void pageTokensRoundTripAndForgedTokensAreRejected() throws IOException {
        JsonNode first = body(call("AKIAOK00000000000001", "SWBExternalService.ListThings", "{}"));
        assertEquals(
                List.of("a", "b"),
                List.of(first.at("/Things/0").asText(), first.at("/Things/1").asText()));
        JsonNode second = body(call(
                "AKIAOK00000000000001",
                "SWBExternalService.ListThings",
                "{\"NextToken\":\"" + first.get("NextToken").asText() + "\"}"));
        assertEquals("c", second.at("/Things/0").asText());
        assertEquals(true, second.get("NextToken").isNull());
        HttpResponse<String> forged =
                call("AKIAOK00000000000001", "SWBExternalService.ListThings", "{\"NextToken\":\"2\"}");
        assertEquals("ValidationException", body(forged).get("__type").asText());
    }

    @Test
    void errorsUseTheJsonShape() throws IOException {
        HttpResponse<String> failed = call("AKIAOK00000000000001", "SWBExternalService.Fail", "{}");
        assertEquals(400, failed.statusCode());
        assertEquals(
                "ResourceNotFoundException",
                failed.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("no such thing", body(failed).get("message").asText());
        assertEquals(
                "UnknownOperationException",
                body(call("AKIAOK00000000000001", "SWBExternalService.Nope", "{}"))
                        .get("__type")
                        .asText());
        assertEquals(
                "UnrecognizedClientException",
                body(call("AKIAUNKNOWN000000001", "SWBExternalService.Whoami", "{}"))
                        .get("__type")
                        .asText());
        assertEquals(
                "MissingAuthenticationTokenException",
                body(call(null, "SWBExternalService.Whoami", "{}"))
                        .get("__type")
                        .asText());
        assertEquals(
                "AccessDeniedException",
                body(call("AKIANOSSO00000000001", "SWBExternalService.Whoami", "{}"))
                        .get("__type")
                        .asText());
    }

    @Test
    void sharedBucketThrottlesWithTheServicesCode() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200,
                    call("AKIAOK00000000000001", "SWBExternalService.Whoami", "{}")
                            .statusCode());
        }
        HttpResponse<String> throttled = call("AKIAOK00000000000001", "SWBExternalService.Whoami", "{}");
        assertEquals(400, throttled.statusCode());
        assertEquals("ThrottlingException", body(throttled).get("__type").asText());
        assertEquals(1, fixture.server().stats().snapshot().throttled().get("sso:Whoami"));
    }

    @Test
    void scimPathGoesToThePluggedHandler() {
        assertEquals(204, fixture.control("GET", "/scim/v2/Users").statusCode());
    }

    @Test
    void denyPatternsMatchLikeIam() {
        Caller caller = new Caller("1", "arn", "AKIA", List.of("iam:Generate*", "sso:*", "iam:GetUser"));
        assertEquals(true, caller.denies("iam:GenerateCredentialReport"));
        assertEquals(true, caller.denies("SSO:ListInstances"));
        assertEquals(false, caller.denies("iam:GetUserPolicy"));
        assertEquals(false, caller.denies("identitystore:ListUsers"));
        AwsFault fault = assertThrows(
                AwsFault.class, () -> caller.checkAllowed("sso:ListInstances", "AccessDeniedException", 400));
        assertEquals("AccessDeniedException", fault.code());
        assertEquals(400, fault.httpStatus());
    }
}
