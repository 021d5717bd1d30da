package dev.baton.aws.c1z;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, as lock records carry it; {@code localhost} when it cannot be found. */
final class HostName {
    private static final Path LINUX_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private HostName() {}

    static String local() {
        try {
            if (Files.isReadable(LINUX_HOSTNAME)) {
                return Files.readString(LINUX_HOSTNAME).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
