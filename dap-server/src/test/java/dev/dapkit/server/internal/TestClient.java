package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A DAP client for tests: sends requests with its own seq numbers, records everything the server
 * sends, and waits (with a timeout, never by sleeping) for responses, events and reverse requests.
 */
public final class TestClient {

    public static final long TIMEOUT_MILLIS = 10_000;

    private final DapConnection connection;
    private final List<DapMessage> received = new ArrayList<>();
    private final Set<Integer> consumed = new HashSet<>();
    private int nextSeq = 1;
    private boolean closed;

    public TestClient(DapConnection connection) {
        this.connection = connection;
        connection.closeFuture().whenComplete((ok, failure) -> {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        });
        connection.start(this::receive);
    }

    /** JSON text with single quotes for readability: {@code json("{'threadId': 1}")}. */
    public static RawJson json(String text) {
        return RawJson.parse(text.replace('\'', '"'));
    }

    /** Sends a request; returns its seq. */
    public synchronized int send(String command, Object arguments) {
        int seq = nextSeq++;
        connection.send(new Request(seq, command, RawJson.from(arguments), Map.of()));
        return seq;
    }

    /** Sends a request and waits for its response. */
    public Response request(String command, Object arguments) {
        return response(send(command, arguments));
    }

    /** Sends a request and waits for a successful response. */
    public Response ok(String command, Object arguments) {
        Response r = request(command, arguments);
        assertTrue(r.success(), () -> "'" + command + "' failed: " + r.message() + " " + r.body());
        return r;
    }

    /** Sends a response to a reverse request. */
    public synchronized void respond(Request request, boolean success, String message, Object body) {
        int seq = nextSeq++;
        connection.send(new Response(seq, request.seq(), success, request.command(), message, RawJson.from(body), Map.of()));
    }

    /** Waits for the response to {@code seq}. */
    public Response response(int seq) {
        return (Response) await("response to seq " + seq, m -> m instanceof Response r && r.requestSeq() == seq);
    }

    /** Waits for the next event named {@code name} not awaited before. */
    public Event event(String name) {
        return (Event) await("event '" + name + "'", m -> m instanceof Event e && e.event().equals(name));
    }

    /** Waits for the next event named {@code name} whose body matches. */
    public Event event(String name, Predicate<JsonNode> body) {
        return (Event) await("event '" + name + "' matching", m -> m instanceof Event e && e.event().equals(name)
                && e.body() != null && body.test(e.body().tree()));
    }

    /** Waits for the next reverse request {@code command}. */
    public Request reverseRequest(String command) {
        return (Request) await("reverse request '" + command + "'", m -> m instanceof Request r && r.command().equals(command));
    }

    /** Everything received so far, in arrival order. */
    public synchronized List<DapMessage> received() {
        return List.copyOf(received);
    }

    /** Whether an event named {@code name} has arrived (awaited or not). */
    public synchronized boolean hasEvent(String name) {
        return received.stream().anyMatch(m -> m instanceof Event e && e.event().equals(name));
    }

    /** Events named {@code name} received so far. */
    public synchronized List<Event> events(String name) {
        return received.stream().filter(m -> m instanceof Event e && e.event().equals(name)).map(m -> (Event) m).toList();
    }

    /** Waits until the server closes the connection. */
    public synchronized void awaitClosed() {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                fail("the server did not close the connection within " + TIMEOUT_MILLIS + " ms; received " + received);
            }
            waitQuietly(left);
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public void close() {
        connection.close();
    }

    /** Performs initialize and checks that 'initialized' follows the response. */
    public Response initialize(Object arguments) {
        Response r = ok("initialize", arguments == null ? json("{'adapterID': 'test'}") : arguments);
        event("initialized");
        return r;
    }

    /** initialize, launch (or attach), configurationDone; returns the launch response. */
    public Response start(String command, Object arguments) {
        initialize(null);
        int launch = send(command, arguments == null ? json("{}") : arguments);
        ok("configurationDone", null);
        Response r = response(launch);
        assertTrue(r.success(), () -> command + " failed: " + r.message());
        return r;
    }

    /** The body of a response or event as a tree. */
    public static JsonNode body(DapMessage message) {
        RawJson body = message instanceof Response r ? r.body() : ((Event) message).body();
        assertNotNull(body, () -> "no body in " + message);
        return body.tree();
    }

    /** The DAP error id of a failed response. */
    public static int errorId(Response response) {
        assertFalse(response.success(), () -> "expected a failure: " + response);
        return body(response).path("error").path("id").asInt();
    }

    /** The error text of a failed response. */
    public static String errorText(Response response) {
        assertFalse(response.success(), () -> "expected a failure: " + response);
        return body(response).path("error").path("format").asText();
    }

    public static void assertError(int expectedId, Response response) {
        assertEquals(expectedId, errorId(response), () -> "error was: " + errorText(response));
    }

    private synchronized void receive(DapMessage message) {
        received.add(message);
        notifyAll();
    }

    private synchronized DapMessage await(String what, Predicate<DapMessage> wanted) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            for (int i = 0; i < received.size(); i++) {
                if (!consumed.contains(i) && wanted.test(received.get(i))) {
                    consumed.add(i);
                    return received.get(i);
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || closed) {
                fail("no " + what + (closed ? " before the connection closed" : " within " + TIMEOUT_MILLIS + " ms")
                        + "; received " + received);
            }
            waitQuietly(left);
        }
    }

    private void waitQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.timedWait(this, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting");
        }
    }
}
