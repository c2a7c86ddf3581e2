package dev.dapkit.target.jvm.internal.eval;

/**
 * An expression could not be parsed or evaluated. The message is meant for the user as it
 * stands (it is shown in the debug console or as a watch's value): it says what went wrong
 * and, for syntax errors, at which column. Exceptions thrown by code that ran in the debuggee
 * are reported by their {@code toString()}, e.g. {@code java.lang.IllegalStateException: boom}.
 *
 * <p>Immutable; safe to pass between threads.
 */
public final class EvaluationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;

    /** An error that is not tied to a column of the source text. */
    public EvaluationException(String message) {
        super(message, null, false, false);
        this.column = -1;
    }

    /** An error whose cause is kept for logs; the message still stands on its own. */
    public EvaluationException(String message, Throwable cause) {
        super(message, cause, false, false);
        this.column = -1;
    }

    private EvaluationException(String message, int column) {
        super(message, null, false, false);
        this.column = column;
    }

    /** A syntax error at a 1-based column; the column is appended to the message. */
    static EvaluationException at(int column, String message) {
        return new EvaluationException(message + " at column " + column, column);
    }

    /** The 1-based column of a syntax error, or -1 when the error is not a syntax error. */
    public int column() {
        return column;
    }
}
