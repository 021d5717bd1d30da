package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.world.GeneratorSpec;
import org.junit.jupiter.api.Test;

/** World names of the benchmark: any case, and a spec that is no name is used as it is. */
class BenchSettingsTest {
    @Test
    void worldNamesAreFoundInAnyCase() {
        assertEquals(BenchSettings.WORLDS.get("XL"), BenchSettings.spec("xl"));
        assertEquals(BenchSettings.WORLDS.get("XL10"), BenchSettings.spec("Xl10"));
        assertEquals(BenchSettings.WORLDS.get("L"), BenchSettings.spec("l"));
        assertEquals("accounts=2,seed=7", BenchSettings.spec("accounts=2,seed=7"));
    }

    @Test
    void xlAndXl10AreTheEnterpriseShapesAndEveryNamedSpecParses() {
        assertEquals(
                "accounts=1000,iamUsersPerAccount=30,ssoUsers=30000,ssoGroups=1500,permissionSets=200,"
                        + "assignments=40000,seed=1",
                BenchSettings.spec("XL"));
        assertEquals(
                "accounts=100,iamUsersPerAccount=30,ssoUsers=3000,ssoGroups=150,permissionSets=20,"
                        + "assignments=4000,seed=1",
                BenchSettings.spec("XL10"));
        BenchSettings.WORLDS.values().forEach(spec -> assertTrue(GeneratorSpec.parse(spec) != null, spec));
    }
}
