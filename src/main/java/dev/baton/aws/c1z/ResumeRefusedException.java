package dev.baton.aws.c1z;

import java.util.List;

/**
 * The output has an unfinished sync that was started with other settings: continuing it would mix two syncs. The
 * message names the file, the checkpoint and the settings that differ (never their values).
 */
public final class ResumeRefusedException extends C1zException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> differing;

    ResumeRefusedException(String message, List<String> differing) {
        super(message);
        this.differing = List.copyOf(differing);
    }

    /** The settings (flag names) whose values differ from the checkpoint's. */
    public List<String> differing() {
        return differing;
    }
}
