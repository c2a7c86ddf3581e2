package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, at each point where a debuggee thread may stop, whether it must: a pause request, stop
 * on entry, a finished step, a line or function breakpoint, a raised exception. A stop at a
 * statement where breakpoints are set names them, whatever its reason. Every stop ends the step
 * and the pause in progress, but remembers a step it cut short: when the debugger resumes unseen
 * ({@link #resumeInterrupted()}, after a breakpoint whose condition was false) the step goes on,
 * and a pause asked for while the program was stopped takes effect. Guarded by the scheduler's
 * lock: only called with it held.
 */
final class StopRules {

    private record Step(VmThread thread, StepKind kind, int depth, boolean byStatement) {
    }

    private final Map<String, Map<Integer, List<Integer>>> lineBreakpoints = new HashMap<>();
    private Map<String, List<Integer>> functionBreakpoints = Map.of();
    private boolean onRaised;
    private boolean onUncaught;
    private boolean onEntry;
    private Step step;
    private boolean pauseRequested;
    private VmThread pauseThread;
    /** The step the last stop cut short, for {@link #resumeInterrupted()}. */
    private Step interrupted;
    /** A pause asked for while the program was stopped, for {@link #resumeInterrupted()}. */
    private boolean pauseWhileStopped;
    private VmThread pauseWhileStoppedThread;

    void setLineBreakpoints(String path, Map<Integer, List<Integer>> idsByLine) {
        lineBreakpoints.put(path, Map.copyOf(idsByLine));
    }

    void setFunctionBreakpoints(Map<String, List<Integer>> idsByName) {
        functionBreakpoints = Map.copyOf(idsByName);
    }

    void setExceptionFilters(boolean raised, boolean uncaught) {
        onRaised = raised;
        onUncaught = uncaught;
    }

    void stopOnEntry(boolean entry) {
        onEntry = entry;
    }

    void step(VmThread thread, StepKind kind, boolean byStatement) {
        forgetInterrupted();
        step = new Step(thread, kind, thread.stack().size(), byStatement);
    }

    /** Stops at the next statement any thread reaches; the stop names {@code thread} when given. */
    void pause(VmThread thread) {
        pauseRequested = true;
        pauseThread = thread;
    }

    /**
     * A pause asked for while the program is stopped: the stop answers it, unless the debugger
     * resumes unseen ({@link #resumeInterrupted()}), which makes it take effect then.
     */
    void pauseWhileStopped(VmThread thread) {
        pauseWhileStopped = true;
        pauseWhileStoppedThread = thread;
    }

    /** The debugger resumes after a stop it did not show: the step and pause that stop cut short go on. */
    void resumeInterrupted() {
        if (interrupted != null) {
            step = interrupted;
        }
        if (pauseWhileStopped) {
            pauseRequested = true;
            pauseThread = pauseWhileStoppedThread;
        }
        forgetInterrupted();
    }

    /** The user resumed or stepped anew: what the last stop cut short is over. */
    void forgetInterrupted() {
        interrupted = null;
        pauseWhileStopped = false;
        pauseWhileStoppedThread = null;
    }

    /** Forgets everything a debugger asked for: it detached. */
    void clear() {
        lineBreakpoints.clear();
        functionBreakpoints = Map.of();
        onRaised = onUncaught = onEntry = pauseRequested = false;
        step = null;
        pauseThread = null;
        forgetInterrupted();
    }

    /** A thread ended: its step cannot finish and a pause cannot name it. */
    void forget(VmThread thread) {
        step = step != null && step.thread == thread ? null : step;
        pauseThread = pauseThread == thread ? null : pauseThread;
        interrupted = interrupted != null && interrupted.thread == thread ? null : interrupted;
        pauseWhileStoppedThread = pauseWhileStoppedThread == thread ? null : pauseWhileStoppedThread;
    }

    /** Before {@code statement} runs in {@code frame}; {@code entry} when it is a call's first statement. */
    Stop atStatement(VmThread thread, Frame frame, Stmt statement, boolean entry) {
        List<Integer> hits = new ArrayList<>();
        if (statement.at().firstOnLine()) {
            hits.addAll(lineBreakpoints.getOrDefault(frame.file().path(), Map.of())
                    .getOrDefault(statement.at().line(), List.of()));
        }
        boolean onLine = !hits.isEmpty();
        if (entry) {
            hits.addAll(functionBreakpoints.getOrDefault(frame.function(), List.of()));
        }
        if (pauseRequested) {
            // the hits are this thread's: a pause that names another thread stops there, not here
            VmThread paused = pauseThread != null ? pauseThread : thread;
            return stop(new Stop(paused, Stop.Reason.PAUSE, paused == thread ? hits : List.of(), null, false));
        }
        if (onEntry) {
            onEntry = false;
            return stop(new Stop(thread, Stop.Reason.ENTRY, hits, null, false));
        }
        int depth = thread.stack().size();
        if (step != null && step.thread == thread && (step.byStatement || statement.at().firstOnLine())
                && (step.kind == StepKind.IN || depth < step.depth || step.kind == StepKind.OVER && depth == step.depth)) {
            return stop(new Stop(thread, Stop.Reason.STEP, hits, null, false));
        }
        if (hits.isEmpty()) {
            return null;
        }
        Stop.Reason reason = onLine ? Stop.Reason.BREAKPOINT : Stop.Reason.FUNCTION_BREAKPOINT;
        return stop(new Stop(thread, reason, hits, null, false));
    }

    /** A call returned into the thread's frame at {@code depth}: a step that left its frame ends here. */
    Stop atReturn(VmThread thread) {
        boolean left = step != null && step.thread == thread && thread.stack().size() < step.depth;
        return left ? stop(Stop.of(thread, Stop.Reason.STEP)) : null;
    }

    Stop atRaise(VmThread thread, RaisedError error) {
        boolean uncaught = thread.stack().stream().allMatch(f -> f.tryDepth() == 0);
        boolean stops = onRaised || onUncaught && uncaught;
        return stops ? stop(new Stop(thread, Stop.Reason.EXCEPTION, List.of(), error, uncaught)) : null;
    }

    private Stop stop(Stop stop) {
        // a step stop is the step done; any other stop may be one the debugger resumes unseen
        interrupted = stop.reason() == Stop.Reason.STEP ? null : step;
        step = null;
        pauseRequested = false;
        pauseThread = null;
        return stop;
    }
}
