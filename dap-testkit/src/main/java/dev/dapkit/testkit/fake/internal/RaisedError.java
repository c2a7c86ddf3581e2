package dev.dapkit.testkit.fake.internal;

import java.util.List;

/**
 * An error raised in the toy language, by {@code raise value} or by a failing operation (a missing
 * name, division by zero, ...). {@code try}/{@code except} catches it. It records where it was
 * raised and the stack at that moment, the first time a statement sees it go by.
 */
public final class RaisedError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object value;
    private String traceback;
    private boolean announced;

    public RaisedError(Object value) {
        super(ValueText.str(value), null, false, false);
        this.value = value;
    }

    /** The raised value; for a failing operation, the message string. */
    public Object value() {
        return value;
    }

    /** The message and the stack where it was raised, innermost call first; null before it was raised. */
    public String traceback() {
        return traceback;
    }

    /**
     * Records the stack where the error was raised; returns whether this is the first time, i.e.
     * whether debuggers should hear about it now.
     */
    boolean announce(List<Frame> stack) {
        if (announced) {
            return false;
        }
        announced = true;
        StringBuilder text = new StringBuilder("error: ").append(getMessage());
        for (int i = stack.size() - 1; i >= 0; i--) {
            Frame f = stack.get(i);
            text.append("\n  at ").append(f.function()).append(" (").append(f.file().path()).append(':')
                    .append(f.line()).append(')');
        }
        traceback = text.toString();
        return true;
    }
}
