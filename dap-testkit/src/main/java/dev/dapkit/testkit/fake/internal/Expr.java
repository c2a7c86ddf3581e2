package dev.dapkit.testkit.fake.internal;

import java.util.List;

/** An expression of the toy language, as parsed; {@link Interpreter} gives it a value. */
public sealed interface Expr {

    /** An integer, a string, {@code True}, {@code False} or {@code None} (null). */
    record Literal(Object value) implements Expr {
    }

    /** A variable, function or builtin. */
    record Name(String name) implements Expr {
    }

    /** {@code target.name}: a field of an object. */
    record Field(Expr target, String name) implements Expr {
    }

    /** {@code target[index]}: an element of a list or string, or a map entry. */
    record Index(Expr target, Expr index) implements Expr {
    }

    /** {@code function(arguments)}: a call of a function of the program or a builtin. */
    record Call(String function, List<Expr> arguments) implements Expr {
    }

    /** {@code -operand} or {@code not operand}. */
    record Unary(String operator, Expr operand) implements Expr {
    }

    /** Arithmetic, comparison, {@code and}, {@code or}. */
    record Binary(String operator, Expr left, Expr right) implements Expr {
    }

    /** {@code [a, b]}. */
    record ListLiteral(List<Expr> items) implements Expr {
    }

    /** {@code {key: value, ...}}. */
    record MapLiteral(List<Expr> keys, List<Expr> values) implements Expr {
    }

    /** {@code Type{field: value, ...}}: an object of a type the literal names. */
    record ObjectLiteral(String type, List<String> fields, List<Expr> values) implements Expr {
    }
}
