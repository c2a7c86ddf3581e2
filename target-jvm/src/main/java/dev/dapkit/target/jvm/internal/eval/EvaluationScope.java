package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import java.time.Duration;

/**
 * Where an expression is evaluated: a suspended thread and one of its frames, plus the rules
 * for this evaluation. The target core builds one per request (usually with
 * {@link #of(ThreadReference, int, Duration, boolean)}).
 *
 * <p>Threading: the evaluator calls these methods on the thread that called
 * {@link Evaluator#evaluate(ParsedExpression, EvaluationScope)} (the session thread), while
 * {@link #thread()} is suspended. A method invocation resumes the thread for a moment, which
 * invalidates every {@link StackFrame} JDI handed out before: that is why {@link #frame()}
 * must return a fresh frame on each call (JDI caches frames until the next resume, so
 * re-fetching by index is cheap).
 */
public interface EvaluationScope {

    /** The suspended thread the expression runs on. */
    ThreadReference thread();

    /** The frame whose locals and {@code this} the expression sees, fetched anew on each call. */
    StackFrame frame() throws EvaluationException;

    /** How long one method invocation in the debuggee may take before evaluation gives up. */
    Duration invokeTimeout();

    /**
     * Whether the expression may run code in the debuggee or change it (method calls,
     * {@code new}, assignments, {@code ++}, boxing). False for hover, which must not run code.
     */
    boolean allowsSideEffects();

    default VirtualMachine vm() {
        return thread().virtualMachine();
    }

    /** A scope for frame {@code frameIndex} (0 = top) of a suspended thread. */
    static EvaluationScope of(ThreadReference thread, int frameIndex, Duration invokeTimeout,
            boolean allowsSideEffects) {
        return new FrameScope(thread, frameIndex, invokeTimeout, allowsSideEffects);
    }

    /** The plain scope: frame {@code frameIndex} of {@code thread}, re-fetched on each call. */
    record FrameScope(ThreadReference thread, int frameIndex, Duration invokeTimeout,
            boolean allowsSideEffects) implements EvaluationScope {

        @Override
        public StackFrame frame() throws EvaluationException {
            try {
                return thread.frame(frameIndex);
            } catch (IncompatibleThreadStateException e) {
                throw new EvaluationException("cannot evaluate: thread '" + thread.name() + "' is not suspended", e);
            } catch (IndexOutOfBoundsException e) {
                throw new EvaluationException("cannot evaluate: thread '" + thread.name()
                        + "' no longer has a frame " + frameIndex, e);
            }
        }
    }
}
