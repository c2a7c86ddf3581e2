package dev.dapkit.testkit.target;

import dev.dapkit.model.transport.DapConnection;
import java.util.Optional;

/**
 * What a target supplies to run the {@link TargetConformanceSuite}, over one way of reaching its
 * server (in memory, stdio, TCP, ...): the canonical program written in the target's language, a
 * way to open a client connection to a new debug session, and, when the target can attach, a
 * long-running debuggee to attach to.
 *
 * <p>The suite makes a new instance for each test ({@link TargetConformanceSuite#newTarget()})
 * and closes it after the test; the instance owns whatever it started (servers, child processes,
 * temporary files) and releases it in {@link #close()}.
 *
 * <p>Called from the test thread only; need not be thread-safe.
 */
public interface ConformanceTarget extends AutoCloseable {

    /** The canonical program and its optional variants, as the client sees them. */
    ConformanceProgram program();

    /**
     * A connection, not yet started, to a new debug session of a server for this target, able to
     * {@code launch} every program of {@link #program()}. The suite starts it and closes it.
     */
    DapConnection openSession() throws Exception;

    /**
     * Starts {@linkplain ConformanceProgram#looping() the looping program} without a debugger, as a
     * user starts a program to attach to later, with a server whose sessions attach to it. The
     * suite closes the debuggee after the test.
     *
     * @return empty when this target cannot attach; the attach scenarios are then skipped
     */
    default Optional<AttachableDebuggee> startAttachable() throws Exception {
        return Optional.empty();
    }

    /** Releases everything this instance started; called after each test, also after a failure. */
    @Override
    void close() throws Exception;
}
