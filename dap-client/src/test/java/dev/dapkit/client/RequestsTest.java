package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.DapError;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.junit.jupiter.api.Test;

/** Requests through the typed proxy and {@link DapClient#request}: commands, seq, bodies, errors. */
class RequestsTest {

    @Test
    void typedRequestCompletesWithTheBoundBody() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            StackTraceArguments arguments = new StackTraceArguments();
            arguments.setThreadId(7);
            CompletableFuture<StackTraceResponse> future = f.client.server().stackTrace(arguments);

            Request request = f.adapter.expectRequest("stackTrace");
            assertEquals(7, request.arguments(StackTraceArguments.class).getThreadId());
            StackFrame frame = new StackFrame();
            frame.setId(1);
            frame.setName("main");
            frame.setLine(12);
            StackTraceResponse body = new StackTraceResponse();
            body.setStackFrames(new StackFrame[] {frame});
            f.adapter.respond(request, body);

            StackTraceResponse answered = future.get(5, TimeUnit.SECONDS);
            assertEquals("main", answered.getStackFrames()[0].getName());
            assertEquals(12, answered.getStackFrames()[0].getLine());
        }
    }

    @Test
    void everyProxyMethodSendsTheCommandOfItsJsonRequestAnnotation() throws Exception {
        List<Method> methods = new ArrayList<>();
        for (Method m : IDebugProtocolServer.class.getMethods()) {
            if (m.isAnnotationPresent(JsonRequest.class)) {
                methods.add(m);
            }
        }
        assertEquals(43, methods.size(), "LSP4J 0.24.0's IDebugProtocolServer has 43 requests");
        try (ClientFixture f = ClientFixture.start()) {
            for (Method method : methods) {
                Object[] args = method.getParameterCount() == 0 ? new Object[0]
                        : new Object[] {method.getParameterTypes()[0] == Map.class ? Map.of("k", 1)
                                : method.getParameterTypes()[0].getConstructor().newInstance()};
                Object returned = method.invoke(f.client.server(), args);
                String annotated = method.getAnnotation(JsonRequest.class).value();
                Request request = f.adapter.expectRequest(annotated.isEmpty() ? method.getName() : annotated);
                f.adapter.respond(request, null);
                assertInstanceOf(CompletableFuture.class, returned).get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void javaKeywordsMapToDapCommands() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            f.client.server().continue_(new org.eclipse.lsp4j.debug.ContinueArguments());
            f.adapter.expectRequest("continue");
            f.client.server().goto_(new org.eclipse.lsp4j.debug.GotoArguments());
            f.adapter.expectRequest("goto");
        }
    }

    @Test
    void seqStartsAtOneAndResponsesMatchByRequestSeqInAnyOrder() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<ThreadsResponse> first = f.client.server().threads();
            CompletableFuture<ThreadsResponse> second = f.client.server().threads();
            Request r1 = f.adapter.expectRequest("threads");
            Request r2 = f.adapter.expectRequest("threads");
            assertEquals(1, r1.seq());
            assertEquals(2, r2.seq());

            f.adapter.respond(r2, threads("second"));
            f.adapter.respond(r1, threads("first"));
            assertEquals("first", first.get(5, TimeUnit.SECONDS).getThreads()[0].getName());
            assertEquals("second", second.get(5, TimeUnit.SECONDS).getThreads()[0].getName());
        }
    }

    @Test
    void errorResponseFailsWithItsMessageAndDapError() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<?> future = f.client.server().evaluate(new org.eclipse.lsp4j.debug.EvaluateArguments());
            Request request = f.adapter.expectRequest("evaluate");
            f.adapter.fail(request, "notStopped", DapError.of(2001, "Cannot evaluate: thread {thread} is running",
                    Map.of("thread", "main")));

            ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
            DapErrorException error = assertInstanceOf(DapErrorException.class, failed.getCause());
            assertEquals("evaluate", error.command());
            assertEquals("notStopped", error.shortMessage());
            assertEquals(2001, error.error().id());
            assertEquals("Cannot evaluate: thread main is running", error.error().formatted());
            assertEquals(Map.of("thread", "main"), error.error().variables());
            assertTrue(error.getMessage().contains("'evaluate' request failed: Cannot evaluate: thread main is running"),
                    error.getMessage());
        }
    }

    @Test
    void errorResponseWithoutBodyCarriesOnlyTheMessage() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<?> future = f.client.server().pause(new org.eclipse.lsp4j.debug.PauseArguments());
            f.adapter.fail(f.adapter.expectRequest("pause"), "cancelled", null);

            ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
            DapErrorException error = assertInstanceOf(DapErrorException.class, failed.getCause());
            assertEquals("cancelled", error.shortMessage());
            assertNull(error.error());
            assertEquals("'pause' request failed: cancelled", error.getMessage());
        }
    }

    @Test
    void bodyThatDoesNotFitFailsTheRequestNotTheConnection() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<ThreadsResponse> future = f.client.server().threads();
            f.adapter.respond(f.adapter.expectRequest("threads"), RawJson.parse("{\"threads\": 17}"));

            ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
            assertInstanceOf(DapClientException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().contains("'threads' request (seq 1)"), failed.getCause().getMessage());
            assertTrue(f.client.isOpen());
            CompletableFuture<ThreadsResponse> next = f.client.server().threads();
            f.adapter.respond(f.adapter.expectRequest("threads"), threads("still"));
            assertEquals("still", next.get(5, TimeUnit.SECONDS).getThreads()[0].getName());
        }
    }

    @Test
    void customCommandsTakeAnyArgumentsAndGiveRawOrTreeBodies() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<RawJson> raw = f.client.request("dumpHeap", Map.of("depth", 3), RawJson.class);
            Request request = f.adapter.expectRequest("dumpHeap");
            assertEquals("{\"depth\":3}", request.arguments().toString());
            f.adapter.respond(request, RawJson.parse("{\"bytes\": 12345678901234567890}"));
            assertEquals("{\"bytes\": 12345678901234567890}", raw.get(5, TimeUnit.SECONDS).toString());

            CompletableFuture<JsonNode> tree = f.client.request("dumpHeap", null, JsonNode.class);
            Request second = f.adapter.expectRequest("dumpHeap");
            assertNull(second.arguments());
            f.adapter.respond(second, Map.of("ok", true));
            assertTrue(tree.get(5, TimeUnit.SECONDS).get("ok").asBoolean());

            CompletableFuture<Void> none = f.client.request("ping", null, Void.class);
            f.adapter.respond(f.adapter.expectRequest("ping"), Map.of("ignored", 1));
            assertNull(none.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void argumentsThatCannotBeWrittenFailTheFutureAndSendNothing() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<Void> bad = f.client.request("initialize", RawJson.parse("[1, 2]"), Void.class);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().contains("must be a JSON object"), failed.getCause().getMessage());

            f.client.request("fence", null, Void.class);
            Request fence = f.adapter.expectRequest("fence");
            assertEquals(1, fence.seq(), "the refused request used no seq");
        }
    }

    @Test
    void proxyObjectMethodsDoNotSendRequests() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            IDebugProtocolServer server = f.client.server();
            assertTrue(server.toString().contains("in-memory a"), server.toString());
            assertEquals(server, server);
            assertEquals(server, f.client.server(), "server() is one proxy");
            assertFalse(server.equals(f.client.server(java.time.Duration.ofSeconds(1))));
            assertEquals(System.identityHashCode(server), server.hashCode());
            f.client.request("fence", null, Void.class);
            assertEquals(1, f.adapter.expectRequest("fence").seq());
        }
    }

    private static ThreadsResponse threads(String name) {
        Thread thread = new Thread();
        thread.setId(1);
        thread.setName(name);
        ThreadsResponse body = new ThreadsResponse();
        body.setThreads(new Thread[] {thread});
        return body;
    }
}
