package dev.dapkit.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.InMemoryConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptedClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(50);

    private ScriptedAdapter adapter;
    private ScriptedClient client;

    @BeforeEach
    void connect() {
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        adapter = new ScriptedAdapter(pair.b());
        client = ScriptedClient.start(pair.a());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static StoppedEventArguments stopped(int threadId, String reason) {
        StoppedEventArguments stopped = new StoppedEventArguments();
        stopped.setThreadId(threadId);
        stopped.setReason(reason);
        return stopped;
    }

    private static OutputEventArguments output(String text) {
        OutputEventArguments output = new OutputEventArguments();
        output.setOutput(text);
        return output;
    }

    @Test
    void requestsAreStampedFromOneAndTheirBodiesBound() {
        adapter.on("initialize", r -> {
            Capabilities capabilities = new Capabilities();
            capabilities.setSupportsConfigurationDoneRequest(true);
            return Response.success(r, capabilities);
        }).on("configurationDone", r -> Response.success(r, null));
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setAdapterID("fake");

        Capabilities capabilities = client.request("initialize", arguments, Capabilities.class, TIMEOUT);
        assertTrue(capabilities.getSupportsConfigurationDoneRequest());
        assertNull(client.request("configurationDone", null, Void.class, TIMEOUT));
        assertEquals(List.of(1, 2), adapter.received.stream().map(Request::seq).toList());
        assertEquals("fake", adapter.received.get(0).arguments(InitializeRequestArguments.class).getAdapterID());
        client.assertNoSchemaViolations();
        client.assertNoProtocolErrors();
    }

    @Test
    void aFailedRequestFailsWithTheErrorResponsesText() {
        adapter.on("launch", r -> Response.failure(r, "notFound", RawJson.parse(
                "{\"error\": {\"id\": 42, \"format\": \"no program {path}\", \"variables\": {\"path\": \"/x.fake\"}}}")));
        AssertionError e = assertThrows(AssertionError.class,
                () -> client.request("launch", Map.of("program", "/x.fake"), Void.class, TIMEOUT));
        assertTrue(e.getMessage().contains("request 'launch' failed: notFound: no program /x.fake"), e.getMessage());
        assertTrue(e.getMessage().contains(">> request 'launch' #1"), "shows the wire log: " + e.getMessage());
        Response raw = client.requestResponse("launch", Map.of(), TIMEOUT);
        assertFalse(raw.success());
    }

    @Test
    void anEventThatArrivedBeforeTheAwaitIsSeen() {
        adapter.on("threads", r -> {
            adapter.emit("output", output("early"));
            return Response.success(r, Map.of("threads", List.of()));
        });
        client.request("threads", null, Void.class, TIMEOUT);
        Event early = client.awaitEvent("output", e -> true, SHORT);
        assertEquals("early", early.body(OutputEventArguments.class).getOutput());
    }

    @Test
    void anEventThatArrivesWhileTheAwaitWaitsIsSeen() {
        adapter.on("next", r -> {
            adapter.emit("stopped", stopped(1, "step"));
            return Response.success(r, null);
        });
        client.request("next", Map.of("threadId", 1), Void.class, TIMEOUT);
        AtomicBoolean sentLater = new AtomicBoolean();
        // the predicate runs inside the await, with the history locked: the event it sends can only
        // be recorded once the await has started to wait for it
        StoppedEventArguments later = client.awaitEvent(StoppedEventArguments.class, s -> {
            if (s.getThreadId() == 1 && sentLater.compareAndSet(false, true)) {
                adapter.emit("stopped", stopped(2, "breakpoint"));
            }
            return s.getThreadId() == 2;
        }, TIMEOUT);
        assertEquals("breakpoint", later.getReason());
        assertEquals(1, client.awaitEvent(StoppedEventArguments.class, s -> true, SHORT).getThreadId(),
                "the first stop is still there for another await");
    }

    @Test
    void anAwaitForEventsOfAnyNameTakesTheFirstThatMatchesAndLeavesTheRest() {
        adapter.on("continue", r -> {
            adapter.emit("output", output("before"));
            adapter.emit("stopped", stopped(1, "breakpoint"));
            adapter.emit("exited", Map.of("exitCode", 3));
            return Response.success(r, Map.of());
        });
        client.request("continue", Map.of("threadId", 1), Void.class, TIMEOUT);
        Event first = client.awaitEvent(e -> e.event().equals("stopped") || e.event().equals("exited"), SHORT);
        assertEquals("stopped", first.event(), "the first of either name, in arrival order");
        assertEquals("exited", client.awaitEvent(e -> !e.event().equals("output"), SHORT).event());
        assertEquals("before", client.awaitEvent("output", e -> true, SHORT).body(OutputEventArguments.class).getOutput(),
                "an event no await matched stays for the next");
        AssertionError none = assertThrows(AssertionError.class, () -> client.awaitEvent(e -> true, SHORT));
        assertTrue(none.getMessage().contains("no event that matches"), none.getMessage());
    }

    @Test
    void eachEventGoesToOneAwaitAndAMissingOneFailsAfterTheTimeout() {
        adapter.on("evaluate", r -> {
            adapter.emit("output", output("one"));
            adapter.emit("output", output("two"));
            return Response.success(r, Map.of("result", "3", "variablesReference", 0));
        });
        client.request("evaluate", Map.of("expression", "1 + 2"), Void.class, TIMEOUT);
        assertEquals("one", client.awaitEvent(OutputEventArguments.class, o -> true, SHORT).getOutput());
        assertEquals("two", client.awaitEvent(OutputEventArguments.class, o -> true, SHORT).getOutput());
        AssertionError none = assertThrows(AssertionError.class, () -> client.awaitEvent("output", e -> true, SHORT));
        assertTrue(none.getMessage().contains("no 'output' event that matches"), none.getMessage());
        assertTrue(none.getMessage().contains("within PT0.05S"), none.getMessage());
        assertTrue(none.getMessage().contains("<< event 'output'"), none.getMessage());
        assertEquals(2, client.events().size());
        assertThrows(IllegalArgumentException.class, () -> client.awaitEvent(String.class, s -> true, SHORT));
    }

    @Test
    void reverseRequestsAreAnsweredByHandlersOrRefused() throws Exception {
        client.onRunInTerminal(args -> {
            RunInTerminalResponse response = new RunInTerminalResponse();
            response.setProcessId(4242);
            return response;
        });
        client.onRequest("custom", r -> {
            throw new IllegalStateException("custom went wrong");
        });
        Response ran = adapter.reverse("runInTerminal", Map.of("cwd", "/tmp", "args", List.of("ls"))).get(10, TimeUnit.SECONDS);
        assertTrue(ran.success());
        assertEquals(4242, ran.body(RunInTerminalResponse.class).getProcessId());
        assertEquals(1, ran.seq(), "the client's responses share its seq numbering");

        Response refused = adapter.reverse("startDebugging", Map.of("configuration", Map.of(), "request", "launch"))
                .get(10, TimeUnit.SECONDS);
        assertFalse(refused.success());
        assertEquals("startDebugging is not supported by this client", refused.message());
        Response failed = adapter.reverse("custom", null).get(10, TimeUnit.SECONDS);
        assertTrue(failed.message().contains("custom went wrong"), failed.message());
        client.assertNoSchemaViolations();
    }

    @Test
    void schemaViolationsAreCollectedAndReported() {
        adapter.on("pause", r -> {
            adapter.emit("stopped", Map.of("threadId", 1));
            return Response.success(r, null);
        });
        client.request("pause", Map.of("threadId", 1), Void.class, TIMEOUT);
        client.awaitEvent("stopped", e -> true, TIMEOUT);
        assertFalse(client.schemaViolations().isEmpty());
        AssertionError e = assertThrows(AssertionError.class, client::assertNoSchemaViolations);
        assertTrue(e.getMessage().contains("event 'stopped'") && e.getMessage().contains("reason"), e.getMessage());
    }

    @Test
    void theWireLogKeepsEveryMessageInOrderWithItsDirection() {
        adapter.on("threads", r -> {
            Response response = Response.success(r, Map.of("threads", List.of()));
            adapter.emit("output", output("x"));
            return response;
        });
        client.request("threads", null, Void.class, TIMEOUT);
        List<String> log = new ArrayList<>();
        client.wireLog().forEach(w -> log.add(w.direction() + " " + w.message().type()));
        assertEquals(List.of("SENT REQUEST", "RECEIVED EVENT", "RECEIVED RESPONSE"), log);
    }

    @Test
    void aResponseToNoOpenRequestIsAProtocolError() {
        adapter.on("threads", r -> {
            adapter.send(new Response(0, 99, true, "threads", null, null, Map.of()));
            return Response.success(r, Map.of("threads", List.of()));
        });
        client.request("threads", null, Void.class, TIMEOUT);
        assertEquals(1, client.protocolErrors().size());
        AssertionError e = assertThrows(AssertionError.class, client::assertNoProtocolErrors);
        assertTrue(e.getMessage().contains("request_seq 99"), e.getMessage());
    }

    @Test
    void aRequestWithoutAnswerTimesOutAndClosingFailsWhatIsOpen() throws Exception {
        AssertionError timeout = assertThrows(AssertionError.class, () -> client.request("hang", null, Void.class, SHORT));
        assertTrue(timeout.getMessage().contains("no response to 'hang' within PT0.05S"), timeout.getMessage());

        CompletableFuture<Response> open = client.send("hang", null);
        adapter.close();
        ExecutionException closed = assertThrows(ExecutionException.class, () -> open.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionClosedException.class, closed.getCause());
        AssertionError await = assertThrows(AssertionError.class, () -> client.awaitEvent("stopped", e -> true, TIMEOUT));
        assertTrue(await.getMessage().contains("before the connection closed"), await.getMessage());
    }

    @Test
    void concurrentSendsGetUniqueSeqsInWriteOrder() throws Exception {
        adapter.on("echo", r -> Response.success(r, null));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Response>>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                senders.add(pool.submit(() -> {
                    List<CompletableFuture<Response>> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        mine.add(client.send("echo", null));
                    }
                    List<Response> answers = new ArrayList<>();
                    for (CompletableFuture<Response> f : mine) {
                        answers.add(f.get(10, TimeUnit.SECONDS));
                    }
                    return answers;
                }));
            }
            for (Future<List<Response>> sender : senders) {
                assertEquals(50, sender.get(10, TimeUnit.SECONDS).stream().filter(Response::success).count());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> seqs = adapter.received.stream().map(Request::seq).toList();
        assertEquals(200, seqs.size());
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1, seqs.get(i), "the adapter receives seq " + (i + 1) + " in place " + i);
        }
        client.assertNoProtocolErrors();
    }
}
