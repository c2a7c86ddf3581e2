package dev.dapkit.testkit.fake;

/** A fake program could not be loaded: a file is missing or has a syntax error. The message says which and where. */
public final class FakeProgramException extends Exception {

    private static final long serialVersionUID = 1L;

    FakeProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
