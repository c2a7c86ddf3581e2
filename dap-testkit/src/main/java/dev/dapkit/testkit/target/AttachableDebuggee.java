package dev.dapkit.testkit.target;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.transport.DapConnection;

/**
 * A long-running debuggee that runs {@linkplain ConformanceProgram#looping() the looping program}
 * without a debugger, and the server that attaches to it, made by
 * {@link ConformanceTarget#startAttachable()}. Its landmarks are the looping program's.
 *
 * <p>Called from the test thread only; need not be thread-safe.
 */
public interface AttachableDebuggee extends AutoCloseable {

    /** The {@code attach} arguments that reach this debuggee, with the path mappings the client needs. */
    RawJson attachArguments();

    /** A connection, not yet started, to a new debug session whose {@code attach} reaches this debuggee. */
    DapConnection openSession() throws Exception;

    /**
     * Whether {@link #openSession()} may be called again after a session detached, as DESIGN §3's
     * re-attach promises. A server on one process's stdio, for one, has one session only.
     */
    boolean reattachable();

    /** Whether the debuggee is still running (it has not exited). */
    boolean isRunning();

    /** Ends the debuggee and its server. */
    @Override
    void close() throws Exception;
}
