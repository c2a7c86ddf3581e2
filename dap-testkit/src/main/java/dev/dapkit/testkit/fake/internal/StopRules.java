package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, at each point where a debuggee thread may stop, whether it must: a pause request, stop
 * on entry, a finished step, a line or function breakpoint, a raised exception. Every stop cancels
 * the step and the pause in progress. Guarded by the scheduler's lock: only called with it held.
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
        step = new Step(thread, kind, thread.stack().size(), byStatement);
    }

    /** Stops at the next statement any thread reaches; the stop names {@code thread} when given. */
    void pause(VmThread thread) {
        pauseRequested = true;
        pauseThread = thread;
    }

    /** Forgets everything a debugger asked for: it detached. */
    void clear() {
        lineBreakpoints.clear();
        functionBreakpoints = Map.of();
        onRaised = onUncaught = onEntry = pauseRequested = false;
        step = null;
        pauseThread = null;
    }

    /** A thread ended: its step cannot finish and a pause cannot name it. */
    void forget(VmThread thread) {
        step = step != null && step.thread == thread ? null : step;
        pauseThread = pauseThread == thread ? null : pauseThread;
    }

    /** Before {@code statement} runs in {@code frame}; {@code entry} when it is a call's first statement. */
    Stop atStatement(VmThread thread, Frame frame, Stmt statement, boolean entry) {
        if (pauseRequested) {
            return stop(Stop.of(pauseThread != null ? pauseThread : thread, Stop.Reason.PAUSE));
        }
        if (onEntry) {
            onEntry = false;
            return stop(Stop.of(thread, Stop.Reason.ENTRY));
        }
        int depth = thread.stack().size();
        if (step != null && step.thread == thread && (step.byStatement || statement.at().firstOnLine())
                && (step.kind == StepKind.IN || depth < step.depth || step.kind == StepKind.OVER && depth == step.depth)) {
            return stop(Stop.of(thread, Stop.Reason.STEP));
        }
        List<Integer> hits = new ArrayList<>();
        if (statement.at().firstOnLine()) {
            hits.addAll(lineBreakpoints.getOrDefault(frame.file().path(), Map.of())
                    .getOrDefault(statement.at().line(), List.of()));
        }
        boolean onLine = !hits.isEmpty();
        if (entry) {
            hits.addAll(functionBreakpoints.getOrDefault(frame.function(), List.of()));
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
        step = null;
        pauseRequested = false;
        pauseThread = null;
        return stop;
    }
}
