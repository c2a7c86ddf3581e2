package dev.dapkit.server.internal;

import dev.dapkit.model.DapError;
import dev.dapkit.server.EngineError;

/**
 * The engine refuses a request: missing capability, bad arguments, stale handle, wrong phase. It
 * carries the DAP error the client gets; {@link ErrorMapper} turns it into the response.
 */
final class RequestFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DapError error;
    private final String reason;

    RequestFailure(DapError error, String reason) {
        super(error.formatted(), null, false, false);
        this.error = error;
        this.reason = reason;
    }

    /** A failure with an engine error id and text. */
    static RequestFailure of(EngineError kind, String text) {
        return new RequestFailure(kind.error(text), null);
    }

    /** The client did not ask for it, but the target cannot serve {@code command}. */
    static RequestFailure notSupported(String command, String targetId) {
        return of(EngineError.NOT_SUPPORTED, "'" + command + "' is not supported by target '" + targetId + "'");
    }

    DapError error() {
        return error;
    }

    /** The short reason for the response's {@code message}, or null to use the text. */
    String reason() {
        return reason;
    }
}
