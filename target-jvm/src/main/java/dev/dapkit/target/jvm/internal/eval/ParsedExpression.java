package dev.dapkit.target.jvm.internal.eval;

/**
 * A Java expression parsed once, to be evaluated many times (a breakpoint condition, a
 * logpoint's embedded expressions, a watch). Parsing needs no debuggee, so syntax errors
 * can be reported when a breakpoint is set, not when it is hit.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class ParsedExpression {

    private final String source;
    private final Expr tree;

    private ParsedExpression(String source, Expr tree) {
        this.source = source;
        this.tree = tree;
    }

    /** Parses {@code source}, or fails with a message such as "unexpected ')' at column 7". */
    public static ParsedExpression parse(String source) throws EvaluationException {
        return new ParsedExpression(source, ExpressionParser.parse(source));
    }

    /** {@code target = value}, as DAP {@code setExpression} and {@code setVariable} need. */
    public static ParsedExpression assignment(String target, String value) throws EvaluationException {
        Expr left = ExpressionParser.parse(target);
        if (!(left instanceof Expr.Name || left instanceof Expr.FieldAccess || left instanceof Expr.ArrayAccess)) {
            throw new EvaluationException("cannot assign to " + target + ": it is not a variable, field or array element");
        }
        Expr right = ExpressionParser.parse(value);
        return new ParsedExpression(target + " = " + value, new Expr.Assignment(null, left, right, left.column()));
    }

    public String source() {
        return source;
    }

    Expr tree() {
        return tree;
    }

    @Override
    public String toString() {
        return source;
    }
}
