package dev.dapkit.samples.cli;

/**
 * A command could not do its job for a reason the user can act on (a port in use, a debuggee
 * that did not stop where the demo expected). {@link DapkitCommand} prints the message as one
 * line on standard error and exits with {@link #exitCode()}; the stack trace only with
 * {@code --verbose}.
 */
final class CommandFailure extends RuntimeException {

    /** The exit code of a command that ran and failed (picocli uses 2 for bad usage). */
    static final int FAILED = 1;

    private final int exitCode;

    CommandFailure(String message, Throwable cause) {
        this(message, cause, FAILED);
    }

    CommandFailure(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
