package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Subcommands get the run's Wiring and ProcessContext through their constructor, in whatever order they ask. */
class CommandFactoryTest {
    private final Wiring wiring = new CliRun.RecordingWiring(typeId -> Set.of(), null);
    private final ProcessContext context = new ProcessContext(Map.of(), Path.of("/project"));
    private final CommandFactory factory = new CommandFactory(wiring, context);

    @Test
    void injectsWiringAndContextInConstructorOrder() throws Exception {
        NeedsBoth command = factory.create(NeedsBoth.class);

        assertSame(context, command.context);
        assertSame(wiring, command.wiring);
    }

    @Test
    void injectsWiringAlone() throws Exception {
        assertSame(wiring, factory.create(NeedsWiring.class).wiring);
    }

    @Test
    void buildsEverythingElseWithPicocliDefaults() throws Exception {
        assertSame(NeedsNothing.class, factory.create(NeedsNothing.class).getClass());
    }

    static final class NeedsBoth {
        final ProcessContext context;
        final Wiring wiring;

        NeedsBoth(ProcessContext context, Wiring wiring) {
            this.context = context;
            this.wiring = wiring;
        }
    }

    static final class NeedsWiring {
        final Wiring wiring;

        NeedsWiring(Wiring wiring) {
            this.wiring = wiring;
        }
    }

    static final class NeedsNothing {}
}
