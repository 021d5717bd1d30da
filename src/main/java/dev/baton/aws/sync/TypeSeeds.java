package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;

/** The units a phase starts with for one resource type, produced lazily so a phase never holds them all. */
record TypeSeeds(String resourceTypeId, Iterator<WorkUnit> units) {
    TypeSeeds {
        requireNonNull(resourceTypeId, "resourceTypeId is null");
        requireNonNull(units, "units is null");
    }
}
