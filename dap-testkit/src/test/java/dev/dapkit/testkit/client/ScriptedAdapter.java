package dev.dapkit.testkit.client;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The adapter side of a {@link ScriptedClient} test: answers requests by a script, emits events
 * when the test says so, and sends reverse requests. Unscripted requests get no answer. Thread-safe.
 */
final class ScriptedAdapter {

    private final DapConnection connection;
    private final Map<String, Function<Request, Response>> script = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<Response>> answers = new ConcurrentHashMap<>();
    final List<Request> received = new CopyOnWriteArrayList<>();
    private int seq;

    ScriptedAdapter(DapConnection connection) {
        this.connection = connection;
        connection.start(this::receive);
    }

    /** Answers {@code command} with {@code answer}; the answer may also emit events. */
    ScriptedAdapter on(String command, Function<Request, Response> answer) {
        script.put(command, answer);
        return this;
    }

    private void receive(DapMessage message) {
        if (message instanceof Request request) {
            received.add(request);
            Function<Request, Response> answer = script.get(request.command());
            if (answer != null) {
                send(answer.apply(request));
            }
        } else if (message instanceof Response response) {
            CompletableFuture<Response> answer = answers.remove(response.requestSeq());
            if (answer != null) {
                answer.complete(response);
            }
        }
    }

    synchronized void send(DapMessage message) {
        connection.send(message.withSeq(++seq));
    }

    void emit(String event, Object body) {
        send(Event.of(event, body));
    }

    /** Sends a reverse request; completes with the client's response. */
    synchronized CompletableFuture<Response> reverse(String command, Object arguments) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        answers.put(seq + 1, answer);
        send(Request.of(command, arguments));
        return answer;
    }

    void close() {
        connection.close();
    }
}
