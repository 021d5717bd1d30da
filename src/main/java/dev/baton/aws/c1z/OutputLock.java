package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per output path: an exclusive OS lock on {@code <file>.lock} beside the output, held for the whole
 * run, with a {@link LockRecord} inside naming the holder. The OS drops the lock when its process dies, so a lock
 * file whose lock is free but which still holds a record was left by a killed run; it is taken over with a
 * warning. Where the file system cannot lock, the record alone decides: a live process of this host holds it.
 *
 * <p>The holder deletes the file before releasing the lock. A contender that opened the old file and gets its lock
 * afterwards sees that the path no longer names the file it locked, and starts over.
 */
public final class OutputLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutputLock.class);
    private static final int ATTEMPTS = 5;
    private static final int RECORD_WAIT_MILLIS = 20;

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final LockRecord record;
    private boolean closed;

    private OutputLock(Path lockFile, FileChannel channel, FileLock lock, LockRecord record) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.record = record;
    }

    public static Path lockFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    /**
     * @throws OutputLockedException when another live run holds the lock
     * @throws C1zException when the lock file cannot be created
     */
    public static OutputLock acquire(Path target) throws C1zException {
        Objects.requireNonNull(target, "target is null");
        Path lockFile = lockFile(target);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<OutputLock> lock = tryAcquire(target, lockFile);
            if (lock.isPresent()) {
                return lock.get();
            }
        }
        throw C1zException.of(target, "the lock file " + lockFile + " keeps being replaced; try again");
    }

    /** Empty when the lock file was replaced while locking it; the caller tries again. */
    private static Optional<OutputLock> tryAcquire(Path target, Path lockFile) throws C1zException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Object opened = fileKey(lockFile);
            FileLock lock;
            try {
                lock = osLock(channel);
            } catch (OutputLockUnavailable e) {
                throw locked(target, lockFile, channel, LockRecord.parse(readAll(channel)));
            }
            Optional<LockRecord> previous = LockRecord.parse(readAll(channel));
            if (lock == null && previous.filter(OutputLock::mayBeRunning).isPresent()) {
                throw locked(target, lockFile, channel, previous);
            }
            if (opened == null || !opened.equals(fileKey(lockFile))) {
                channel.close();
                return Optional.empty();
            }
            previous.ifPresent(left -> log.warn(
                    "taking over the lock {} left by a run that is no longer running ({})", lockFile, left.describe()));
            LockRecord record = LockRecord.current(Instant.now());
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(record.bytes()), 0);
            channel.force(false);
            return Optional.of(new OutputLock(lockFile, channel, lock, record));
        } catch (IOException e) {
            closeQuietly(channel);
            throw C1zException.of(target, "cannot create the lock file " + lockFile, e);
        } catch (C1zException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Without OS locks: a run of another host cannot be checked, so it counts as running. */
    private static boolean mayBeRunning(LockRecord record) {
        return !record.host().equals(HostName.local()) || record.aliveOnThisHost();
    }

    /**
     * The OS lock; null when the file system cannot lock, and the caller then goes by the record in the file.
     *
     * @throws OutputLockUnavailable when another process (or another run in this JVM) holds it
     */
    private static FileLock osLock(FileChannel channel) throws IOException, OutputLockUnavailable {
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OutputLockUnavailable();
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            throw new OutputLockUnavailable();
        } catch (IOException e) {
            if (e instanceof ClosedChannelException) {
                throw e;
            }
            log.debug("the file system cannot lock {}; going by the record inside", channel, e);
            return null;
        }
    }

    private static OutputLockedException locked(
            Path target, Path lockFile, FileChannel channel, Optional<LockRecord> record) throws IOException {
        Optional<LockRecord> holder = record;
        // the holder writes its record right after locking; give it a moment
        for (int i = 0; holder.isEmpty() && i < 10; i++) {
            sleep();
            holder = LockRecord.parse(readAll(channel));
        }
        channel.close();
        return new OutputLockedException(target, lockFile, holder.orElse(null));
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 4096));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read until full or end of file
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The file's identity (device and inode) from its path, without opening it; null when it is gone. */
    private static Object fileKey(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RECORD_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public LockRecord record() {
        return record;
    }

    public Path file() {
        return lockFile;
    }

    /** Deletes the lock file, then releases the lock; safe to call from any thread and more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            log.debug("cannot delete the lock file {}", lockFile, e);
        }
        closeQuietly(channel); // closing the channel releases the lock
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("closing the lock file failed", e);
            }
        }
    }

    /** Another process or run holds the OS lock. */
    private static final class OutputLockUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        OutputLockUnavailable() {
            super(null, null, false, false);
        }
    }
}
