package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An MFA device enabled for a user; {@code serialNumber} is the device ARN or hardware serial. */
public record MfaDevice(String serialNumber, Instant enableDate) {
    public MfaDevice {
        requireNonNull(serialNumber, "serialNumber is null");
        requireNonNull(enableDate, "enableDate is null");
    }
}
