package dev.dapkit.server.internal;

import dev.dapkit.server.spi.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets go of the debuggee once, at the end of a session. Detaching (the debuggee lives on, as in
 * ptvsd's "attach again later") first removes every breakpoint through the target and resumes the
 * threads the client saw stopped, then disconnects; terminating just disconnects with
 * {@code terminateDebuggee}.
 *
 * <p>Called on the session thread only.
 */
final class TargetRelease {

    private static final Logger LOG = LoggerFactory.getLogger(TargetRelease.class);

    private final TargetHolder target;
    private final SessionPhase phase;
    private final BreakpointSync breakpoints;
    private final SuspendedState suspended;
    private boolean released;

    TargetRelease(TargetHolder target, SessionPhase phase, BreakpointSync breakpoints, SuspendedState suspended) {
        this.target = target;
        this.phase = phase;
        this.breakpoints = breakpoints;
        this.suspended = suspended;
    }

    /**
     * Detaches or terminates; does nothing when already done or when no debuggee was reached.
     *
     * @throws TargetException when the target's {@code disconnect} fails
     */
    void release(boolean terminateDebuggee) throws TargetException {
        if (released || !phase.isStarted()) {
            released = true;
            return;
        }
        released = true;
        if (!terminateDebuggee) {
            breakpoints.removeAll();
            resumeStoppedThreads();
        }
        target.get().disconnect(terminateDebuggee);
    }

    /** The client went away without {@code disconnect}: DAP's default for how the session began. */
    void releaseAfterConnectionLoss() {
        try {
            release(phase.startKind() == SessionPhase.StartKind.LAUNCH);
        } catch (TargetException | RuntimeException e) {
            LOG.warn("target '{}' failed to disconnect after the client went away: {}", target.id(), e.toString());
        }
    }

    boolean isReleased() {
        return released;
    }

    private void resumeStoppedThreads() {
        Integer thread = suspended.anyStoppedThread();
        if (thread == null) {
            return;
        }
        try {
            target.get().resume(thread, true);
            suspended.resumed(thread, true);
        } catch (TargetException | RuntimeException e) {
            LOG.warn("target '{}' failed to resume the debuggee while detaching: {}", target.id(), e.toString());
        }
    }
}
