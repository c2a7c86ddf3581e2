package dev.dapkit.server;

import static dev.dapkit.server.internal.TestClient.assertError;
import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.errorText;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.internal.TestClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.junit.jupiter.api.Test;

class Lsp4jDebugServerHostTest {

    /** A small LSP4J debug server, written the way LSP4J users write them. */
    static final class TinyServer implements IDebugProtocolServer {
        final IDebugProtocolClient client;
        volatile Map<String, Object> launched;
        final CompletableFuture<StackTraceResponse> slow = new CompletableFuture<>();
        volatile CompletableFuture<RunInTerminalResponse> terminal;

        TinyServer(IDebugProtocolClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<Capabilities> initialize(InitializeRequestArguments args) {
            Capabilities c = new Capabilities();
            c.setSupportsConfigurationDoneRequest(true);
            return CompletableFuture.completedFuture(c);
        }

        @Override
        public CompletableFuture<Void> launch(Map<String, Object> args) {
            launched = args;
            OutputEventArguments o = new OutputEventArguments();
            o.setOutput("launching " + args.get("program") + "\n");
            client.output(o);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments args) {
            client.initialized();
            RunInTerminalRequestArguments run = new RunInTerminalRequestArguments();
            run.setCwd("/tmp");
            run.setArgs(new String[] {"app"});
            terminal = client.runInTerminal(run);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<ThreadsResponse> threads() {
            Thread t = new Thread();
            t.setId(1);
            t.setName("main");
            ThreadsResponse r = new ThreadsResponse();
            r.setThreads(new Thread[] {t});
            return CompletableFuture.completedFuture(r);
        }

        @Override
        public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments args) {
            return slow;
        }

        @Override
        public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments args) {
            return CompletableFuture.failedFuture(new IllegalStateException("cannot evaluate " + args.getExpression()));
        }
    }

    @Test
    void anLsp4jServerIsServedWithDapkitsSequencingAndErrors() throws Exception {
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        TinyServer[] made = new TinyServer[1];
        DebugSession session = Lsp4jDebugServerHost.serve(client -> made[0] = new TinyServer(client), pair.b());
        TestClient client = new TestClient(pair.a());
        TinyServer server = made[0];

        assertTrue(body(client.ok("initialize", json("{'adapterID': 'tiny'}"))).path("supportsConfigurationDoneRequest")
                .asBoolean());
        client.ok("launch", json("{'program': 'app.py', 'port': 5005, 'ratio': 0.5}"));
        assertEquals(5005, server.launched.get("port"), "integers stay integers");
        assertInstanceOf(Integer.class, server.launched.get("port"));
        assertEquals("launching app.py\n", body(client.event("output")).path("output").asText());

        client.ok("configurationDone", null);
        client.event("initialized");
        Request run = client.reverseRequest("runInTerminal");
        client.respond(run, true, null, json("{'processId': 99}"));
        assertEquals(99, server.terminal.get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).getProcessId());

        assertEquals(1, body(client.ok("threads", null)).path("threads").size());

        Response next = client.request("next", json("{'threadId': 1}"));
        assertError(EngineError.NOT_SUPPORTED.id(), next);
        assertEquals("'next' is not supported by target 'TinyServer'", errorText(next));

        Response evaluate = client.request("evaluate", json("{'expression': 'x'}"));
        assertError(EngineError.INTERNAL_ERROR.id(), evaluate);
        assertEquals("internal error in target 'TinyServer' while handling 'evaluate': cannot evaluate x",
                errorText(evaluate));
        assertFalse(evaluate.body().toString().contains("at dev."), evaluate.body().toString());

        Response unknown = client.request("frobnicate", null);
        assertError(EngineError.UNKNOWN_COMMAND.id(), unknown);

        Response missing = client.request("stackTrace", json("{}"));
        assertError(EngineError.INVALID_ARGUMENTS.id(), missing);

        int slow = client.send("stackTrace", json("{'threadId': 1}"));
        client.ok("cancel", json("{'requestId': " + slow + "}"));
        Response cancelled = client.response(slow);
        assertEquals("cancelled", cancelled.message());
        assertTrue(server.slow.isCancelled());

        List<DapMessage> all = client.received();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).seq(), "dapkit stamps seq in wire order");
        }

        session.end();
        client.event("terminated");
        client.awaitClosed();
        session.closeFuture().get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Test
    void aServerWithoutClientProxyCanBeHostedDirectly() {
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        Lsp4jDebugServerHost.serve(new IDebugProtocolServer() {
            @Override
            public CompletableFuture<ThreadsResponse> threads() {
                ThreadsResponse r = new ThreadsResponse();
                r.setThreads(new Thread[0]);
                return CompletableFuture.completedFuture(r);
            }
        }, pair.b());
        TestClient client = new TestClient(pair.a());
        assertEquals(0, body(client.ok("threads", null)).path("threads").size());
        client.close();
    }
}
