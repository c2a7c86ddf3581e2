package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.Value;

/**
 * The outcome of an evaluation. Immutable; the JDI value inside is only meaningful while the
 * debuggee stays suspended (see {@link Evaluator#releaseResults()}).
 *
 * @param value the JDI value; null for Java {@code null} and for a {@code void} method call
 * @param staticTypeName the compile-time type as Java would see it ({@code int},
 *     {@code java.lang.Object}, {@code null}, {@code void}); the runtime type is
 *     {@code value.type()}
 */
public record EvaluationResult(Value value, String staticTypeName) {

    /** True when the expression was a call of a {@code void} method. */
    public boolean isVoid() {
        return "void".equals(staticTypeName);
    }
}
