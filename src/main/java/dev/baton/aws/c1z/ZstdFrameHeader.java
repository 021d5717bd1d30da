package dev.baton.aws.c1z;

/**
 * The window a zstd frame needs, read from its header (RFC 8878, section 3.1.1.1). The SDK's decoder refuses
 * windows above 128 MiB.
 */
final class ZstdFrameHeader {
    static final long MAX_WINDOW = 128L << 20;
    private static final byte[] MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

    private ZstdFrameHeader() {}

    /** Why {@code header} (the first bytes after the c1z magic) is not acceptable, or null when it is. */
    static String problem(byte[] header) {
        if (header.length < 6) {
            return "the body is too short to be a zstd frame";
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                return "the body after the C1ZF header is not a zstd frame";
            }
        }
        int descriptor = header[4] & 0xFF;
        boolean singleSegment = ((descriptor >> 5) & 1) == 1;
        if (!singleSegment) {
            int windowDescriptor = header[5] & 0xFF;
            long base = 1L << (10 + (windowDescriptor >> 3));
            long window = base + (base / 8) * (windowDescriptor & 7);
            return window <= MAX_WINDOW
                    ? null
                    : "zstd window " + window + " bytes > 128 MiB (the SDK cannot decode it)";
        }
        int offset = 5 + new int[] {0, 1, 2, 4}[descriptor & 3];
        int sizeBytes = new int[] {1, 2, 4, 8}[descriptor >> 6];
        if (header.length < offset + sizeBytes) {
            return "the zstd frame header is truncated";
        }
        long size = 0;
        for (int i = sizeBytes - 1; i >= 0; i--) {
            size = (size << 8) | (header[offset + i] & 0xFF);
        }
        if (sizeBytes == 2) {
            size += 256;
        }
        return size <= MAX_WINDOW
                ? null
                : "single-segment zstd frame of " + size + " bytes needs a window that large (> 128 MiB)";
    }
}
