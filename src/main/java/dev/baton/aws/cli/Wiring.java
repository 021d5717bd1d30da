package dev.baton.aws.cli;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.proto.c1.connector.v2.Capability;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

/**
 * The composition root as the commands see it: what runs a sync or a provisioning action, and which write
 * capabilities are registered for each resource type. Subcommands get it through their constructor
 * ({@link CommandFactory}); tests pass a recording fake.
 */
public interface Wiring {
    SyncRunner syncRunner();

    /**
     * The write capabilities registered for a resource type id ({@code CAPABILITY_PROVISION},
     * {@code CAPABILITY_ACCOUNT_PROVISIONING}, {@code CAPABILITY_RESOURCE_DELETE}, ...); empty when the type is only
     * synced. {@link WriteCapabilities#of} derives this from a connector's registered provisioners.
     */
    Function<String, Set<Capability>> writeCapabilities();

    /** Signal handling and the final-write hook of runs that write a c1z; none by default. */
    default OutputGuard outputGuard() {
        return OutputGuard.unguarded();
    }

    /** How commands that call AWS themselves ({@code check}) build their clients; tests point them elsewhere. */
    default AwsClientSettings awsClientSettings(Clock clock) {
        return AwsClientSettings.production(clock);
    }
}
