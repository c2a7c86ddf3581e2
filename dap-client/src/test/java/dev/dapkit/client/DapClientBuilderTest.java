package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.model.transport.TransportNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** What {@link DapClientBuilder#connect()} checks, opens and owns. */
class DapClientBuilderTest {

    @Test
    void exactlyOneWayToTheAdapter() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> DapClient.builder().connect());
        assertEquals("no adapter to talk to: set a connection(...), a uri(...) or an adapterProcess(...)",
                none.getMessage());
        IllegalStateException two = assertThrows(IllegalStateException.class, () -> DapClient.builder()
                .connection(InMemoryConnections.pair().a()).uri("tcp://127.0.0.1:1").connect());
        assertTrue(two.getMessage().startsWith("more than one adapter to talk to"), two.getMessage());
    }

    @Test
    void invalidSettingsAreRefusedBeforeTheConnectionIsStarted() throws Exception {
        DapConnection connection = InMemoryConnections.pair().a();
        assertThrows(IllegalArgumentException.class,
                () -> DapClient.builder().connection(connection).requestTimeout(Duration.ZERO).connect());
        assertThrows(IllegalArgumentException.class,
                () -> DapClient.builder().connection(connection).requestTimeout("launch", Duration.ofMillis(-1)).connect());
        IllegalArgumentException history = assertThrows(IllegalArgumentException.class,
                () -> DapClient.builder().connection(connection).eventHistoryLimit(0).connect());
        assertEquals("the event history must keep at least 1 event, not 0", history.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> DapClient.builder()
                .connection(connection)
                .runInTerminal(RunInTerminalHandler.startProcess())
                .reverseRequestHandler("runInTerminal", r -> null)
                .connect());
        assertEquals("two handlers for the reverse request 'runInTerminal'; set one", twice.getMessage());
        // Nothing started it: a client can still use it.
        DapClient client = DapClient.builder().connection(connection).connect();
        client.close();
    }

    @Test
    void aUriIsOpenedThroughTheTransportFoundForItsScheme() throws Exception {
        ScriptedAdapter adapter = new ScriptedAdapter(MemoryTransportProvider.adapterSide("adapter-1"));
        DapClient client = DapClient.builder().uri("test-memory://adapter-1").connect();
        CompletableFuture<ThreadsResponse> threads = client.server().threads();
        adapter.respond(adapter.expectRequest("threads"), new ThreadsResponse());
        threads.get(10, TimeUnit.SECONDS);
        assertEquals("in-memory a", client.description());
        client.close();
        adapter.connection().closeFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTcpUriWithoutTransportTcpNamesTheArtifact() {
        TransportNotFoundException missing = assertThrows(TransportNotFoundException.class,
                () -> DapClient.builder().uri("tcp://127.0.0.1:5678").connect());
        assertTrue(missing.getMessage().contains("dev.dapkit:transport-tcp"), missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DapClient.builder().uri("tcp://host with spaces:1"));
        assertTrue(bad.getMessage().startsWith("'tcp://host with spaces:1' is not an adapter address"), bad.getMessage());
    }

    @Test
    void theClientClosesTheConnectionItWasGiven() throws Exception {
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        ScriptedAdapter adapter = new ScriptedAdapter(pair.b());
        DapClient client = DapClient.builder().connection(pair.a()).connect();
        assertTrue(client.isOpen());
        client.close();
        adapter.connection().closeFuture().get(10, TimeUnit.SECONDS);
        client.closeFuture().get(10, TimeUnit.SECONDS);
        assertFalse(client.isOpen());
    }

    @Test
    void aGivenExecutorRunsTheCallbacksAndIsNeverShutDown() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> new Thread(r, "caller-pool"));
        try {
            InMemoryConnections.Pair pair = InMemoryConnections.pair();
            ScriptedAdapter adapter = new ScriptedAdapter(pair.b());
            DapClient client = DapClient.builder().connection(pair.a()).executor(executor).connect();
            CompletableFuture<String> handlerThread = new CompletableFuture<>();
            client.onEvent("custom", e -> handlerThread.complete(Thread.currentThread().getName()));
            adapter.event("custom", null);
            assertEquals("caller-pool", handlerThread.get(10, TimeUnit.SECONDS));
            CompletableFuture<String> completionThread = client.server().threads()
                    .thenApply(r -> Thread.currentThread().getName());
            adapter.respond(adapter.expectRequest("threads"), null);
            assertEquals("caller-pool", completionThread.get(10, TimeUnit.SECONDS));

            client.close();
            client.closeFuture().get(10, TimeUnit.SECONDS);
            assertFalse(executor.isShutdown());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void withoutAnExecutorTheClientsOwnDaemonThreadsRunCallbacks() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<Thread> handler = new CompletableFuture<>();
            f.client.onEvent("custom", e -> handler.complete(Thread.currentThread()));
            f.adapter.event("custom", null);
            Thread thread = handler.get(10, TimeUnit.SECONDS);
            assertTrue(thread.getName().startsWith("dapkit-client-"), thread.getName());
            assertTrue(thread.isDaemon());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anAdapterProcessThatExitsWhenItsInputClosesEndsWithTheClient() throws Exception {
        // the shell stays (no exec) and keeps its standard output open until cat has seen the end of its
        // input: 'exec cat > /dev/null' closed the output at once, so the client could see the adapter
        // end before the test found its process
        DapClient client = DapClient.builder().adapterProcess("/bin/sh", "-c", "cat > /dev/null; exit 0").connect();
        ProcessHandle adapter = adapterOf(client);
        client.close();
        client.closeFuture().get(10, TimeUnit.SECONDS);
        assertFalse(adapter.isAlive());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anAdapterProcessThatIgnoresItsInputIsDestroyedAfterTheGrace() throws Exception {
        DapClient client = DapClient.builder().adapterProcess("/bin/sh", "-c", "exec sleep 60").connect();
        ProcessHandle adapter = adapterOf(client);
        client.close();
        client.closeFuture().get(10, TimeUnit.SECONDS);
        assertFalse(adapter.isAlive());
    }

    @Test
    void aCommandThatCannotStartIsAnIOException() {
        IOException failed = assertThrows(IOException.class,
                () -> DapClient.builder().adapterProcess(List.of("/no/such/adapter")).connect());
        assertInstanceOf(IOException.class, failed);
        assertTrue(failed.getMessage().contains("/no/such/adapter"), failed.getMessage());
    }

    /** The adapter process, by the pid in the client's description ({@code process 1234 (sh)}). */
    private static ProcessHandle adapterOf(DapClient client) {
        String description = client.description();
        assertTrue(description.startsWith("process "), description);
        long pid = Long.parseLong(description.split(" ")[1]);
        ProcessHandle adapter = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        // parent() is empty where /proc cannot tell (the JDK also guards against reused pids); when
        // it can, the adapter must be our child
        adapter.parent().ifPresent(parent -> assertEquals(ProcessHandle.current().pid(), parent.pid()));
        return adapter;
    }
}
