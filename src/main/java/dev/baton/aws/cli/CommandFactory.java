package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates commands for picocli with constructor injection. A command whose constructor takes only a
 * {@link Wiring} and/or a {@link ProcessContext} (in any order) gets the ones of this run, so a new subcommand is
 * one entry in {@link BatonAwsCommand}'s {@code subcommands} list and nothing else. Everything else (mixins,
 * converters, no-argument commands) is built by picocli's default factory.
 */
final class CommandFactory implements IFactory {
    private final Wiring wiring;
    private final ProcessContext context;

    CommandFactory(Wiring wiring, ProcessContext context) {
        this.wiring = requireNonNull(wiring, "wiring is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Object[] arguments = argumentsFor(constructor.getParameterTypes());
            if (arguments != null && arguments.length > 0) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(arguments));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }

    /** The injected values in the constructor's order, or null when it asks for anything else. */
    private Object[] argumentsFor(Class<?>[] parameterTypes) {
        Object[] arguments = new Object[parameterTypes.length];
        for (int i = 0; i < parameterTypes.length; i++) {
            if (parameterTypes[i] == Wiring.class) {
                arguments[i] = wiring;
            } else if (parameterTypes[i] == ProcessContext.class) {
                arguments[i] = context;
            } else {
                return null;
            }
        }
        return arguments;
    }
}
