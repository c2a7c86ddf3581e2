package dev.dapkit.target.jvm.internal.eval;

import java.util.List;

/**
 * The syntax tree of a Java expression. Names are not resolved by the parser: {@code a.b.c}
 * is a chain of {@link FieldAccess} on a {@link Name}, and the interpreter decides whether
 * each part is a variable, a type or a package (JLS 6.5.2). Every node carries the 1-based
 * column where it starts, for messages.
 *
 * <p>Immutable; safe to share between threads and to evaluate many times (a breakpoint
 * condition is parsed once).
 */
sealed interface Expr {

    int column();

    /** A literal; {@code value} is an Integer, Long, Float, Double, Character, Boolean, String, or null. */
    record Literal(Object value, int column) implements Expr {}

    /** A simple name: a local variable, a field, a type or the first part of a package name. */
    record Name(String identifier, int column) implements Expr {}

    record This(int column) implements Expr {}

    /** {@code target.name}: a field, an array's {@code length}, or a further part of a qualified name. */
    record FieldAccess(Expr target, String name, int column) implements Expr {}

    record ArrayAccess(Expr array, Expr index, int column) implements Expr {}

    /** {@code name(args)} when {@code target} is null, else {@code target.name(args)}. */
    record MethodCall(Expr target, String name, List<Expr> arguments, int column) implements Expr {}

    record NewObject(TypeName type, List<Expr> arguments, int column) implements Expr {}

    /**
     * {@code new int[2][3][]} has type {@code int[][][]} and dimensions {@code [2, 3]};
     * {@code new int[][]{{1}}} has no dimensions and an initializer.
     */
    record NewArray(TypeName type, List<Expr> dimensions, ArrayInitializer initializer, int column)
            implements Expr {}

    /** {@code {a, b, c}}; only valid after {@code new T[]} or nested in another initializer. */
    record ArrayInitializer(List<Expr> elements, int column) implements Expr {}

    record Unary(UnaryOperator operator, Expr operand, int column) implements Expr {}

    record Binary(BinaryOperator operator, Expr left, Expr right, int column) implements Expr {}

    record InstanceOf(Expr operand, TypeName type, int column) implements Expr {}

    record Cast(TypeName type, Expr operand, int column) implements Expr {}

    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, int column) implements Expr {}

    /** {@code target = value} when {@code operator} is null, else {@code target op= value}. */
    record Assignment(BinaryOperator operator, Expr target, Expr value, int column) implements Expr {}

    record ClassLiteral(TypeName type, int column) implements Expr {}

    enum UnaryOperator {
        PLUS("+"), MINUS("-"), NOT("!"), COMPLEMENT("~"),
        PRE_INCREMENT("++"), PRE_DECREMENT("--"), POST_INCREMENT("++"), POST_DECREMENT("--");

        final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    enum BinaryOperator {
        MULTIPLY("*"), DIVIDE("/"), REMAINDER("%"), ADD("+"), SUBTRACT("-"),
        SHIFT_LEFT("<<"), SHIFT_RIGHT(">>"), UNSIGNED_SHIFT_RIGHT(">>>"),
        LESS("<"), GREATER(">"), LESS_EQUAL("<="), GREATER_EQUAL(">="),
        EQUAL("=="), NOT_EQUAL("!="), AND("&"), XOR("^"), OR("|"),
        CONDITIONAL_AND("&&"), CONDITIONAL_OR("||");

        final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }
}
