package dev.dapkit.server.spi;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.LoadedSourceEventArguments;
import org.eclipse.lsp4j.debug.ModuleEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;

/**
 * Where a target reports what happens in the debuggee. The engine turns each call into DAP events,
 * in call order, after mapping paths and handles.
 *
 * <p>Thread-safe: call it from any thread, including the target's own event threads. Calls never
 * block on the client: output is buffered up to a bound (what overflows is counted and reported
 * once), other events are queued.
 *
 * <p>Not re-entrant: the engine never calls into the target from inside a method of this
 * interface. Each call is queued and acted on later, on the session thread, after the call has
 * returned; that includes the target calls an event leads to, such as the {@code stackTrace} and
 * {@code evaluate} that test a breakpoint condition and the {@code resumeFilteredStop} after it.
 * So a target may report while holding locks that its request methods also take, and may report
 * from inside a request method (a {@code stopped} from within {@code next}, say).
 */
public interface TargetEvents {

    /**
     * The debuggee stopped. Whenever the stop is at a place where breakpoints are set, whatever the
     * reason, {@code hitBreakpointIds} holds their ids ({@link LineBreakpoint#id()} and the like),
     * so that their hits are counted: a step that lands on a breakpoint's line reports reason
     * {@code step} and that breakpoint's id.
     *
     * <p>Unless the target implements {@link NativeBreakpointConditions}, the engine then tests
     * each hit breakpoint's condition (through {@link Evaluator}), counts the hit when it holds,
     * tests the hit condition and writes logpoint messages. What it does with the stop depends on
     * its reason:
     * <ul>
     *   <li>a breakpoint kind ({@code breakpoint}, {@code function breakpoint},
     *       {@code data breakpoint}, {@code instruction breakpoint}): when no hit breakpoint wants
     *       to stop (every condition false, hit condition unmet, or logpoint), the client never
     *       hears of the stop and the engine calls {@link DebugTarget#resumeFilteredStop};
     *   <li>any other reason ({@code step}, {@code entry}, {@code pause}, {@code exception}, ...):
     *       the stop is always shown; the hits are counted and logpoints written all the same.
     * </ul>
     * Either way the client sees in {@code hitBreakpointIds} only the breakpoints that fired.
     */
    void stopped(StoppedEventArguments stopped);

    /** The debuggee resumed on its own (not in answer to a request); handles issued so far become stale. */
    void continued(int threadId, boolean allThreads);

    /** A thread started or exited. */
    void thread(ThreadEventArguments thread);

    /** Output of the debuggee or the target; the category defaults to {@code console}. */
    void output(OutputEventArguments output);

    /** The debuggee exited with this code. */
    void exited(int exitCode);

    /** The session with the debuggee is over; the engine ends the DAP session. */
    void terminated();

    /**
     * A breakpoint changed: verified after a class loaded, moved, or failed. Its id is the engine's
     * (from {@link LineBreakpoint#id()} and the like); lines are 1-based and the source path is the
     * target's own. The client hears of it only when something it sees changed.
     */
    void breakpointChanged(Breakpoint breakpoint);

    /**
     * The target set a breakpoint of its own accord (one the client did not ask for). The engine
     * issues its id, returned here for the target to use in {@link #stopped} and
     * {@link #breakpointChanged}, and tells the client (reason {@code new}).
     *
     * @return the id the engine issued; 0 from an implementation that is not an engine (e.g. a test
     *     recorder keeping the default)
     */
    default int breakpointAdded(Breakpoint breakpoint) {
        return 0;
    }

    /**
     * The target removed a breakpoint (one it added, or one that can never be set again); the
     * engine forgets its id and tells the client (reason {@code removed}).
     */
    default void breakpointRemoved(int breakpointId) {
    }

    /** A module was loaded, changed or removed. */
    void module(ModuleEventArguments module);

    /** A source was loaded, changed or removed. */
    void loadedSource(LoadedSourceEventArguments source);

    /** The debuggee process is known (name, pid, how it started). */
    void process(ProcessEventArguments process);

    /**
     * Starts reporting progress of long work; the client shows it only if it supports progress.
     *
     * @param cancellable whether the user may cancel it; see {@link Progress#isCancelled()}
     */
    Progress startProgress(String title, String message, boolean cancellable);
}
