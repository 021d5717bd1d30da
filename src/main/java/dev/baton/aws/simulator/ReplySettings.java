package dev.baton.aws.simulator;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.fault.NetworkFaults;
import dev.baton.aws.simulator.protocol.SparseEncoder;

/** How the AWS handler checks requests and sends replies: signature checks, sparse encoding, network faults. */
record ReplySettings(
        boolean verifySignatures, SparseEncoder sparse, NetworkFaults networkFaults, long slowBodyDelayMs) {
    ReplySettings {
        requireNonNull(sparse, "sparse is null");
        requireNonNull(networkFaults, "networkFaults is null");
    }
}
