/**
 * dapkit's Java expression evaluator over JDI, for DAP {@code evaluate} (watch, repl, hover,
 * clipboard), breakpoint conditions, logpoints and {@code setExpression}.
 *
 * <p>What the target core uses:
 * <ul>
 *   <li>{@link dev.dapkit.target.jvm.internal.eval.Evaluator}: one per VM; {@code evaluate},
 *       {@code test} (conditions), {@code evaluateToString} (logpoints),
 *       {@code releaseResults} (on resume), {@code whenIdle} (after a timed-out call);</li>
 *   <li>{@link dev.dapkit.target.jvm.internal.eval.EvaluationScope}: the suspended thread,
 *       the frame index, the invoke timeout and whether code may run (false for hover);</li>
 *   <li>{@link dev.dapkit.target.jvm.internal.eval.ParsedExpression} and
 *       {@link dev.dapkit.target.jvm.internal.eval.LogMessageTemplate}: parse once when a
 *       breakpoint is set, evaluate on each hit;</li>
 *   <li>{@link dev.dapkit.target.jvm.internal.eval.EvaluationResult} and
 *       {@link dev.dapkit.target.jvm.internal.eval.ValueFormatter}: the value, its static
 *       type, and a one-line display;</li>
 *   <li>{@link dev.dapkit.target.jvm.internal.eval.EvaluationException}: the only failure,
 *       with a message meant for the user.</li>
 * </ul>
 *
 * <p>Inside: {@code Lexer} and {@code ExpressionParser} (with {@code TypeSyntax} and
 * {@code ObjectCreationSyntax}) build the {@code Expr} tree; {@code Interpreter} walks it with
 * {@code Names}, {@code TypeLookup}, {@code Operators}, {@code PrimitiveArithmetic},
 * {@code Conversions}, {@code Casts}, {@code MethodCalls}, {@code OverloadResolution},
 * {@code MethodInvoker}, {@code Assignments}, {@code ArrayCreation} and
 * {@code StringConversion}.
 */
package dev.dapkit.target.jvm.internal.eval;
