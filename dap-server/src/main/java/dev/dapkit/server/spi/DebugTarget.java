package dev.dapkit.server.spi;

import dev.dapkit.model.RawJson;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.Thread;

/**
 * The required core of a debugger backend. One instance serves one debug session; the engine
 * creates it through a {@link TargetProvider}.
 *
 * <p>The engine calls these methods from one thread at a time (see the package documentation).
 * Every method may throw {@link TargetException} to answer the request with a DAP error; any other
 * exception is reported to the client as an internal error of the target, without a stack trace.
 *
 * <p>Order of calls: {@link #launch} or {@link #attach}; then the configuration requests
 * ({@link #setLineBreakpoints} and the optional ones), each possibly several times; then
 * {@link #configurationDone()}, after which the debuggee may run. The engine holds configuration
 * that a client sends before {@code launch}/{@code attach} and replays it after.
 */
public interface DebugTarget {

    /**
     * Starts the debuggee. It must not run user code past its entry point before
     * {@link #configurationDone()}, so that breakpoints set during configuration are hit.
     *
     * @param arguments the {@code launch} arguments exactly as the client sent them; bind them to
     *     the target's own configuration type with {@link RawJson#bind(Class)}
     */
    void launch(RawJson arguments) throws TargetException;

    /**
     * Connects to a debuggee that is already running.
     *
     * @param arguments the {@code attach} arguments exactly as the client sent them
     */
    void attach(RawJson arguments) throws TargetException;

    /** Configuration is complete: the debuggee may run (or go on running). */
    void configurationDone() throws TargetException;

    /** The debuggee's threads; their ids are the target's own and stay stable while a thread lives. */
    List<Thread> threads() throws TargetException;

    /**
     * A page of a suspended thread's stack, top frame first.
     *
     * @param startFrame the index of the first frame to return (0 is the top)
     * @param levels the most frames to return; 0 means all of them
     */
    StackTracePage stackTrace(int threadId, int startFrame, int levels) throws TargetException;

    /** The scopes (locals, arguments, globals, ...) of a frame this target returned earlier. */
    List<TargetScope> scopes(TargetFrame frame) throws TargetException;

    /** A page of the children of a scope or structured value this target returned earlier. */
    List<TargetVariable> variables(VariableContainer container, VariablesPage page) throws TargetException;

    /**
     * Resumes a thread, or every thread.
     *
     * @param allThreads whether every thread resumes; a target that can resume only all threads
     *     ignores {@code false} and returns {@code true}
     * @return whether every thread was resumed
     */
    boolean resume(int threadId, boolean allThreads) throws TargetException;

    /**
     * Lets the debuggee go on after a stop that the engine decided not to show: a breakpoint
     * whose condition was false or whose hit condition was not met, or a logpoint (see
     * {@link TargetEvents#stopped}). Unlike {@link #resume}, which answers the user's
     * {@code continue}, this must carry on whatever the thread was doing when it hit the
     * breakpoint: a {@code next}, {@code stepIn} or {@code stepOut} in progress goes on and
     * reports {@code stopped} (reason {@code step}) where it completes, and a {@code pause}
     * that the engine passed on while the stop was being tested takes effect. The client never
     * heard of the stop, so for it the step is still running.
     *
     * <p>The default calls {@code resume(threadId, allThreadsStopped)}, which is right only for a
     * target that never steps past a breakpoint (one that finishes a step before it checks
     * breakpoints, or that tests conditions itself with {@link NativeBreakpointConditions}).
     *
     * @param threadId the thread of the stop, as the target reported it
     * @param allThreadsStopped whether the stop suspended every thread (its {@code allThreadsStopped})
     */
    default void resumeFilteredStop(int threadId, boolean allThreadsStopped) throws TargetException {
        resume(threadId, allThreadsStopped);
    }

    /**
     * The client has just been sent {@code stopped} for a stop this target reported (one that
     * passed its breakpoint conditions). Every client answers a stop with the same requests
     * ({@code threads}, then the stopped thread's {@code stackTrace}), and a target may read here
     * what they will ask for while the event travels: the engine calls this on the session thread
     * right after sending the event, so those requests wait behind it and find the answers ready.
     * What is read ahead must stay true until it is asked for, or be dropped when the debuggee
     * resumes or is changed (a method run, a value set).
     *
     * <p>A failure here is logged at debug level and otherwise ignored: the requests ask again.
     * The default does nothing.
     *
     * @param threadId the stopped thread, as the target reported it
     */
    default void stopShown(int threadId) throws TargetException {
    }

    /** Steps over one line (or the {@link StepOptions#granularity() granularity} asked for) and reports {@code stopped}. */
    void next(int threadId, StepOptions options) throws TargetException;

    /** Steps into the call on the current line, stopping on the callee's first line. */
    void stepIn(int threadId, StepOptions options) throws TargetException;

    /** Runs until the current frame returns, stopping in the caller. */
    void stepOut(int threadId, StepOptions options) throws TargetException;

    /** Suspends a thread and reports {@code stopped} with reason {@code pause}. */
    void pause(int threadId) throws TargetException;

    /**
     * Replaces every line breakpoint of one source file.
     *
     * @param source the file, with the target's own path (or a {@code sourceReference} the target issued)
     * @param breakpoints the breakpoints to have; empty removes them all
     * @return one entry per requested breakpoint, in the same order: at least {@code verified},
     *     and the actual line when the target moved it; the engine fills in the ids
     */
    List<Breakpoint> setLineBreakpoints(Source source, List<LineBreakpoint> breakpoints) throws TargetException;

    /**
     * Ends this session's hold on the debuggee. Breakpoints have already been removed and the
     * debuggee resumed by the engine when {@code terminateDebuggee} is false.
     *
     * <p>DAP's {@code suspendDebuggee} is not passed: the engine does not advertise
     * {@code supportSuspendDebuggee}, and DAP says an adapter without that capability does not
     * honour the flag, so a detach always leaves the debuggee running. Neither is {@code restart}:
     * a restart by disconnect is a new session to the engine.
     *
     * @param terminateDebuggee whether the debuggee must end too: the client's
     *     {@code terminateDebuggee}, or when it sent none, true for a launched debuggee and false
     *     for an attached one
     */
    void disconnect(boolean terminateDebuggee) throws TargetException;

    /** Asks the debuggee to end (gracefully where the target can); {@code terminated} follows. */
    void terminate() throws TargetException;
}
