package dev.dapkit.server;

import java.util.concurrent.CompletableFuture;

/** One debug session: one client connection, one target. Thread-safe. */
public interface DebugSession {

    /** The session's name within its server, e.g. {@code session-3}. */
    String id();

    /** Who the client is: its connection's description. */
    String description();

    /**
     * Completes when the session has ended: its connection is closed and the target has been let
     * go. Completes normally after an orderly end, exceptionally with the connection's failure.
     * Each call returns a new dependent future.
     */
    CompletableFuture<Void> closeFuture();

    /** Ends the session: a {@code terminated} event, then the connection closes. Idempotent. */
    void end();
}
