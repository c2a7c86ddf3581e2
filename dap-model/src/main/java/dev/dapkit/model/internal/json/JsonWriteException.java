package dev.dapkit.model.internal.json;

/** Jackson could not write a value this codec handed to it; the cause says why. */
public final class JsonWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JsonWriteException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Jackson's reason. */
    public String reason() {
        return getMessage();
    }
}
