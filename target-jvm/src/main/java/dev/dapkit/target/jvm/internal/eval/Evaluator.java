package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.InternalException;
import com.sun.jdi.InvalidStackFrameException;
import com.sun.jdi.NativeMethodException;
import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMCannotBeModifiedException;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dapkit's Java expression evaluator over JDI: what DAP {@code evaluate} (watch, repl, hover,
 * clipboard), breakpoint conditions, logpoints and {@code setExpression} run on. One instance
 * per debuggee VM.
 *
 * <p>Objects an evaluation creates (strings, boxes, arrays, method results) are pinned
 * against garbage collection while it runs. The object an {@link #evaluate} returns stays
 * pinned so the caller can display and expand it; call {@link #releaseResults()} when the
 * debuggee resumes, as variable references are dropped then too.
 *
 * <p>Threading: call every method on the session thread while the scope's thread is
 * suspended. Method invocations run on short-lived helper threads so that a timeout can be
 * enforced; see {@link EvaluationScope#invokeTimeout()}. An invocation that times out keeps
 * running in the debuggee (JDI cannot abort it): its thread is reported busy to later
 * evaluations until the call returns. While an invocation runs, events the invoked code
 * triggers (a breakpoint in it, an exception breakpoint) suspend the thread and the call
 * does not return until the target core resumes that event; the target core should resume
 * such events on a thread it is evaluating on.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final Map<ThreadReference, PendingInvocation> busyThreads = new ConcurrentHashMap<>();
    private final List<ObjectReference> retained = new ArrayList<>();

    /** Parses and evaluates {@code source}. */
    public EvaluationResult evaluate(String source, EvaluationScope scope) throws EvaluationException {
        return evaluate(ParsedExpression.parse(source), scope);
    }

    /** Evaluates an expression; the result's object, if any, stays pinned until {@link #releaseResults()}. */
    public EvaluationResult evaluate(ParsedExpression expression, EvaluationScope scope) throws EvaluationException {
        ObjectPins pins = new ObjectPins();
        Value result = null;
        try {
            checkIdle(scope);
            Operand operand = new Interpreter(scope, pins, busyThreads).evaluate(expression.tree());
            result = operand.value();
            String type = operand.type() == null ? "null" : operand.type().name();
            return new EvaluationResult(result, type);
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            if (pins.releaseAllBut(result)) {
                retained.add((ObjectReference) result);
            }
        }
    }

    /** Evaluates a breakpoint condition, which must be a boolean or Boolean. */
    public boolean test(ParsedExpression condition, EvaluationScope scope) throws EvaluationException {
        ObjectPins pins = new ObjectPins();
        try {
            checkIdle(scope);
            Interpreter interpreter = new Interpreter(scope, pins, busyThreads);
            return interpreter.booleanOf(interpreter.evaluate(condition.tree()), "a breakpoint condition");
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            pins.releaseAllBut(null);
        }
    }

    /**
     * Evaluates an expression and converts it to text as string concatenation does
     * ({@code String.valueOf}), for logpoint messages.
     */
    public String evaluateToString(ParsedExpression expression, EvaluationScope scope) throws EvaluationException {
        ObjectPins pins = new ObjectPins();
        try {
            checkIdle(scope);
            Interpreter interpreter = new Interpreter(scope, pins, busyThreads);
            Operand operand = interpreter.evaluate(expression.tree());
            if (operand.type() != null && "void".equals(operand.type().name())) {
                return "";
            }
            return interpreter.strings().of(operand);
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            pins.releaseAllBut(null);
        }
    }

    /**
     * Completes when no invocation that timed out is still running on {@code thread} (at once
     * if none is). The target core can wait on it before resuming or re-evaluating.
     */
    public CompletableFuture<Void> whenIdle(ThreadReference thread) {
        PendingInvocation pending = busyThreads.get(thread);
        return pending == null ? CompletableFuture.completedFuture(null) : pending.done().handle((value, failure) -> null);
    }

    /** Unpins the objects earlier results returned; call when the debuggee resumes. */
    public void releaseResults() {
        for (ObjectReference object : retained) {
            ObjectPins.release(object);
        }
        retained.clear();
    }

    private void checkIdle(EvaluationScope scope) throws EvaluationException {
        PendingInvocation pending = busyThreads.get(scope.thread());
        if (pending != null) {
            // The thread runs the abandoned call, so it has no frames to evaluate in.
            throw new EvaluationException("cannot evaluate: " + pending.what() + " is still running on thread '"
                    + scope.thread().name() + "' after an earlier evaluation timed out");
        }
    }

    /** JDI reports a lost VM, a collected object or a stale frame with unchecked exceptions. */
    private static EvaluationException translate(RuntimeException e) {
        if (e instanceof VMDisconnectedException) {
            return new EvaluationException("the debuggee disconnected during evaluation", e);
        }
        if (e instanceof ObjectCollectedException) {
            return new EvaluationException("an object the expression uses was garbage-collected", e);
        }
        if (e instanceof InvalidStackFrameException) {
            return new EvaluationException("the frame is no longer valid: the thread was resumed", e);
        }
        if (e instanceof NativeMethodException) {
            return new EvaluationException("cannot evaluate in a native method's frame", e);
        }
        if (e instanceof VMCannotBeModifiedException) {
            return new EvaluationException("the debuggee cannot be modified (it is read-only)", e);
        }
        if (e instanceof InternalException) {
            return new EvaluationException("the debuggee reported an internal error (JDWP error "
                    + ((InternalException) e).errorCode() + ") during evaluation", e);
        }
        // A JDI misuse or a bug here: the session keeps going, the log keeps the details.
        LOG.warn("evaluation failed unexpectedly", e);
        return new EvaluationException("the evaluator failed on this expression: " + e, e);
    }
}
