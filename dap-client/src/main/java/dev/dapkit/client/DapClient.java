package dev.dapkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.client.internal.ClientCore;
import dev.dapkit.client.internal.Timeouts;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * A DAP client: one conversation with one debug adapter. Made by {@link #builder()}; see
 * {@link DapClientBuilder} for the ways to reach an adapter and for what the client owns.
 *
 * <ul>
 *   <li><b>Requests</b> go through the typed {@link #server()} (LSP4J's
 *       {@link IDebugProtocolServer}) or {@link #request} for commands LSP4J does not model.
 *       Every request returns its own {@link CompletableFuture}: it completes with the response
 *       body, or fails with {@link DapErrorException} (error response),
 *       {@link DapTimeoutException} or {@link ConnectionLostException}. Cancelling it stops the
 *       wait and, when the adapter's capabilities include {@code supportsCancelRequest}, sends a
 *       DAP {@code cancel} for it; the future ends cancelled either way. A request that times
 *       out is cancelled with the adapter the same way.
 *   <li><b>{@code launch}, {@code attach}, {@code restart}</b> take raw JSON ({@link #launch(JsonNode)},
 *       a {@code Map} or {@link RawJson}) so that adapter-specific keys and integer values reach
 *       the adapter untouched. The {@code Map} that {@code server().launch(...)} takes is sent the
 *       same way (never through Gson: {@code 5005} stays {@code 5005}).
 *   <li><b>{@code initialize}</b>: the client sets {@code supportsRunInTerminalRequest} and
 *       {@code supportsStartDebuggingRequest} in the arguments it sends to whether it has a handler
 *       for those reverse requests, whatever the caller passed, and keeps the adapter's
 *       capabilities ({@link #capabilities()}), updated by {@code capabilities} events.
 *   <li><b>Events</b> are delivered to subscriptions ({@link #onEvent(Class, Consumer)}) and kept
 *       in a bounded history that {@link #awaitEvent(Class, Predicate, Duration)} searches first,
 *       so an event that arrived before the wait began is not missed.
 * </ul>
 *
 * <h2>Threading</h2>
 * Thread-safe; every method may be called from any thread, including from event handlers and
 * from stages of the client's own futures. The connection's reading thread never runs caller
 * code, apart from the quick predicates of {@code awaitEvent} and the trace consumer: response
 * futures and event waits are completed on the reading thread, so that a caller blocked in
 * {@code get()} or {@code join()} wakes at once (on the executor instead while events that
 * arrived before are still on their way to the handlers), but every stage chained on them, with the
 * {@code Async} methods or without, and also on a future that is already complete, runs on the
 * client's executor (their dependent futures behave the same); event subscriptions and the
 * listener run on the executor one at a time, in arrival order (a handler that blocks holds up
 * later events, not reading, and may itself wait for a request's response); reverse-request
 * handlers run on the executor. A caller-supplied executor must be able to run at least two
 * tasks at once for a handler to wait on a request.
 */
public final class DapClient implements AutoCloseable {

    /** A timeout value meaning "wait for ever", for {@link DapClientBuilder#requestTimeout} and the like. */
    public static final Duration NO_TIMEOUT = Timeouts.NONE;

    private final ClientCore core;

    DapClient(ClientCore core) {
        this.core = core;
    }

    /** A builder for a new client. */
    public static DapClientBuilder builder() {
        return new DapClientBuilder();
    }

    /** The typed requests of DAP, each with the client's timeout for its command. */
    public IDebugProtocolServer server() {
        return core.server(null);
    }

    /**
     * The typed requests of DAP with one timeout for every request made through the returned
     * proxy ({@link #NO_TIMEOUT} for none).
     */
    public IDebugProtocolServer server(Duration timeout) {
        return core.server(timeout);
    }

    /**
     * Sends any request, typically one LSP4J does not model (an adapter's own command).
     *
     * @param arguments the arguments: an LSP4J model object, a {@link JsonNode}, a {@code Map},
     *     a {@link RawJson}, or null for none
     * @param responseBodyType what the response body binds to; {@code Void.class} to ignore it,
     *     {@code RawJson.class} or {@code JsonNode.class} for it as JSON
     */
    public <T> CompletableFuture<T> request(String command, Object arguments, Class<T> responseBodyType) {
        return core.request(command, arguments, responseBodyType, null);
    }

    /** Like {@link #request(String, Object, Class)} with a timeout of its own ({@link #NO_TIMEOUT} for none). */
    public <T> CompletableFuture<T> request(String command, Object arguments, Class<T> responseBodyType,
            Duration timeout) {
        return core.request(command, arguments, responseBodyType, checked(timeout));
    }

    /** Sends {@code launch} with these adapter-specific arguments, untouched. */
    public CompletableFuture<Void> launch(JsonNode arguments) {
        return core.request("launch", arguments, Void.class, null);
    }

    /** Sends {@code launch} with these adapter-specific arguments; integers stay integers, nulls stay. */
    public CompletableFuture<Void> launch(Map<String, ?> arguments) {
        return core.request("launch", arguments, Void.class, null);
    }

    /** Sends {@code launch} with this JSON, byte for byte. */
    public CompletableFuture<Void> launch(RawJson arguments) {
        return core.request("launch", arguments, Void.class, null);
    }

    /** Sends {@code attach} with these adapter-specific arguments, untouched. */
    public CompletableFuture<Void> attach(JsonNode arguments) {
        return core.request("attach", arguments, Void.class, null);
    }

    /** Sends {@code attach} with these adapter-specific arguments; integers stay integers, nulls stay. */
    public CompletableFuture<Void> attach(Map<String, ?> arguments) {
        return core.request("attach", arguments, Void.class, null);
    }

    /** Sends {@code attach} with this JSON, byte for byte. */
    public CompletableFuture<Void> attach(RawJson arguments) {
        return core.request("attach", arguments, Void.class, null);
    }

    /**
     * Sends {@code restart} with the latest {@code launch} or {@code attach} arguments, as DAP
     * wants them: {@code {"arguments": <these>}}, untouched.
     */
    public CompletableFuture<Void> restart(JsonNode launchOrAttachArguments) {
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        arguments.set("arguments", launchOrAttachArguments);
        return core.request("restart", arguments, Void.class, null);
    }

    /** Like {@link #restart(JsonNode)}; integers stay integers, nulls stay. */
    public CompletableFuture<Void> restart(Map<String, ?> launchOrAttachArguments) {
        return core.request("restart", Map.of("arguments", launchOrAttachArguments), Void.class, null);
    }

    /** Sends {@code restart} with these whole arguments (including the {@code arguments} key), byte for byte. */
    public CompletableFuture<Void> restart(RawJson restartArguments) {
        return core.request("restart", restartArguments, Void.class, null);
    }

    /**
     * What the adapter can do, from its {@code initialize} response and later {@code capabilities}
     * events; empty before {@code initialize} is answered. A new copy on every call.
     */
    public Capabilities capabilities() {
        return core.capabilities();
    }

    /**
     * Calls {@code handler} with the body of every event whose body type is {@code bodyType}
     * ({@code StoppedEventArguments.class} for {@code stopped}, and so on), from now on, in
     * arrival order on the client's event lane. An event whose body does not fit is logged and
     * skipped. A handler that throws is logged; later events still arrive.
     *
     * @throws IllegalArgumentException when no event of the client's registry has that body type
     */
    public <T> EventSubscription onEvent(Class<T> bodyType, Consumer<? super T> handler) {
        return core.onEvent(bodyType, handler);
    }

    /**
     * Calls {@code handler} with every event named {@code event} (including events without a body,
     * such as {@code initialized}, and adapter-specific ones), from now on, in arrival order.
     */
    public EventSubscription onEvent(String event, Consumer<? super Event> handler) {
        return core.onEvent(event, handler);
    }

    /**
     * Waits for an event with body type {@code bodyType} whose body passes {@code predicate}.
     *
     * <p>The history is searched first: the oldest kept event that matches and that no earlier
     * wait took completes the future at once. Each event satisfies one wait at most, so a script
     * that continues twice and waits for {@code stopped} twice gets two different events. The
     * history keeps the last {@link DapClientBuilder#eventHistoryLimit} events (1000 by default);
     * an older event is gone for waits. The predicate runs on the client's reading thread while the
     * history is locked: keep it short, do not block and do not call the client from it.
     *
     * @return a future with the body; it fails with {@link DapTimeoutException} after
     *     {@code timeout} ({@link #NO_TIMEOUT} for none) and with {@link ConnectionLostException}
     *     when the connection ends first; cancelling it withdraws the wait
     */
    public <T> CompletableFuture<T> awaitEvent(Class<T> bodyType, Predicate<? super T> predicate, Duration timeout) {
        return core.awaitEvent(bodyType, predicate, timeout);
    }

    /** Like {@link #awaitEvent(Class, Predicate, Duration)} for an event by name, e.g. {@code initialized}. */
    public CompletableFuture<Event> awaitEvent(String event, Predicate<? super Event> predicate, Duration timeout) {
        return core.awaitEvent(event, predicate, timeout);
    }

    /** The events in the history, oldest first, whether a wait took them or not. */
    public List<Event> eventHistory() {
        return core.eventHistory();
    }

    /** Who the adapter is, e.g. {@code process 1234 (python3)} or {@code tcp://127.0.0.1:5678}. */
    public String description() {
        return core.description();
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return core.isOpen();
    }

    /**
     * Completes once the client has ended (closed by {@link #close()} or by the adapter): every
     * open request and wait has failed, the listener has been told, and whatever the client owns
     * (its own executor and timer, an adapter process it started) has stopped. It completes
     * normally after an orderly end (this client closed, or the adapter ended its stream between
     * two messages) and exceptionally with the connection's failure otherwise (such as the
     * decoder's {@link dev.dapkit.model.ProtocolException}). Each call returns a new dependent
     * future.
     */
    public CompletableFuture<Void> closeFuture() {
        return core.closeFuture();
    }

    /**
     * Closes the connection at once; open requests and waits fail with
     * {@link ConnectionLostException}. Send {@code disconnect} first to end a session politely.
     * An adapter process the client started gets two seconds to exit after its input closes, and
     * is then destroyed ({@link #closeFuture()} tells when it is gone). Idempotent; does not block.
     */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "DapClient[" + core.description() + "]";
    }

    private static Duration checked(Duration timeout) {
        return Timeouts.check(timeout, "request timeout");
    }
}
