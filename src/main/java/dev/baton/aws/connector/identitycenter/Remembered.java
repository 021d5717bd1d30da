package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.spi.SyncException;
import java.util.Optional;
import java.util.function.Consumer;

/** The one shape of every memo use: what an earlier run of the sync remembered, else an answer read now and kept. */
final class Remembered {
    @FunctionalInterface
    interface Read<T> {
        T read() throws SyncException;
    }

    private Remembered() {}

    static <T> T recallOrRead(Optional<T> recalled, Read<T> read, Consumer<T> remember) throws SyncException {
        if (recalled.isPresent()) {
            return recalled.get();
        }
        T answer = read.read();
        remember.accept(answer);
        return answer;
    }
}
