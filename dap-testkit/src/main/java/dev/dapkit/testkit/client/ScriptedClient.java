package dev.dapkit.testkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.DapError;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.EventBinding;
import dev.dapkit.model.MessageRegistry;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.testkit.DapSchemaValidator;
import dev.dapkit.testkit.SchemaValidationResult;
import dev.dapkit.testkit.SchemaViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.debug.Message;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;

/**
 * A small DAP client that a conformance test scripts: it sends requests and waits for their
 * responses, waits for events, and answers the adapter's reverse requests. It is a test peer, not
 * the product client ({@code dap-client}): every failure is an {@link AssertionError} that shows
 * the recent wire traffic, every message in and out is checked against the DAP schema
 * ({@link #assertNoSchemaViolations()}), and the whole conversation is kept ({@link #wireLog()}).
 *
 * <p>Requests are stamped with {@code seq} from 1 in the order they are written. Events are kept
 * in a history: {@link #awaitEvent} sees events that arrived before it was called, and hands each
 * event to one await only. A reverse request without a handler gets an error response saying this
 * client does not support it.
 *
 * <p>Thread-safe. Waits use futures and conditions with timeouts, never sleeps. Reverse-request
 * handlers run on the connection's delivery thread.
 */
public final class ScriptedClient implements AutoCloseable {

    /** How many of the latest messages a failure message shows. */
    private static final int RECENT = 25;

    private final DapConnection connection;
    private final MessageRegistry registry;
    private final DapSchemaValidator validator = DapSchemaValidator.standard();
    private final EventHistory events = new EventHistory();
    private final Map<Integer, Open> pending = new ConcurrentHashMap<>();
    private final Map<String, ReverseRequestHandler> handlers = new ConcurrentHashMap<>();
    private final List<WireMessage> wire = new ArrayList<>();
    private final List<SchemaViolation> violations = new ArrayList<>();
    private final List<String> protocolErrors = new ArrayList<>();
    private final Object sendLock = new Object();
    private int nextSeq = 1;

    /** A request waiting for its response. */
    private record Open(String command, CompletableFuture<Response> answer) {
    }

    private ScriptedClient(DapConnection connection, MessageRegistry registry) {
        this.connection = connection;
        this.registry = registry;
    }

    /** A client on {@code connection}, which it starts; events bind through the standard registry. */
    public static ScriptedClient start(DapConnection connection) {
        return start(connection, MessageRegistry.standard());
    }

    /** A client on {@code connection}, which it starts; {@code registry} binds event bodies (custom events too). */
    public static ScriptedClient start(DapConnection connection, MessageRegistry registry) {
        ScriptedClient client = new ScriptedClient(Objects.requireNonNull(connection, "connection"),
                Objects.requireNonNull(registry, "registry"));
        connection.closeFuture().whenComplete((ok, failure) -> client.closed(failure));
        connection.start(client::receive);
        return client;
    }

