package dev.dapkit.server.internal;

import dev.dapkit.model.MessageRegistry;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.TargetException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverse requests: requests the server sends to the client ({@code runInTerminal},
 * {@code startDebugging}). Each gets the next outbound seq; the client's response is matched by
 * its {@code request_seq}. A request fails when the client refuses it, does not answer within the
 * timeout, or the connection closes; a response nobody waits for is logged and ignored.
 *
 * <p>Thread-safe. The target's futures complete on the session executor, never on the thread that
 * read the response or saw the connection close: that may be a reading thread shared with other
 * connections, and completing a future runs whatever the target chained on it.
 */
final class ClientRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRequests.class);

    private final MessageSequencer sequencer;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Executor completions;
    private final Map<Integer, Open> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Open(String command, Type bodyType, CompletableFuture<Object> result) {
    }

    /** @param completions where the target's futures complete */
    ClientRequests(MessageSequencer sequencer, ScheduledExecutorService scheduler, Duration timeout,
            Executor completions) {
        this.sequencer = sequencer;
        this.completions = completions;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /**
     * Sends {@code command} to the client.
     *
     * @return the response body bound to the registry's type for the command (null for none);
     *     fails with a {@link TargetException} ({@link EngineError#REVERSE_REQUEST_FAILED})
     */
    <T> CompletableFuture<T> send(String command, Object arguments) {
        Type bodyType = MessageRegistry.standard().command(command).map(b -> b.responseBodyType()).orElse(Void.class);
        CompletableFuture<Object> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(failure(command, "the connection to the client is closed"));
            return cast(result);
        }
        RawJson raw = RawJson.from(arguments);
        int[] seq = new int[1];
        CompletableFuture<Void> sent = sequencer.send(s -> {
            seq[0] = s;
            open.put(s, new Open(command, bodyType, result));
            return new Request(s, command, raw, Map.of());
        });
        ScheduledFuture<?> timer = scheduler.schedule(() -> timedOut(seq[0]), timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((ok, failure) -> timer.cancel(false));
        sent.whenComplete((ok, sendFailure) -> {
            if (sendFailure != null) {
                complete(seq[0], null, failure(command, "it could not be sent: " + sendFailure.getMessage()));
            }
        });
        if (closed) {
            closeAll();
        }
        return cast(result);
    }

    /** A response from the client; true when it answered one of our requests. */
    boolean onResponse(Response response) {
        Open request = open.get(response.requestSeq());
        if (request == null) {
            LOG.warn("ignoring a response to request_seq {} ('{}'): no reverse request with that seq is open",
                    response.requestSeq(), response.command());
            return false;
        }
        if (!response.success()) {
            complete(response.requestSeq(), null, failure(request.command(), "the client refused it: "
                    + (response.message() == null ? "no reason given" : response.message())));
            return true;
        }
        Object body;
        try {
            body = response.body() == null || request.bodyType() == Void.class ? null : response.body().bind(request.bodyType());
        } catch (IllegalArgumentException e) {
            complete(response.requestSeq(), null, failure(request.command(), "its response does not fit: " + e.getMessage()));
            return true;
        }
        complete(response.requestSeq(), body, null);
        return true;
    }

    /** The connection closed: every open request fails. */
    void closeAll() {
        closed = true;
        List<Integer> seqs = new ArrayList<>(open.keySet());
        for (int seq : seqs) {
            Open request = open.get(seq);
            if (request != null) {
                complete(seq, null, failure(request.command(), "the connection to the client closed before it answered"));
            }
        }
    }

    /** How many reverse requests wait for an answer; for tests. */
    int openCount() {
        return open.size();
    }

    private void timedOut(int seq) {
        Open request = open.get(seq);
        if (request != null) {
            complete(seq, null, failure(request.command(), "the client did not answer within " + timeout.toMillis() + " ms"));
        }
    }

    private void complete(int seq, Object body, TargetException failure) {
        Open request = open.remove(seq);
        if (request == null) {
            return;
        }
        Runnable completion = failure != null
                ? () -> request.result().completeExceptionally(failure)
                : () -> request.result().complete(body);
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            // the application shut the executor down under the session: complete here rather than never
            completion.run();
        }
    }

    private static TargetException failure(String command, String why) {
        return new TargetException(EngineError.REVERSE_REQUEST_FAILED.error("reverse request '" + command + "' failed: " + why));
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> cast(CompletableFuture<Object> f) {
        return (CompletableFuture<T>) (CompletableFuture<?>) f;
    }
}
