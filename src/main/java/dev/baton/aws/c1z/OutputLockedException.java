package dev.baton.aws.c1z;

import java.nio.file.Path;
import java.util.Optional;

/** Another run holds the output's lock; the message names it and the lock file. */
public final class OutputLockedException extends C1zException {
    private static final long serialVersionUID = 1L;
    private final transient LockRecord holder;

    OutputLockedException(Path target, Path lockFile, LockRecord holder) {
        super(target + ": another baton-aws run is writing this file ("
                + (holder == null ? "its details are not readable" : holder.describe()) + "); lock file "
                + lockFile
                + (holder == null || holder.aliveOnThisHost() ? "" : "; if that run is gone, delete the lock file"));
        this.holder = holder;
    }

    public Optional<LockRecord> holder() {
        return Optional.ofNullable(holder);
    }
}
