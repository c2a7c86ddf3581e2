package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.ServerOptions;
import dev.dapkit.server.spi.ReverseRequests;
import dev.dapkit.server.spi.TargetException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;
import org.junit.jupiter.api.Test;

class ReverseRequestsTest {

    private static RunInTerminalRequestArguments command() {
        RunInTerminalRequestArguments a = new RunInTerminalRequestArguments();
        a.setTitle("app");
        a.setCwd("/tmp");
        a.setArgs(new String[] {"python3", "app.py"});
        return a;
    }

    private static TargetException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> future.get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        return assertInstanceOf(TargetException.class, e.getCause());
    }

    @Test
    void runInTerminalIsSentWhenTheClientSupportsItAndItsResponseIsMatched() throws Exception {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'supportsRunInTerminalRequest': true}"));
            ReverseRequests reverse = f.context().reverseRequests();
            assertTrue(reverse.supportsRunInTerminal());
            assertFalse(reverse.supportsStartDebugging());

            CompletableFuture<RunInTerminalResponse> result = reverse.runInTerminal(command());
            Request sent = f.client.reverseRequest("runInTerminal");
            assertEquals("app.py", sent.arguments().tree().path("args").get(1).asText());
            assertEquals(sent.seq(), f.client.received().get(f.client.received().size() - 1).seq(),
                    "the reverse request carries the server's next seq");

            f.client.respond(new Request(sent.seq() + 1000, "runInTerminal", null, Map.of()), true, null,
                    json("{'processId': 1}"));
            f.client.respond(sent, true, null, json("{'processId': 4242}"));
            assertEquals(4242, result.get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).getProcessId());
            assertEquals(0, f.session.clientRequests().openCount());
            assertFalse(f.client.isClosed(), "a response to an unknown request_seq is ignored");
        }
    }

    @Test
    void aRefusalFailsTheFuture() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'supportsStartDebuggingRequest': true}"));
            StartDebuggingRequestArguments child = new StartDebuggingRequestArguments();
            child.setConfiguration(Map.of("name", "child"));
            CompletableFuture<Void> result = f.context().reverseRequests().startDebugging(child);
            Request sent = f.client.reverseRequest("startDebugging");
            f.client.respond(sent, false, "no more sessions", null);
            TargetException e = failure(result);
            assertEquals(EngineError.REVERSE_REQUEST_FAILED.id(), e.error().id());
            assertEquals("reverse request 'startDebugging' failed: the client refused it: no more sessions", e.getMessage());
        }
    }

    @Test
    void nothingIsSentWhenTheClientDidNotDeclareSupport() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'clientName': 'Tiny Editor'}"));
            TargetException e = failure(f.context().reverseRequests().runInTerminal(command()));
            assertEquals(EngineError.CLIENT_UNSUPPORTED.id(), e.error().id());
            assertEquals("'runInTerminal' cannot be sent: Tiny Editor did not declare supportsRunInTerminalRequest"
                    + " in 'initialize'", e.getMessage());
            assertFalse(f.client.received().stream().anyMatch(m -> m instanceof Request));
        }
    }

    @Test
    void openReverseRequestsFailWhenTheConnectionCloses() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'supportsRunInTerminalRequest': true}"));
            CompletableFuture<RunInTerminalResponse> result = f.context().reverseRequests().runInTerminal(command());
            f.client.reverseRequest("runInTerminal");
            f.client.close();
            TargetException e = failure(result);
            assertTrue(e.getMessage().contains("closed before it answered"), e.getMessage());
        }
    }

    @Test
    void anUnansweredReverseRequestTimesOut() {
        try (Fixture f = Fixture.of(FakeTarget::new, ServerOptions.defaults().withRequestTimeout(Duration.ofMillis(30)))) {
            f.client.initialize(json("{'adapterID': 'x', 'supportsRunInTerminalRequest': true}"));
            TargetException e = failure(f.context().reverseRequests().runInTerminal(command()));
            assertEquals("reverse request 'runInTerminal' failed: the client did not answer within 30 ms", e.getMessage());
        }
    }

    @Test
    void aResponseToAnUnknownRequestIsIgnored() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(null);
            f.client.respond(new Request(99, "runInTerminal", RawJson.parse("{}"), Map.of()), true, null, null);
            Response r = f.client.request("configurationDone", null);
            assertTrue(r.success(), "the session goes on");
            assertFalse(f.client.isClosed());
        }
    }
}
