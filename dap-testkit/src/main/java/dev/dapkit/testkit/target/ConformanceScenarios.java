package dev.dapkit.testkit.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.testkit.target.ConformanceProgram.LoopingProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared setup of the conformance scenarios: a new {@link ConformanceTarget} before each test,
 * client sessions opened on it, and after each test every session closed and its whole
 * conversation checked against the DAP schema, then the target closed. Subclasses group the
 * scenarios by area; {@link TargetConformanceSuite} runs them all.
 *
 * <p>JUnit makes one instance per test; not thread-safe.
 */
public abstract class ConformanceScenarios {

    private ConformanceTarget target;
    private final List<ClientSession> sessions = new ArrayList<>();
    private final List<AttachableDebuggee> debuggees = new ArrayList<>();

    /** A new target to run one test against; closed after the test. */
    protected abstract ConformanceTarget newTarget() throws Exception;

    @BeforeEach
    public final void openTarget() throws Exception {
        target = Objects.requireNonNull(newTarget(), "newTarget() returned null");
    }

    @AfterEach
    public final void closeTarget() throws Exception {
        try {
            for (ClientSession session : sessions) {
                session.close();
            }
            for (ClientSession session : sessions) {
                session.assertConversationValid();
            }
        } finally {
            try {
                for (AttachableDebuggee debuggee : debuggees) {
                    debuggee.close();
                }
            } finally {
                target.close();
            }
        }
    }

    final ConformanceProgram program() {
        return target.program();
    }

    /** A new session of the target's server, its client started. */
    final ClientSession openSession() throws Exception {
        ClientSession session = new ClientSession(target.openSession());
        sessions.add(session);
        return session;
    }

    /** A new session on the attachable debuggee's server. */
    final ClientSession openSession(AttachableDebuggee debuggee) throws Exception {
        ClientSession session = new ClientSession(debuggee.openSession());
        sessions.add(session);
        return session;
    }

    /** The debuggee to attach to, or the test is skipped when the target declares none. */
    final AttachableDebuggee startAttachable() throws Exception {
        Optional<AttachableDebuggee> debuggee = target.startAttachable();
        Assumptions.assumeTrue(debuggee.isPresent(), "the target declares no attachable debuggee "
                + "(ConformanceTarget.startAttachable() is empty), so the attach scenarios are skipped");
        debuggees.add(debuggee.get());
        return debuggee.get();
    }

    /** The optional program variant, or the test is skipped with a message naming it. */
    final <T> T require(Function<ConformanceProgram, Optional<T>> variant, String what) {
        Optional<T> value = variant.apply(program());
        Assumptions.assumeTrue(value.isPresent(), "the target's ConformanceProgram has no " + what + ", so this"
                + " scenario is skipped");
        return value.get();
    }

    /** Skips the test unless the session's capabilities say {@code supported}. */
    static void requireCapability(Boolean supported, String capability) {
        Assumptions.assumeTrue(Boolean.TRUE.equals(supported), "the target does not declare " + capability
                + " in its capabilities, so this scenario is skipped");
    }

    /** A session that launched the canonical program with one breakpoint at CALL and stopped there. */
    final Stopped stoppedAtCall() throws Exception {
        return stoppedAt(ClientSession.breakpoint(program().lines().call()));
    }

    /** A session that launched the canonical program with {@code breakpoint} in its main file and stopped at it. */
    final Stopped stoppedAt(SourceBreakpoint breakpoint) throws Exception {
        ClientSession session = openSession();
        List<Breakpoint> placed = session.launch(program().launchArguments(), program().mainPath(), breakpoint);
        StoppedEventArguments stop = session.awaitStopped();
        return new Stopped(session, placed.get(0), stop);
    }

    /** Launches a program with no breakpoints. */
    final ClientSession launched(RawJson arguments) throws Exception {
        ClientSession session = openSession();
        session.launch(arguments, program().mainPath());
        return session;
    }

    /** Waits for the normal end of the canonical program: {@code total 10} printed, exit code 0, {@code terminated}. */
    static void assertRunsToTheEnd(ClientSession session) {
        session.awaitOutput("total 10");
        assertEquals(0, session.awaitExited(), "the canonical program exits with code 0");
        session.awaitTerminated();
    }

    /** The line of the top frame of a thread, e.g. for {@code assertEquals(CALL, line(...))}. */
    static int line(ClientSession session, int threadId) {
        return session.topFrame(threadId).getLine();
    }

    /** Asserts that {@code frame} is in the client's file {@code path} at {@code line}. */
    static void assertAt(String path, int line, StackFrame frame, String why) {
        assertTrue(frame.getSource() != null && path.equals(frame.getSource().getPath()), why + ": frame '"
                + frame.getName() + "' is in " + (frame.getSource() == null ? "no source" : frame.getSource().getPath())
                + ", not in the client's path " + path);
        assertEquals(line, frame.getLine(), why + ": frame '" + frame.getName() + "' line");
    }

    /** The looping program's counter, evaluated in {@code frameId}. */
    static long counter(ClientSession session, int frameId, LoopingProgram looping) {
        String value = session.evaluate(looping.counterExpression(), frameId, "repl").getResult();
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new AssertionError("'" + looping.counterExpression() + "' evaluates to '" + value
                    + "', not an integer", e);
        }
    }

    /**
     * A session stopped at a breakpoint.
     *
     * @param session the session
     * @param breakpoint the breakpoint as {@code setBreakpoints} answered
     * @param stop the {@code stopped} event
     */
    record Stopped(ClientSession session, Breakpoint breakpoint, StoppedEventArguments stop) {
        int threadId() {
            return stop.getThreadId();
        }
    }
}
