package dev.dapkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.internal.TestClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DapServerTest {

    @Test
    void targetsAreFoundByIdThroughServiceLoader() throws Exception {
        try (DapServer server = DapServer.builder().target("test-loaded").build().start()) {
            assertNull(server.address(), "no connection source was given");
            InMemoryConnections.Pair pair = InMemoryConnections.pair();
            DebugSession session = server.serve(pair.b());
            assertEquals("session-1", session.id());
            TestClient client = new TestClient(pair.a());
            client.start("launch", null);
            client.ok("threads", null);
        }
    }

    @Test
    void anUnknownTargetIdListsTheIdsFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DapServer.builder().target("jvm9").build());
        assertEquals("no debug target 'jvm9': the TargetProvider services found are test-loaded; add the target's"
                + " artifact (e.g. dev.dapkit:target-jvm) to the class or module path", e.getMessage());
    }

    @Test
    void buildValidatesTheConfiguration() {
        IllegalStateException noTarget = assertThrows(IllegalStateException.class, () -> DapServer.builder().build());
        assertTrue(noTarget.getMessage().startsWith("no target"), noTarget.getMessage());
        IllegalStateException both = assertThrows(IllegalStateException.class, () -> DapServer.builder()
                .target("test-loaded").listen("tcp://127.0.0.1:0")
                .connections(emptySource()).build());
        assertEquals("give either listen(...) or connections(...), not both", both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.defaults().withSecret(""));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.defaults().withMaxBufferedOutputBytes(10));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.defaults().withTerminateGrace(Duration.ofSeconds(-1)));
        assertTrue(ServerOptions.defaults().withSecret("hunter2").toString().contains("secret=***"));
    }

    @Test
    void startIsOnceOnly() throws Exception {
        try (DapServer server = DapServer.builder().target("test-loaded").build()) {
            server.start();
            assertThrows(IllegalStateException.class, server::start);
        }
    }

    @Test
    void anExecutorGivenToTheServerIsNotShutDown() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            try (DapServer server = DapServer.builder().target("test-loaded").executor(executor).build().start()) {
                InMemoryConnections.Pair pair = InMemoryConnections.pair();
                server.serve(pair.b());
                new TestClient(pair.a()).start("launch", null);
            }
            assertTrue(!executor.isShutdown(), "the server shut down an executor it was given");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void listeningOnAnUnknownSchemeFailsAtStart() {
        DapServer server = DapServer.builder().target("test-loaded").listen("nosuch://x").build();
        assertThrows(dev.dapkit.model.transport.TransportNotFoundException.class, server::start);
        server.close();
    }

    private static dev.dapkit.model.transport.ConnectionSource emptySource() {
        return new dev.dapkit.model.transport.ConnectionSource() {
            @Override
            public void start(java.util.function.Consumer<dev.dapkit.model.transport.DapConnection> onConnection) {
            }

            @Override
            public java.net.URI address() {
                return java.net.URI.create("test:empty");
            }

            @Override
            public void close() {
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> closeFuture() {
                return new java.util.concurrent.CompletableFuture<>();
            }
        };
    }
}
