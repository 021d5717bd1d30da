package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates subcommands for picocli with constructor injection: a command whose constructor takes a
 * {@link Wiring} gets the one of this run; everything else (mixins, converters) is built by picocli's default
 * factory.
 */
final class CommandFactory implements IFactory {
    private final Wiring wiring;

    CommandFactory(Wiring wiring) {
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == Wiring.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(wiring));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
