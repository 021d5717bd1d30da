package dev.baton.aws.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The demo as the CLI will run it: start the demo world, print the facts, connect the way a connector does. */
class DemoWorldServerTest {
    @Test
    void connectorGetsInWithThePrintedFacts() {
        try (SimulatorExtension fixture =
                SimulatorExtension.ofJson(DemoWorld.json()).iamAndStsOnly().start()) {
            ConnectionFacts facts = fixture.server().connectionFacts().orElseThrow();
            assertEquals(fixture.server().endpoint(), facts.endpoint());
            assertTrue(facts.endpoint().toString().startsWith("http://127.0.0.1:"));
            assertEquals("us-east-1", facts.region());
            Credentials session = fixture.sts(AwsBasicCredentials.create(
                            facts.accessKeyId(), facts.secretAccessKey().value()))
                    .assumeRole(b -> b.roleArn(facts.roleArn())
                            .externalId(facts.externalId())
                            .roleSessionName("baton-demo"))
                    .credentials();
            IamClient iam = fixture.iam(SimulatorExtension.session(session));
            assertEquals(
                    List.of("baton-connector", "alice", "bob", "ci-deployer"),
                    iam.listUsers().users().stream().map(User::userName).toList());
            assertEquals(
                    2, iam.getAccountAuthorizationDetails().groupDetailList().size());
        }
    }
}
