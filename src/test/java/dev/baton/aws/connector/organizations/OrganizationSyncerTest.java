package dev.baton.aws.connector.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

class OrganizationSyncerTest {
    @Test
    void rootIsTopLevelWithOuChildren() {
        Resource root = OrganizationSyncer.toResource(
                Root.builder().id("r-ab12").name("Root").build());
        assertEquals("organization", root.getId().getResourceType());
        assertEquals("r-ab12", root.getId().getResource());
        assertEquals("Root", root.getDisplayName());
        assertFalse(root.hasParentResourceId());
        assertFalse(root.hasProfile());
        assertEquals(1, root.getAnnotationsCount(), "no trait, only the child type");
        assertEquals(
                "organizational_unit",
                Annotations.find(root.getAnnotationsList(), ChildResourceType.class)
                        .orElseThrow()
                        .getResourceTypeId());
    }

    @Test
    void emptyNameFallsBackToTheId() {
        assertEquals(
                "r-ab12",
                OrganizationSyncer.toResource(
                                Root.builder().id("r-ab12").name("").build())
                        .getDisplayName());
        assertEquals(
                "ou-ab12-1",
                OrganizationalUnitSyncer.toResource(
                                OrganizationalUnit.builder().id("ou-ab12-1").build(),
                                Ids.resourceId("organization", "r-ab12"))
                        .getDisplayName());
    }

    @Test
    void ouKeepsItsCrawlParentAndRecurses() {
        Resource unit = OrganizationalUnitSyncer.toResource(
                OrganizationalUnit.builder().id("ou-ab12-22222222").name("Team").build(),
                Ids.resourceId("organizational_unit", "ou-ab12-11111111"));
        assertEquals("organizational_unit", unit.getId().getResourceType());
        assertEquals("Team", unit.getDisplayName());
        assertEquals(Ids.resourceId("organizational_unit", "ou-ab12-11111111"), unit.getParentResourceId());
        assertEquals(
                "organizational_unit",
                Annotations.find(unit.getAnnotationsList(), ChildResourceType.class)
                        .orElseThrow()
                        .getResourceTypeId());
    }
}
