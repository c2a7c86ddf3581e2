package dev.dapkit.client.internal;

import dev.dapkit.client.DapClientException;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Response;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A request that has been sent and waits for its response: the caller's future, the type its
 * response body binds to, and the timeout that gives up on it.
 *
 * <p>The future handed to the caller is this very future (not a dependent stage), so that the
 * caller cancelling it is seen here and turned into a DAP {@code cancel}. It is a
 * {@link ClientFuture}: completed on the reading thread, its stages run on the client's executor.
 */
final class OpenRequest<T> {

    private static final Runnable NOTHING = () -> { };

    private final String command;
    private final Type bodyType;
    private final Duration timeout;
    private final ClientFuture<T> future;
    private volatile int seq;
    private volatile Runnable cancelTimeout = NOTHING;

    /** @param executor where the future's stages run */
    OpenRequest(String command, Type bodyType, Duration timeout, Executor executor) {
        this.future = new ClientFuture<>(executor);
        this.command = command;
        this.bodyType = bodyType;
        this.timeout = timeout;
    }

    String command() {
        return command;
    }

    Duration timeout() {
        return timeout;
    }

    ClientFuture<T> future() {
        return future;
    }

    int seq() {
        return seq;
    }

    void stamped(int seq) {
        this.seq = seq;
    }

    void timeoutScheduled(Runnable cancel) {
        this.cancelTimeout = cancel;
    }

    /**
     * What the body of a successful response to this request, a {@code responseCommand} response,
     * may be bound to while the response is read: the body's class, or null when the body is wanted
     * as nothing, raw or as a generic type, or the response is for another command.
     */
    Type bodyClassFor(String responseCommand) {
        if (bodyType instanceof Class<?> type && type != Void.class && type != RawJson.class
                && command.equals(responseCommand)) {
            return type;
        }
        return null;
    }

    /** {@code 'stackTrace' request (seq 7)}, for messages. */
    String describe() {
        return "'" + command + "' request (seq " + seq + ")";
    }

    /** Completes the future from the response: its bound body, or the error it reports. */
    void complete(Response response) {
        cancelTimeout.run();
        if (!response.success()) {
            future.completeExceptionally(ErrorResponses.exceptionOf(response));
            return;
        }
        T body;
        try {
            body = bindBody(response.body());
        } catch (IllegalArgumentException e) {
            future.completeExceptionally(new DapClientException("the response to the " + describe()
                    + " has a body that does not fit " + bodyType.getTypeName() + ": " + e.getMessage(), e));
            return;
        }
        future.complete(body);
    }

    void fail(Throwable failure) {
        cancelTimeout.run();
        future.completeExceptionally(failure);
    }

    @SuppressWarnings("unchecked")
    private T bindBody(RawJson body) {
        if (bodyType == Void.class || body == null || body.isNull()) {
            return null;
        }
        if (bodyType == RawJson.class) {
            return (T) body;
        }
        return body.bind(bodyType);
    }
}
