package dev.dapkit.server;

/**
 * Callbacks about the sessions of a {@link DapServer}. They are called on a server thread and must
 * not block; the default methods do nothing.
 */
public interface ServerListener {

    /** A session began: a connection was handed to the server. */
    default void sessionStarted(DebugSession session) {
    }

    /**
     * A session ended and its connection is closed.
     *
     * @param cause why the connection ended, or null when it ended in order
     */
    default void sessionEnded(DebugSession session, Throwable cause) {
    }
}
