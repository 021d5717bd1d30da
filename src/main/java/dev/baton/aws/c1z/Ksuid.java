package dev.baton.aws.c1z;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * A KSUID in the segmentio/ksuid format: 4 bytes of big-endian seconds since 2014-05-13T16:53:20Z followed by
 * 16 random bytes, base62-encoded ({@code 0-9A-Za-z}) and left-padded with {@code 0} to 27 characters. The SDK
 * parses sync ids with {@code ksuid.Parse} when it converts a file to its newer format, so the id must be real.
 */
public final class Ksuid implements Comparable<Ksuid> {
    static final long EPOCH_SECONDS = 1_400_000_000L;
    static final int ENCODED_LENGTH = 27;
    private static final int PAYLOAD_BYTES = 16;
    private static final int TOTAL_BYTES = 20;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(TOTAL_BYTES * 8);

    private final byte[] bytes;

    private Ksuid(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A new KSUID stamped with {@code time} (whole seconds) and 16 bytes from {@code random}. */
    public static Ksuid create(Instant time, Random random) {
        Objects.requireNonNull(time, "time is null");
        Objects.requireNonNull(random, "random is null");
        long seconds = time.getEpochSecond() - EPOCH_SECONDS;
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("time " + time + " is outside the KSUID range");
        }
        byte[] bytes = new byte[TOTAL_BYTES];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) (seconds >>> (24 - 8 * i));
        }
        byte[] payload = new byte[PAYLOAD_BYTES];
        random.nextBytes(payload);
        System.arraycopy(payload, 0, bytes, 4, PAYLOAD_BYTES);
        return new Ksuid(bytes);
    }

    /** Parses the 27-character form; rejects anything else, like {@code ksuid.Parse}. */
    public static Ksuid parse(String text) {
        Objects.requireNonNull(text, "text is null");
        if (text.length() != ENCODED_LENGTH) {
            throw new IllegalArgumentException("a KSUID has 27 characters, got " + text.length());
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a base62 character in KSUID: '" + text.charAt(i) + "'");
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        if (value.compareTo(MAX) >= 0) {
            throw new IllegalArgumentException("KSUID value out of range: " + text);
        }
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[TOTAL_BYTES];
        int copy = Math.min(raw.length, TOTAL_BYTES);
        System.arraycopy(raw, raw.length - copy, bytes, TOTAL_BYTES - copy, copy);
        return new Ksuid(bytes);
    }

    public Instant timestamp() {
        long seconds = 0;
        for (int i = 0; i < 4; i++) {
            seconds = (seconds << 8) | (bytes[i] & 0xFF);
        }
        return Instant.ofEpochSecond(seconds + EPOCH_SECONDS);
    }

    public byte[] payload() {
        return Arrays.copyOfRange(bytes, 4, TOTAL_BYTES);
    }

    @Override
    public String toString() {
        StringBuilder digits = new StringBuilder(ENCODED_LENGTH);
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] divided = value.divideAndRemainder(BASE);
            digits.append(ALPHABET.charAt(divided[1].intValue()));
            value = divided[0];
        }
        while (digits.length() < ENCODED_LENGTH) {
            digits.append('0');
        }
        return digits.reverse().toString();
    }

    @Override
    public int compareTo(Ksuid other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ksuid ksuid && Arrays.equals(bytes, ksuid.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
