package dev.dapkit.testkit.fake.internal;

/** A program could not be loaded: a file is missing or has a syntax error. The message says which and where. */
public final class LoadException extends Exception {

    private static final long serialVersionUID = 1L;

    LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
