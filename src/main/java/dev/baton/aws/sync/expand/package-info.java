/**
 * Grant expansion with the baton SDK's semantics (c1z spec §4.3): edges from {@code GrantExpandable} grants,
 * missing sources dropped, cycles collapsed (iterative Tarjan), layers in topological order under a depth limit,
 * shallow edges and principal type filters, new grants immutable, existing grants given their sources.
 * {@link dev.baton.aws.sync.expand.GrantExpander} works on any {@link dev.baton.aws.sync.expand.ExpansionStore}.
 */
package dev.baton.aws.sync.expand;
