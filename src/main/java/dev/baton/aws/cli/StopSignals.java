package dev.baton.aws.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.LoggerFactory;

/**
 * Routes SIGTERM and SIGINT to {@link ActiveOutputs#stop}, which exits with 143 or 130 as a shell expects. Uses
 * {@code sun.misc.Signal} (module jdk.unsupported), the only JDK way to learn which signal arrived; where a
 * signal cannot be handled, the JVM's default (shutdown without tidying) stays.
 *
 * <p>{@code sun.misc.Signal} and {@code sun.misc.SignalHandler} are reached by reflection, here only: javac warns
 * about every compiled use of an internal API, that warning cannot be suppressed, and the build treats warnings as
 * errors. The calls are the plain {@code Signal.handle(new Signal(name), handler)}.
 */
final class StopSignals {
    private StopSignals() {}

    static void install(ActiveOutputs outputs) {
        handle("TERM", 143, outputs);
        handle("INT", 130, outputs);
    }

    private static void handle(String name, int exitCode, ActiveOutputs outputs) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object handler = Proxy.newProxyInstance(
                    StopSignals.class.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                        if (isHandle(method)) {
                            outputs.stop("SIG" + name, exitCode);
                            return null;
                        }
                        return objectMethod(proxy, method, args, name);
                    });
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof IllegalArgumentException refused)) {
                throw unchecked(e.getCause());
            }
            // an unknown signal, or one the JVM keeps for itself
            LoggerFactory.getLogger(StopSignals.class).debug("cannot handle SIG{} here", name, refused);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sun.misc.Signal is not usable in this runtime", e);
        }
    }

    private static RuntimeException unchecked(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
    }

    /** {@code SignalHandler.handle(Signal)}, the handler's one abstract method. */
    private static boolean isHandle(Method method) {
        return method.getName().equals("handle") && method.getParameterCount() == 1;
    }

    /** equals, hashCode and toString of the proxy: identity, as a lambda handler would have. */
    private static Object objectMethod(Object proxy, Method method, Object[] args, String name) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "StopSignals.handler[SIG" + name + "]";
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
