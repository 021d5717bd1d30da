package dev.baton.aws.c1z;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's claim on an output file and the only way to replace it. Opening takes the {@link OutputLock} and
 * removes leftovers of killed runs. {@link #commit} writes the compressed file under a fresh name beside the
 * target (created, never truncated), fsyncs and checks it, and renames it over the target: the rename is the
 * commit, and until then the previous file is never touched. {@link #stop} may be called from any thread (a
 * signal handler): afterwards no commit happens, the run's scratch files are deleted and the lock is released.
 */
public final class OutputSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutputSession.class);

    /** What a stop found. */
    public enum StopOutcome {
        /** The new file had already replaced the target. */
        COMMITTED,
        /** The target is the file it was before the run. */
        PREVIOUS_INTACT,
        /** There was no file before and none was written. */
        NOT_WRITTEN
    }

    private enum State {
        OPEN,
        COMMITTED,
        STOPPED
    }

    private final Path target;
    private final OutputLock lock;
    private final FinalWriteHook finalWrite;
    private final Set<Path> scratch = ConcurrentHashMap.newKeySet();
    /** Where a resumable sync keeps its progress; a stop leaves it for the next run. */
    private volatile Path checkpoint;

    private final Object gate = new Object();
    private State state = State.OPEN;

    private OutputSession(Path target, OutputLock lock, FinalWriteHook finalWrite) {
        this.target = target;
        this.lock = lock;
        this.finalWrite = finalWrite;
    }

    public static OutputSession open(Path target, Path tempDir) throws C1zException {
        return open(target, tempDir, FinalWriteHook.NONE);
    }

    /**
     * @throws OutputLockedException when another run writes {@code target}
     * @throws C1zException when the target's directory is missing or not writable, or the target is a directory
     */
    public static OutputSession open(Path target, Path tempDir, FinalWriteHook finalWrite) throws C1zException {
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(finalWrite, "finalWrite is null");
        Path absolute = target.toAbsolutePath();
        Optional<String> problem = OutputTarget.check(absolute);
        if (problem.isPresent()) {
            throw C1zException.of(target, problem.get());
        }
        OutputLock lock = OutputLock.acquire(absolute);
        LeftoverSweeper.sweep(absolute, tempDir);
        return new OutputSession(absolute, lock, finalWrite);
    }

    public Path target() {
        return target;
    }

    public LockRecord holder() {
        return lock.record();
    }

    /** The directory where this run's sync keeps its progress: a stop leaves it, for a run that continues it. */
    void keepOnStop(Path directory) {
        checkpoint = directory;
    }

    /** The progress a stopped run left for the next one, if any (see {@link #keepOnStop}). */
    public Optional<Path> checkpoint() {
        Path directory = checkpoint;
        return directory != null && Files.isDirectory(directory) ? Optional.of(directory) : Optional.empty();
    }

    /** A file or directory of this run that a stop deletes (the working database's directory). */
    void track(Path path) {
        scratch.add(path);
    }

    /**
     * Compresses {@code database} into a new file beside the target and renames it over the target.
     *
     * @throws C1zException naming the target and saying that the previous file is intact, when anything fails
     */
    void commit(Path database, int zstdLevel) throws C1zException {
        CommitCheck.requireFinishedSync(database, target);
        Path temp = ScratchNames.tempOutput(target);
        try {
            scratch.add(temp);
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream file = finalWrite.wrap(target, C1zEnvelope.keepOpen(Channels.newOutputStream(channel)));
                C1zEnvelope.compress(database, file, zstdLevel);
                channel.force(true);
            }
            CommitCheck.requireDecodesTo(temp, database, target);
            rename(temp);
        } catch (IOException e) {
            throw C1zException.of(target, "could not be written; " + unchangedNote(), e);
        } catch (C1zException e) {
            throw new C1zException(e.getMessage() + "; " + unchangedNote(), e);
        } finally {
            if (scratch.remove(temp)) {
                C1zEnvelope.deleteQuietly(temp);
            }
        }
        syncDirectory();
    }

    private void rename(Path temp) throws IOException, C1zException {
        synchronized (gate) {
            if (state != State.OPEN) {
                throw C1zException.of(target, "the run was stopped before the file was replaced");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                log.warn("{}: the file system cannot rename atomically; replacing the file without", target);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            scratch.remove(temp);
            state = State.COMMITTED;
        }
    }

    private String unchangedNote() {
        return Files.exists(target) ? "the previous file is intact" : "no file was written";
    }

    /** Persists the rename; not every platform lets a directory be opened, and that is not fatal. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            log.debug("cannot fsync the directory of {}", target, e);
        }
    }

    /** From any thread: no commit after this; deletes the run's scratch files and releases the lock. */
    public StopOutcome stop() {
        boolean committed;
        synchronized (gate) {
            committed = state == State.COMMITTED;
            if (state == State.OPEN) {
                state = State.STOPPED;
            }
        }
        deleteScratch();
        lock.close();
        if (committed) {
            return StopOutcome.COMMITTED;
        }
        return Files.exists(target) ? StopOutcome.PREVIOUS_INTACT : StopOutcome.NOT_WRITTEN;
    }

    /** Deletes what is left of the run's scratch files and releases the lock. */
    @Override
    public void close() {
        deleteScratch();
        lock.close();
    }

    private void deleteScratch() {
        for (Path path : List.copyOf(scratch)) {
            if (Files.isDirectory(path)) {
                WorkingDatabase.deleteTree(path);
            } else {
                C1zEnvelope.deleteQuietly(path);
            }
            scratch.remove(path);
        }
    }
}
