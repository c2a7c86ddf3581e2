package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dapkit.model.DapError;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The adapter's side of a test conversation, played by the test: it reads what the client sent,
 * one message at a time, and sends what the test tells it to, stamping its own {@code seq}.
 * Every wait is bounded ({@link #WAIT_SECONDS}); nothing sleeps.
 */
final class ScriptedAdapter implements AutoCloseable {

    static final int WAIT_SECONDS = 10;

    private final DapConnection connection;
    private final LinkedBlockingQueue<DapMessage> inbox = new LinkedBlockingQueue<>();
    private final List<DapMessage> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();

    ScriptedAdapter(DapConnection connection) {
        this.connection = connection;
        connection.start(message -> {
            received.add(message);
            inbox.add(message);
        });
    }

    /** The next message from the client. */
    DapMessage next() {
        try {
            DapMessage message = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "the client sent nothing within " + WAIT_SECONDS + " s");
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the client", e);
        }
    }

    /** The next message, which must be a request for {@code command}. */
    Request expectRequest(String command) {
        DapMessage message = next();
        Request request = assertInstanceOf(Request.class, message, () -> "expected a '" + command + "' request, got " + message);
        assertEquals(command, request.command(), () -> "expected a '" + command + "' request, got " + request);
        return request;
    }

    /** The next message, which must be a response. */
    Response expectResponse() {
        DapMessage message = next();
        return assertInstanceOf(Response.class, message, () -> "expected a response, got " + message);
    }

    void respond(Request request, Object body) {
        send(Response.success(request, body));
    }

    void fail(Request request, String message, DapError error) {
        send(Response.failure(request, message, error == null ? null : Map.of("error", error.toMessage())));
    }

    void event(String event, Object body) {
        send(Event.of(event, body));
    }

    /** Sends a reverse request and returns its {@code seq}. */
    int reverseRequest(String command, Object arguments) {
        return send(Request.of(command, arguments));
    }

    /** Sends {@code message} with the adapter's next {@code seq}; returns that seq. */
    int send(DapMessage message) {
        int next = seq.incrementAndGet();
        connection.send(message.withSeq(next)).join();
        return next;
    }

    /** Everything the client sent so far, in order. */
    List<DapMessage> received() {
        return List.copyOf(received);
    }

    DapConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
    }
}
