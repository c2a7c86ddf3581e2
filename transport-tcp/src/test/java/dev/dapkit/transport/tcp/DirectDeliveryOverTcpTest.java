package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.DapClient;
import dev.dapkit.client.TraceEntry;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.DebugSession;
import dev.dapkit.server.ServerListener;
import dev.dapkit.testkit.fake.FakeTargetProvider;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.junit.jupiter.api.Test;

/**
 * Over TCP, a server on its own executor and a client on its own executor take their messages on
 * the event loop (no delivery thread: two thread hand-offs fewer per round trip), while the
 * client's stages still run on its executor; a server given an application's executor keeps the
 * delivery thread, since that executor might run the session's work inline.
 */
class DirectDeliveryOverTcpTest {

    private static final long SECONDS = 10;

    private static Set<String> deliveryThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("dapkit-delivery-")).collect(Collectors.toSet());
    }

    private static boolean hasThreadFor(Set<String> names, String description) {
        return names.stream().anyMatch(name -> name.endsWith(description));
    }

    @Test
    void serverAndClientOnTheirOwnExecutorsTakeMessagesOnTheEventLoop() throws Exception {
        CompletableFuture<DebugSession> session = new CompletableFuture<>();
        try (DapServer server = DapServer.builder().target(new FakeTargetProvider()).listen("tcp://127.0.0.1:0")
                .listener(new ServerListener() {
                    @Override
                    public void sessionStarted(DebugSession started) {
                        session.complete(started);
                    }
                }).build().start()) {
            List<String> readingThreads = new CopyOnWriteArrayList<>();
            DapClient client = DapClient.builder().uri(server.address()).trace(entry -> {
                if (entry.direction() == TraceEntry.Direction.RECEIVED) {
                    readingThreads.add(Thread.currentThread().getName());
                }
            }).connect();
            try {
                InitializeRequestArguments arguments = new InitializeRequestArguments();
                arguments.setAdapterID("fake");
                String stageThread = client.server().initialize(arguments)
                        .thenApply(capabilities -> Thread.currentThread().getName()).get(SECONDS, TimeUnit.SECONDS);
                assertTrue(stageThread.startsWith("dapkit-client-"), "a stage ran on " + stageThread);
                assertFalse(readingThreads.isEmpty());
                assertTrue(readingThreads.stream().allMatch(name -> name.startsWith("dapkit-tcp-")),
                        "the client received on " + readingThreads);

                Set<String> delivery = deliveryThreads();
                String serverSide = session.get(SECONDS, TimeUnit.SECONDS).description();
                assertFalse(hasThreadFor(delivery, serverSide), "the server's session has a delivery thread: " + delivery);
                assertFalse(hasThreadFor(delivery, client.description()), "the client has a delivery thread: " + delivery);
            } finally {
                client.close();
            }
        }
    }

    @Test
    void aServerOnAnApplicationsExecutorKeepsTheDeliveryThread() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        CompletableFuture<DebugSession> session = new CompletableFuture<>();
        try (DapServer server = DapServer.builder().target(new FakeTargetProvider()).listen("tcp://127.0.0.1:0")
                .executor(executor).listener(new ServerListener() {
                    @Override
                    public void sessionStarted(DebugSession started) {
                        session.complete(started);
                    }
                }).build().start()) {
            DapClient client = DapClient.builder().uri(server.address()).connect();
            try {
                InitializeRequestArguments arguments = new InitializeRequestArguments();
                arguments.setAdapterID("fake");
                client.server().initialize(arguments).get(SECONDS, TimeUnit.SECONDS);
                String serverSide = session.get(SECONDS, TimeUnit.SECONDS).description();
                assertTrue(hasThreadFor(deliveryThreads(), serverSide),
                        "no delivery thread for " + serverSide + " among " + deliveryThreads());
            } finally {
                client.close();
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
