package dev.dapkit.server.spi;

import dev.dapkit.model.DapError;

/**
 * A request failed in a way the client should hear about: the engine answers it with an error
 * response carrying {@link #error()} (DAP's {@code body.error}) and, as the response's short
 * {@code message}, {@link #reason()} when given.
 */
public class TargetException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient DapError error;
    private final String reason;

    public TargetException(DapError error) {
        this(error, null, null);
    }

    public TargetException(DapError error, Throwable cause) {
        this(error, null, cause);
    }

    /**
     * @param reason a short machine-readable reason for the response's {@code message}, such as
     *     {@code notStopped}, or null to use the error's text
     */
    public TargetException(DapError error, String reason, Throwable cause) {
        super(error.formatted(), cause);
        this.error = error;
        this.reason = reason;
    }

    /** An error shown to the user, with the given id and text. */
    public static TargetException of(int id, String text) {
        return new TargetException(DapError.of(id, text));
    }

    /** The error for the response's {@code body.error}. */
    public DapError error() {
        return error;
    }

    /** The short reason for the response's {@code message}, or null. */
    public String reason() {
        return reason;
    }
}