    /** Answers reverse requests {@code command} with {@code handler}, replacing any earlier one; returns this client. */
    public ScriptedClient onRequest(String command, ReverseRequestHandler handler) {
        handlers.put(Objects.requireNonNull(command, "command"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Answers {@code runInTerminal} with {@code handler}; returns this client. */
    public ScriptedClient onRunInTerminal(Function<RunInTerminalRequestArguments, RunInTerminalResponse> handler) {
        return onRequest("runInTerminal", r -> handler.apply(r.arguments(RunInTerminalRequestArguments.class)));
    }

    /**
     * Sends a request.
     *
     * @param arguments an LSP4J arguments object, a map, {@link RawJson}, or null for none
     * @return the response, successful or not; fails with {@link ConnectionClosedException} when
     *     the connection closes first
     */
    public CompletableFuture<Response> send(String command, Object arguments) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        synchronized (sendLock) {
            int seq = nextSeq;
            pending.put(seq, new Open(command, answer));
            write(Request.of(command, arguments)).whenComplete((ok, failure) -> {
                if (failure != null && pending.remove(seq) != null) {
                    answer.completeExceptionally(failure);
                }
            });
        }
        return answer;
    }

    /**
     * Sends a request and waits for its successful response.
     *
     * @param bodyType the type to bind the response body to; {@code Void.class} for none
     * @return the bound body, or null when the response has none
     * @throws AssertionError when no response comes in time or the request fails, with the
     *     error response's text
     */
    public <T> T request(String command, Object arguments, Class<T> bodyType, Duration timeout) {
        Response response = response(command, send(command, arguments), timeout);
        if (!response.success()) {
            throw failure("request '" + command + "' failed: " + errorText(response), null);
        }
        return bodyType == Void.class || response.body() == null ? null : response.body(bodyType);
    }

    /** Sends a request and waits for its response, successful or not. @throws AssertionError when none comes in time */
    public Response requestResponse(String command, Object arguments, Duration timeout) {
        return response(command, send(command, arguments), timeout);
    }

    private Response response(String command, CompletableFuture<Response> future, Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw failure("no response to '" + command + "' within " + timeout, null);
        } catch (ExecutionException e) {
            throw failure("no response to '" + command + "': " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for the response to '" + command + "'", e);
        }
    }

    /**
     * Waits for an event named {@code event} that {@code matches}: the first such event not yet
     * taken by another await, whether it arrived before this call or arrives within {@code timeout}.
     * {@code matches} must be quick and must not call this client.
     *
     * @throws AssertionError when none comes in time or the connection closes first
     */
    public Event awaitEvent(String event, Predicate<Event> matches, Duration timeout) {
        return events.take(e -> e.event().equals(event) && matches.test(e), timeout,
                () -> recent("no '" + event + "' event that matches"));
    }

    /**
     * Waits for the first event not yet taken, of any name, that {@code matches}: e.g. a
     * {@code stopped} or an {@code exited}, whichever comes first. See
     * {@link #awaitEvent(String, Predicate, Duration)}.
     *
     * @throws AssertionError when none comes in time or the connection closes first
     */
    public Event awaitEvent(Predicate<Event> matches, Duration timeout) {
        return events.take(matches, timeout, () -> recent("no event that matches"));
    }

    /**
     * Waits for an event whose body binds to {@code bodyType} (e.g. {@code StoppedEventArguments}
     * for {@code stopped}) and {@code matches}; see {@link #awaitEvent(String, Predicate, Duration)}.
     *
     * @return the event's bound body (null for an event without one)
     * @throws IllegalArgumentException when no event of the registry has that body type
     */
    public <T> T awaitEvent(Class<T> bodyType, Predicate<T> matches, Duration timeout) {
        Set<String> names = registry.events().stream().filter(b -> b.bodyType().equals(bodyType))
                .map(EventBinding::event).collect(Collectors.toSet());
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no event of the registry has a body of " + bodyType.getName());
        }
        Event event = events.take(e -> names.contains(e.event()) && matches.test(e.body(bodyType)), timeout,
                () -> recent("no " + names + " event that matches"));
        return event.body(bodyType);
    }

    /** Every event received so far, in order. */
    public List<Event> events() {
        return events.all();
    }

    /** Every message sent and received so far, in order. */
    public List<WireMessage> wireLog() {
        synchronized (wire) {
            return List.copyOf(wire);
        }
    }

    /** Every schema violation found in the messages sent and received so far. */
    public List<SchemaViolation> schemaViolations() {
        synchronized (wire) {
            return List.copyOf(violations);
        }
    }

    /** Responses that answer no open request, or answer it under another command. */
    public List<String> protocolErrors() {
        synchronized (wire) {
            return List.copyOf(protocolErrors);
        }
    }

    /** @throws AssertionError listing every schema violation, when there is any */
    public void assertNoSchemaViolations() {
        List<SchemaViolation> found = schemaViolations();
        if (!found.isEmpty()) {
            throw failure(found.size() + " DAP schema violation(s):\n  " + found.stream().map(SchemaViolation::toString)
                    .collect(Collectors.joining("\n  ")), null);
        }
    }

    /** @throws AssertionError listing every protocol error, when there is any */
    public void assertNoProtocolErrors() {
        List<String> found = protocolErrors();
        if (!found.isEmpty()) {
            throw failure(found.size() + " protocol error(s):\n  " + String.join("\n  ", found), null);
        }
    }

    /** Closes the connection; requests still open fail. */
    @Override
    public void close() {
        connection.close();
    }

    /** Stamps the next {@code seq}, logs, checks and writes a message, keeping seq order equal to write order. */
    private CompletableFuture<Void> write(DapMessage message) {
        synchronized (sendLock) {
            DapMessage stamped = message.withSeq(nextSeq++);
            log(WireMessage.Direction.SENT, stamped);
            return connection.send(stamped);
        }
    }

    private void receive(DapMessage message) {
        log(WireMessage.Direction.RECEIVED, message);
        if (message instanceof Event event) {
            events.add(event);
        } else if (message instanceof Response response) {
            Open open = pending.remove(response.requestSeq());
            if (open == null) {
                protocolError("response to '" + response.command() + "' answers request_seq " + response.requestSeq()
                        + ", which is no open request");
                return;
            }
            if (!open.command().equals(response.command())) {
                protocolError("response to request_seq " + response.requestSeq() + " names command '"
                        + response.command() + "', but that request was '" + open.command() + "'");
            }
            open.answer().complete(response);
        } else {
            answer((Request) message);
        }
    }

    private void answer(Request request) {
        ReverseRequestHandler handler = handlers.get(request.command());
        Response response;
        if (handler == null) {
            response = error(request, request.command() + " is not supported by this client");
        } else {
            try {
                response = Response.success(request, handler.answer(request));
            } catch (Exception e) {
                response = error(request, request.command() + " failed in this client: " + e.getMessage());
            }
        }
        write(response);
    }

    private static Response error(Request request, String text) {
        return Response.failure(request, text, Map.of("error", DapError.of(1, text).toMessage()));
    }

    private void closed(Throwable cause) {
        String why = cause == null ? "closed" : cause.toString();
        events.close(why);
        for (Integer seq : List.copyOf(pending.keySet())) {
            Open open = pending.remove(seq);
            if (open != null) {
                open.answer().completeExceptionally(new ConnectionClosedException("the connection " + connection.description()
                        + " closed before the response to request #" + seq + " (" + why + ")", cause));
            }
        }
    }

    private void log(WireMessage.Direction direction, DapMessage message) {
        SchemaValidationResult result = validator.validate(message);
        synchronized (wire) {
            wire.add(new WireMessage(direction, message));
            violations.addAll(result.violations());
        }
    }

    private void protocolError(String error) {
        synchronized (wire) {
            protocolErrors.add(error);
        }
    }

    /** The short message and the {@code body.error} text of a failed response. */
    private static String errorText(Response response) {
        String text = response.message() == null ? "(no message)" : response.message();
        JsonNode error = response.body() == null ? null : response.body().tree().path("error");
        if (error != null && error.isObject()) {
            text += ": " + DapError.fromMessage(RawJson.from(error).bind(Message.class)).formatted();
        }
        return text;
    }

    private String recent(String what) {
        List<WireMessage> log = wireLog();
        return what + "; latest messages on " + connection.description() + ":\n  "
                + log.subList(Math.max(0, log.size() - RECENT), log.size()).stream().map(WireMessage::toString)
                        .collect(Collectors.joining("\n  "));
    }

    private AssertionError failure(String what, Throwable cause) {
        return new AssertionError(recent(what), cause);
    }
}
