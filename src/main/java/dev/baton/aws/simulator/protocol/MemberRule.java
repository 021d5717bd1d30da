package dev.baton.aws.simulator.protocol;

import dev.baton.aws.simulator.world.SparseMode;
import java.nio.charset.StandardCharsets;

/**
 * Decides, member by member, what a sparse reply keeps. Kept always: members the model marks required; the
 * operation's own top-level members (the page, the described object, {@code Marker} and {@code NextToken}: AWS
 * answers with what was asked for, and the simulator sends a page token only when a next page exists), except
 * {@code IsTruncated} when false; and lists and maps that hold something (an absent list reads as empty, so leaving
 * out a filled one would lose data no AWS reply loses); and identifiers, members named {@code Id}, {@code Arn} or
 * ending in either ({@code InstanceArn}, {@code IdentityStoreId}, {@code PolicyArn}, {@code UserId}): AWS's models
 * mark few of them required, yet no real reply names an object without them, and the connector's handling of a
 * missing one (skip with a warning) is proven by unit tests with hand-made replies; likewise {@code Status} and
 * {@code State} (an account's, an assignment operation's), which real replies always carry. Left out: empty lists and maps,
 * and every other member
 * (scalars and nested structures) in {@link SparseMode#ALL}, or a seeded half of them in {@link SparseMode#RANDOM},
 * chosen by a hash of the seed and the member's path, so the same request gets the same reply on every run.
 */
final class MemberRule {
    /** What a member holds, as far as the rule cares. */
    enum Content {
        SCALAR,
        STRUCTURE,
        FILLED_COLLECTION,
        EMPTY_COLLECTION
    }

    private final SparseMode mode;
    private final long seed;

    MemberRule(SparseMode mode, long seed) {
        this.mode = mode;
        this.seed = seed;
    }

    boolean active() {
        return mode != SparseMode.NONE;
    }

    /**
     * @param topLevel the member belongs to the operation's output structure
     * @param text the member's text for scalars (used for {@code IsTruncated}), else null
     * @param path where the member sits, e.g. {@code iam.ListUsers/Users/3/PasswordLastUsed}
     */
    boolean keep(
            ResponseModel.Shape owner, String member, boolean topLevel, Content content, String text, String path) {
        if (owner.required().contains(member) || identifying(member)) {
            return true;
        }
        if (topLevel) {
            if (member.equals("IsTruncated")) {
                return "true".equals(text);
            }
            return true;
        }
        return switch (content) {
            case FILLED_COLLECTION -> true;
            case EMPTY_COLLECTION -> false;
            case SCALAR, STRUCTURE -> mode == SparseMode.RANDOM && heads(path);
        };
    }

    static boolean identifying(String member) {
        return member.endsWith("Id") || member.endsWith("Arn") || member.equals("Status") || member.equals("State");
    }

    /** A fair coin from the seed and the path (SplitMix64 finaliser over a 64-bit FNV-1a hash). */
    private boolean heads(String path) {
        long hash = 0xcbf29ce484222325L ^ seed;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash += 0x9e3779b97f4a7c15L;
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return (hash & 1) == 0;
    }
}
