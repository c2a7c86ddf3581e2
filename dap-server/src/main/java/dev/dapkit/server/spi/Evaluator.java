package dev.dapkit.server.spi;

/**
 * Optional: evaluates expressions. Serves {@code evaluate} (watch, repl, hover, clipboard) and lets
 * the engine test breakpoint conditions and fill in logpoint messages for the target.
 */
public interface Evaluator {

    /**
     * Evaluates an expression.
     *
     * @param frame the frame to evaluate in, or null for the global context
     * @param expression the expression, in the debuggee's language
     * @param context why the client asks; a target may, for example, refuse side effects on hover
     * @return the result; its variable's {@code name} is ignored
     */
    TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext context) throws TargetException;
}
