/**
 * Grant expansion with the baton SDK's semantics (docs/grant-kinds.md, "How access flows"): edges from {@code GrantExpandable} grants,
 * missing sources dropped, cycles collapsed (iterative Tarjan), layers in topological order under a depth limit,
 * shallow edges and principal type filters, new grants immutable, existing grants given their sources.
 * {@link dev.baton.aws.sync.expand.GrantExpander} works on any {@link dev.baton.aws.sync.expand.ExpansionStore}.
 */
package dev.baton.aws.sync.expand;
