package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad values of the simulator's reply and fault flags are one-line usage errors naming the flag. */
class SimulatorFaultFlagsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "--sparse, sometimes, none, all or random",
        "--drop-connection-rate, 1.5, between 0 and 1",
        "--truncate-body-rate, -0.1, between 0 and 1",
        "--slow-body-rate, 2, between 0 and 1",
        "--slow-body-delay-ms, -5, 0 or more"
    })
    void badValuesNameTheFlag(String flag, String value, String valid) {
        CliRun run = CliRun.run(dir, Map.of(), "simulator", "--generate", "accounts=1", flag, value);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(
                run.err().startsWith("baton-aws: ")
                        && run.err().contains(flag)
                        && run.err().contains(valid),
                run.err());
    }

    @Test
    void ratesAddingUpToMoreThanOneAreRefused() {
        CliRun run = CliRun.run(
                dir,
                Map.of(),
                "simulator",
                "--generate",
                "accounts=1",
                "--drop-connection-rate",
                "0.6",
                "--slow-body-rate",
                "0.6");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("at most 1"), run.err());
    }
}
