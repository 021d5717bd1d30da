package dev.baton.aws.c1z;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Wraps the stream the compressed file is written to, beneath the compressor. Production uses {@link #NONE};
 * tests inject a pause or a write failure (a full disk) into the final write with it.
 */
@FunctionalInterface
public interface FinalWriteHook {
    FinalWriteHook NONE = (target, out) -> out;

    OutputStream wrap(Path target, OutputStream out) throws IOException;
}
