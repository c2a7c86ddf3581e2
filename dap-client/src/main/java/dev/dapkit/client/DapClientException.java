package dev.dapkit.client;

/**
 * Something went wrong between a {@link DapClient} and its debug adapter. Futures returned by
 * the client fail with a subclass: {@link DapErrorException} (the adapter answered with an
 * error), {@link DapTimeoutException} (no answer in time) or {@link ConnectionLostException}
 * (the connection ended first); {@link ScriptedSession} throws them from its blocking calls.
 *
 * <p>Unchecked, as grpc's {@code StatusRuntimeException} is: a request future fails with it,
 * and a caller who waits with {@code join()} sees it as the cause of a
 * {@link java.util.concurrent.CompletionException}.
 */
public class DapClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DapClientException(String message) {
        super(message);
    }

    public DapClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
