package dev.dapkit.model;

/**
 * A frame arrived whole but its content is not a DAP message: invalid UTF-8, not JSON, not a
 * JSON object, or an envelope field missing or of the wrong type.
 */
public class MalformedMessageException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
