package dev.baton.aws.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.protocol.ResponseModel;
import dev.baton.aws.simulator.service.IamService;
import dev.baton.aws.simulator.service.JsonService;
import dev.baton.aws.simulator.service.JsonServices;
import dev.baton.aws.simulator.service.StsService;
import dev.baton.aws.simulator.service.StsSessions;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.Faults;
import dev.baton.aws.simulator.world.SparseMode;
import dev.baton.aws.simulator.world.WorldFileException;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The required-members data covers every operation the simulator serves; the world's faults section loads. */
class ResponseModelTest {
    private final ResponseModel model = ResponseModel.load();
    private final WorldState state = new WorldState(DemoWorld.create(), Clock.systemUTC());

    @Test
    void everyServedOperationHasAnEntry() {
        Set<String> missing = new TreeSet<>();
        ResponseModel.Service iam = model.byQueryVersion("2010-05-08").orElseThrow();
        new IamService(state)
                .actions().keySet().stream()
                        .filter(op -> !iam.operations().containsKey(op))
                        .forEach(op -> missing.add("iam:" + op));
        ResponseModel.Service sts = model.byQueryVersion("2011-06-15").orElseThrow();
        new StsService(state, new StsSessions())
                .actions().keySet().stream()
                        .filter(op -> !sts.operations().containsKey(op))
                        .forEach(op -> missing.add("sts:" + op));
        for (JsonService json : JsonServices.create(state)) {
            ResponseModel.Service service =
                    model.byTargetPrefix(json.targetPrefix()).orElseThrow();
            json.actions().keySet().stream()
                    .filter(op -> !service.operations().containsKey(op))
                    .forEach(op -> missing.add(json.statsPrefix() + ":" + op));
        }
        assertEquals(Set.of(), missing);
        assertTrue(model.source().startsWith("botocore "), model.source());
    }

    @Test
    void requiredMembersAreThoseOfTheModel() {
        ResponseModel.Service iam = model.byQueryVersion("2010-05-08").orElseThrow();
        assertEquals(
                Set.of("Arn", "CreateDate", "Path", "UserId", "UserName"),
                iam.shape("User").required());
        assertEquals(
                Set.of("Users"),
                iam.shape(iam.output("ListUsers").orElseThrow()).required());
        ResponseModel.Service store = model.byTargetPrefix("AWSIdentityStore").orElseThrow();
        assertEquals(Set.of("IdentityStoreId", "UserId"), store.shape("User").required());
    }

    @Test
    void theWorldFileSetsFaultsAndRejectsBadValues() {
        Faults faults = new WorldLoader()
                .load("{\"faults\": {\"sparse\": \"random\", \"sparseSeed\": 9,"
                        + " \"verifySignatures\": false, \"slowBodyRate\": 0.5, \"slowBodyDelayMs\": 10}}")
                .limits()
                .faults();
        assertEquals(new Faults(SparseMode.RANDOM, 9, false, 0, 0, 0.5, 10), faults);
        assertEquals(Faults.defaults(), new WorldLoader().load("{}").limits().faults());
        WorldFileException bad = assertThrows(
                WorldFileException.class, () -> new WorldLoader().load("{\"faults\": {\"sparse\": \"some\"}}"));
        assertTrue(bad.getMessage().contains("$.faults.sparse"), bad.getMessage());
        assertThrows(
                WorldFileException.class,
                () -> new WorldLoader().load("{\"faults\": {\"dropConnectionRate\": 0.7, \"truncateBodyRate\": 0.7}}"));
    }
}
