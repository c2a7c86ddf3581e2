package dev.dapkit.target.jvm.internal;

import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.target.jvm.internal.eval.EvaluationException;
import dev.dapkit.target.jvm.internal.eval.EvaluationResult;
import dev.dapkit.target.jvm.internal.eval.EvaluationScope;
import dev.dapkit.target.jvm.internal.eval.Evaluator;
import dev.dapkit.target.jvm.internal.eval.ParsedExpression;
import java.util.Map;

/**
 * Connects the expression evaluator (package {@code eval}) to the target: evaluates in a
 * {@link JvmFrame} (or, without one, in the top frame of a suspended thread), shows results as
 * {@link ValueView} shows variables, so objects expand like variables do, and answers failures with
 * {@link JvmErrors}. Conditions come back as {@code true}/{@code false} and logpoint parts as
 * {@code String.valueOf} text, which is what the engine reads from them. Results are kept from
 * garbage collection until the debuggee resumes ({@link #releaseResults()}).
 *
 * <p>Threading: called on the session's request thread, one request at a time, while the frame's
 * thread is suspended; {@link #releaseResults()} may be called from whichever thread resumes.
 */
final class ExpressionEvaluation {

    private final Evaluator evaluator = new Evaluator();
    private final JvmSession session;

    ExpressionEvaluation(JvmSession session) {
        this.session = session;
    }

    TargetVariable evaluate(JvmFrame frame, String expression, EvaluationContext context) throws TargetException {
        ThreadReference thread = frame == null ? anySuspendedThread(expression) : frame.thread();
        int depth = frame == null ? 0 : frame.depth();
        boolean sideEffects = context != EvaluationContext.HOVER;
        EvaluationScope scope = EvaluationScope.of(thread, depth, MethodInvoker.TIMEOUT, sideEffects);
        session.execution.invoking(thread, true);
        try {
            ParsedExpression parsed = ParsedExpression.parse(expression);
            switch (context) {
                case BREAKPOINT_CONDITION:
                    return TargetVariable.leaf("", String.valueOf(evaluator.test(parsed, scope)), "boolean");
                case LOG_MESSAGE:
                    return TargetVariable.leaf("", evaluator.evaluateToString(parsed, scope), "String");
                default:
                    EvaluationResult result = evaluator.evaluate(parsed, scope);
                    if (result.isVoid()) {
                        return TargetVariable.leaf("", "", "void");
                    }
                    return session.view.variable("", result.value(), expression, thread);
            }
        } catch (EvaluationException e) {
            throw failed(expression, e);
        } finally {
            session.execution.invoking(thread, false);
        }
    }

    /** Assigns {@code value} to {@code expression} as Java's {@code expression = value} would. */
    TargetVariable assign(JvmFrame frame, String expression, String value) throws TargetException {
        TargetVariable assigned = evaluate(frame, expression + " = " + value, EvaluationContext.REPL);
        return assigned.withEvaluateName(expression);
    }

    /** Unpins the objects results returned; called when the debuggee resumes. */
    void releaseResults() {
        try {
            evaluator.releaseResults();
        } catch (VMDisconnectedException e) {
            // the JVM is gone, and its objects with it
        }
    }

    private ThreadReference anySuspendedThread(String expression) throws TargetException {
        for (Map.Entry<Integer, ThreadReference> entry : session.threads.all()) {
            ThreadReference thread = entry.getValue();
            try {
                if (thread.isSuspended() && thread.frameCount() > 0) {
                    return thread;
                }
            } catch (IncompatibleThreadStateException e) {
                // it ran on meanwhile: try the next one
            }
        }
        throw JvmErrors.evaluationFailed(expression, "there is no frame to evaluate in: no thread of the JVM is"
                + " suspended with frames (stop at a breakpoint or pause first)");
    }

    private static TargetException failed(String expression, EvaluationException e) {
        return JvmErrors.evaluationFailed(expression, e.getMessage());
    }
}
