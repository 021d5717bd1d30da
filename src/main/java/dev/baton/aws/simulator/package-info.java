/**
 * The embedded AWS simulator: the independent oracle that the demo, every test and the benchmarks stand on.
 *
 * <p>{@code world} holds the world-file model ({@link dev.baton.aws.simulator.world.World} and its records), the
 * loader with JSON-path errors, the writer, the generator and the demo world; {@code WorldState} is the shared,
 * thread-safe current world. {@code protocol} holds the wire formats (awsQuery XML, JSON 1.1, SigV4 key id).
 * {@code fault} holds the token buckets, seeded error injection and call counters. {@code service} holds IAM and
 * STS and the seam the JSON services implement ({@code JsonService}, {@code JsonAction}, {@code Caller},
 * {@code AwsFault}, {@code Page}, {@code PageTokens}). {@link dev.baton.aws.simulator.SimulatorServer} wires them
 * onto one loopback port.
 *
 * <p>This package imports only the JDK, Jackson and slf4j, and never another {@code dev.baton.aws} package: an
 * ARN-parsing bug must not exist on both sides of a test.
 */
package dev.baton.aws.simulator;
