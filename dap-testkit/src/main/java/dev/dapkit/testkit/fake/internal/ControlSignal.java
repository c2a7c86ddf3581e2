package dev.dapkit.testkit.fake.internal;

/**
 * Unwinds the interpreter's Java stack for something other than an error of the toy language, so
 * {@code try}/{@code except} cannot catch it: a {@code return}, the end of the program, or a
 * cancelled evaluation. Carries no Java stack trace.
 */
public final class ControlSignal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the stack unwinds. */
    public enum Kind {
        /** {@code return}; the value is the result. */
        RETURN,
        /** The program is ending ({@code exit()} or terminate); threads unwind quietly. */
        PROGRAM_END,
        /** The client cancelled the evaluation. */
        CANCELLED
    }

    private final Kind kind;
    private final transient Object value;

    ControlSignal(Kind kind, Object value) {
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.value = value;
    }

    /** A signal without a value. */
    public static ControlSignal of(Kind kind) {
        return new ControlSignal(kind, null);
    }

    public Kind kind() {
        return kind;
    }

    Object value() {
        return value;
    }
}
