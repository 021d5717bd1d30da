package dev.baton.aws.simulator.world;

import java.util.Random;

/**
 * Generates the ids a world file leaves out, in AWS's shapes, from one seeded {@link Random}: the same file and
 * seed always yield the same ids, so tests and generated worlds are reproducible.
 */
public final class IdSource {
    private static final String IAM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String DIGITS = "0123456789";

    private final Random random;

    public IdSource(long seed) {
        this.random = new Random(seed);
    }

    /** IAM unique ids: {@code AIDA}, {@code AGPA}, {@code AROA}, {@code ANPA} + 17 characters. */
    public String iamId(String prefix) {
        return prefix + pick(IAM_ALPHABET, 17);
    }

    /** Access key ids: {@code AKIA} or {@code ASIA} + 16 characters. */
    public String accessKeyId(String prefix) {
        return prefix + pick(IAM_ALPHABET, 16);
    }

    public String secret() {
        return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
    }

    public String accountId() {
        return pick("123456789", 1) + pick(DIGITS, 11);
    }

    public String uuid() {
        String hex = pick(HEX, 32);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-" + "8"
                + hex.substring(17, 20) + "-" + hex.substring(20);
    }

    public String hex(int length) {
        return pick(HEX, length);
    }

    public String lowerAlphanumeric(int length) {
        return pick(LOWER_ALNUM, length);
    }

    public String digits(int length) {
        return pick(DIGITS, length);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    private String pick(String alphabet, int length) {
        StringBuilder result = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            result.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return result.toString();
    }
}
