package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.ExpectedBodies;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.transport.StreamConnections;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client tells a decoding connection (here: OS pipes, read by a {@link StreamConnections}
 * reader thread) what the body of each successful response binds to, so that the body is bound while
 * the response is read: for its open typed requests, and only for those.
 */
class ExpectedBodiesTest {

    private static final int WAIT = ScriptedAdapter.WAIT_SECONDS;

    private HintRecordingConnection connection;
    private DapClient client;
    private ScriptedAdapter adapter;
    private ExecutorService executor;

    private void connect(UnaryOperator<DapClientBuilder> settings) throws IOException {
        Pipe toClient = Pipe.open();
        Pipe toAdapter = Pipe.open();
        connection = new HintRecordingConnection(StreamConnections.of(Channels.newInputStream(toClient.source()),
                Channels.newOutputStream(toAdapter.sink()), "piped adapter"));
        adapter = new ScriptedAdapter(StreamConnections.of(Channels.newInputStream(toAdapter.source()),
                Channels.newOutputStream(toClient.sink()), "piped client"));
        client = settings.apply(DapClient.builder().connection(connection)).connect();
    }

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
            adapter.close();
            client.closeFuture().get(WAIT, TimeUnit.SECONDS);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static StackTraceResponse trace(int frames) {
        Source source = new Source();
        source.setPath("/src/Deep.java");
        StackFrame[] all = new StackFrame[frames];
        for (int i = 0; i < frames; i++) {
            all[i] = new StackFrame();
            all[i].setId(i + 1);
            all[i].setName("Deep.descend(int)");
            all[i].setLine(10 + i % 7);
            all[i].setSource(source);
        }
        StackTraceResponse trace = new StackTraceResponse();
        trace.setStackFrames(all);
        trace.setTotalFrames(frames);
        return trace;
    }

    private CompletableFuture<StackTraceResponse> askStackTrace() {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(1);
        return client.server().stackTrace(arguments);
    }

    @Test
    void aTypedResponseIsNamedToTheDecoderOnceOnItsReadingThread() throws Exception {
        connect(b -> b);
        CompletableFuture<StackTraceResponse> future = askStackTrace();
        Request request = adapter.expectRequest("stackTrace");
        StackTraceResponse sent = trace(1000);
        adapter.respond(request, sent);

        assertEquals(sent, future.get(WAIT, TimeUnit.SECONDS));
        List<String> answers = connection.answers();
        assertEquals(1, answers.size(), answers.toString());
        String expected = request.seq() + " stackTrace -> " + StackTraceResponse.class.getName() + " on dapkit-reader-";
        assertTrue(answers.get(0).startsWith(expected), answers.get(0));
    }

    @Test
    void theHintNamesOnlyOpenRequestsWithTheirOwnCommand() throws Exception {
        connect(b -> b);
        ExpectedBodies hint = connection.hint();
        assertNotNull(hint, "the client's receiver offers no ExpectedBodies");
        CompletableFuture<StackTraceResponse> future = askStackTrace();
        Request request = adapter.expectRequest("stackTrace");

        assertEquals(StackTraceResponse.class, hint.successBody(request.seq(), "stackTrace"));
        assertNull(hint.successBody(request.seq(), "threads"));
        assertNull(hint.successBody(request.seq() + 1, "stackTrace"));

        adapter.respond(request, trace(2));
        future.get(WAIT, TimeUnit.SECONDS);
        assertNull(hint.successBody(request.seq(), "stackTrace"), "answered, so no longer open");
    }

    @Test
    void rawAndEmptyBodiesAreNotBoundEarly() throws Exception {
        connect(b -> b);
        CompletableFuture<RawJson> raw = client.request("threads", null, RawJson.class);
        Request threads = adapter.expectRequest("threads");
        adapter.respond(threads, RawJson.parse("{\"threads\":[{\"id\":1,\"name\":\"main\"}]}"));
        assertEquals(RawJson.parse("{\"threads\":[{\"id\":1,\"name\":\"main\"}]}"), raw.get(WAIT, TimeUnit.SECONDS));

        CompletableFuture<Void> done = client.server().configurationDone(null);
        Request configurationDone = adapter.expectRequest("configurationDone");
        adapter.respond(configurationDone, RawJson.parse("{}"));
        assertNull(done.get(WAIT, TimeUnit.SECONDS));

        assertEquals(List.of(threads.seq() + " threads -> null", configurationDone.seq() + " configurationDone -> null"),
                connection.answers().stream().map(a -> a.substring(0, a.indexOf(" on "))).toList());
    }

    @Test
    void aFailedResponseIsNotAskedAbout() throws Exception {
        connect(b -> b);
        CompletableFuture<StackTraceResponse> future = askStackTrace();
        adapter.fail(adapter.expectRequest("stackTrace"), "notStopped", null);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> future.get(WAIT, TimeUnit.SECONDS));
        assertInstanceOf(DapErrorException.class, failure.getCause());
        assertEquals(List.of(), connection.answers());
    }

    @Test
    void aClientOnAnApplicationsExecutorOffersTheHintToo() throws Exception {
        executor = Executors.newSingleThreadExecutor();
        connect(b -> b.executor(executor));
        CompletableFuture<StackTraceResponse> future = askStackTrace();
        Request request = adapter.expectRequest("stackTrace");
        adapter.respond(request, trace(3));

        assertEquals(3, future.get(WAIT, TimeUnit.SECONDS).getStackFrames().length);
        assertEquals(1, connection.answers().size(), connection.answers().toString());
    }
}
