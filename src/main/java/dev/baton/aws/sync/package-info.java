/**
 * The sync engine: {@link dev.baton.aws.sync.SyncEngine} runs resource types → resources (with child types) →
 * entitlements → grants → grant expansion into a {@link dev.baton.aws.sync.SyncStore}
 * ({@link dev.baton.aws.sync.C1zSyncStore} for a c1z file), and returns a {@link dev.baton.aws.sync.SyncSummary}.
 *
 * <p>Decisions worth knowing when reading the output:
 * <ul>
 *   <li>Resources with an empty id, of a type that is not synced, or without their type's trait annotation, and
 *       entitlements of a resource that was not synced, fail the sync (connector bugs).</li>
 *   <li>Grants whose entitlement or principal was not synced are dropped with one warning each, so that the
 *       file stays valid for {@code baton access}.</li>
 *   <li>A {@code ChildResourceType} naming a type that is not synced in this run is ignored.</li>
 *   <li>The set of rows and their bytes do not depend on the number of workers; the row order does, unless
 *       {@code workers = 1}.</li>
 * </ul>
 * This package may import {@code spi}, {@code model}, {@code c1z}, {@code config} and the generated protos only.
 */
package dev.baton.aws.sync;
