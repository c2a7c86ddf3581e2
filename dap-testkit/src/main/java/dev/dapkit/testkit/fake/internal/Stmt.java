package dev.dapkit.testkit.fake.internal;

import java.util.List;

/** A statement of the toy language; the debuggee can stop before each one. */
public sealed interface Stmt {

    /** Where the statement starts. */
    At at();

    /**
     * A statement's place.
     *
     * @param line the 1-based line
     * @param column the 1-based column
     * @param firstOnLine whether it is the first statement of its line (line stepping stops only there)
     */
    record At(int line, int column, boolean firstOnLine) {
    }

    /** {@code target = value}; the target is a name, a field or an index. */
    record Assign(At at, Expr target, Expr value) implements Stmt {
    }

    /** An expression evaluated for its effect, typically a call. */
    record Evaluate(At at, Expr expression) implements Stmt {
    }

    /** {@code if condition:} with an optional {@code else:} block. */
    record If(At at, Expr condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
    }

    /** {@code for variable in iterable:}; the header is a stop point before every pass. */
    record For(At at, String variable, Expr iterable, List<Stmt> body) implements Stmt {
    }

    /** {@code try:} then {@code except [name]:}. */
    record Try(At at, List<Stmt> body, String errorName, List<Stmt> handler) implements Stmt {
    }

    /** {@code return [value]}. */
    record Return(At at, Expr value) implements Stmt {
    }

    /** {@code raise value}. */
    record Raise(At at, Expr value) implements Stmt {
    }

    /** {@code spawn f(args)}: runs the call on a new thread. */
    record Spawn(At at, Expr.Call call) implements Stmt {
    }

    /** {@code import name}: runs {@code name.fake} from the same folder, once. */
    record Import(At at, String module) implements Stmt {
    }

    /** {@code pass}. */
    record Pass(At at) implements Stmt {
    }
}
