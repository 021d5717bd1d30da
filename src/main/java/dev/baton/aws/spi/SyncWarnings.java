package dev.baton.aws.spi;

/**
 * Where syncers report a fail-soft skip (one resource not found or access denied). The engine counts them for
 * the end summary; each message names the object and the reason, never a credential.
 */
@FunctionalInterface
public interface SyncWarnings {
    void warn(String message);
}
