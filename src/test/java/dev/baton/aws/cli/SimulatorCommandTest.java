package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheEnvironmentAndFlagsToPaste() {
        try (SimulatorExtension aws = SimulatorExtension.of(DemoWorld.create())
                .systemClock()
                .iamAndStsOnly()
                .start()) {
            SimulatorServer server = aws.server();
            StringWriter text = new StringWriter();
            SimulatorCommand.printConnection(new PrintWriter(text), server);
            ConnectionFacts facts = aws.facts();
            String out = text.toString();
            assertTrue(out.contains("export AWS_ENDPOINT_URL=" + facts.endpoint() + "\n"), out);
            assertTrue(out.contains("export AWS_ACCESS_KEY_ID=" + facts.accessKeyId() + "\n"), out);
            assertTrue(
                    out.contains(server.endpoint().resolve("/_simulator/stats").toString()), out);
            assertTrue(out.contains("--role-arn " + facts.roleArn() + " --external-id " + facts.externalId()), out);
        }
    }

    @Test
    void aMissingWorldFileIsAUsageError() {
        CliRun run = CliRun.run(dir, Map.of(), "simulator", "--world", "missing.json");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--world") && run.err().contains("missing.json"), run.err());
    }

    @Test
    void aMalformedWorldFileNamesTheJsonPath() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"accounts\": [ {\"name\": \"no id\"} ]}");
        CliRun run = CliRun.run(dir, Map.of(), "simulator", "--world", "bad.json");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("$.accounts[0]"), run.err());
        assertEquals(1, run.errLines().size(), run.err());
    }

    @Test
    void anUnknownGeneratorKeyIsAUsageError() {
        CliRun run = CliRun.run(dir, Map.of(), "simulator", "--generate", "acounts=3");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("acounts"), run.err());
    }

    @Test
    void worldAndGenerateAreExclusive() {
        CliRun run = CliRun.run(dir, Map.of(), "simulator", "--world", "a.json", "--generate", "accounts=1");
        assertEquals(2, run.exitCode(), run.err());
    }
}
