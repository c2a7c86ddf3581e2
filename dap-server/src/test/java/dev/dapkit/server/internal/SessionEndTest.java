package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.DebugSession;
import dev.dapkit.server.ServerListener;
import dev.dapkit.server.ServerOptions;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.TargetContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SessionEndTest {

    private static void awaitEnded(DebugSession session) throws Exception {
        session.closeFuture().handle((ok, failure) -> null).get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Test
    void terminatedIsSentAndTheConnectionClosesWhenTheClientDisconnects() throws Exception {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            FakeTarget target = f.target();
            target.events().exited(3);
            target.events().terminated();
            assertEquals(3, TestClient.body(f.client.event("exited")).path("exitCode").asInt());
            f.client.event("terminated");
            f.client.ok("disconnect", null);
            f.client.awaitClosed();
            awaitEnded(f.session);
            assertEquals(List.of("disconnect true"), target.calls("disconnect"), "launch: terminate by default");
        }
    }

    @Test
    void afterTerminatedTheConnectionClosesWithinTheGraceTime() throws Exception {
        try (Fixture f = Fixture.of(FakeTarget::new, ServerOptions.defaults().withTerminateGrace(Duration.ofMillis(20)))) {
            f.client.start("attach", null);
            FakeTarget target = f.target();
            target.events().terminated();
            f.client.event("terminated");
            f.client.awaitClosed();
            awaitEnded(f.session);
            assertEquals(List.of("disconnect false"), target.calls("disconnect"), "attach: detach by default");
        }
    }

    @Test
    void disconnectHonoursTerminateDebuggee() throws Exception {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("attach", null);
            f.client.ok("disconnect", json("{'terminateDebuggee': true}"));
            f.client.awaitClosed();
            awaitEnded(f.session);
            FakeTarget target = f.target();
            assertEquals(List.of("disconnect true"), target.calls("disconnect"));
        }
    }

    @Test
    void everyOpenRequestIsCompletedWhenTheConnectionDrops() throws Exception {
        try (Fixture f = Fixture.of(CancelTest.InterruptibleTarget::new)) {
            f.client.initialize(null);
            int launch = f.client.send("launch", json("{}"));
            CancelTest.InterruptibleTarget target = f.target();
            f.client.send("threads", null);
            assertTrue(target.entered.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            f.client.send("pause", json("{'threadId': 1}"));
            f.client.send("stackTrace", json("{'threadId': 1}"));
            assertFalse(f.client.received().stream().anyMatch(m -> m instanceof Response r && r.requestSeq() == launch));

            f.client.close();
            awaitEnded(f.session);
            assertEquals(0, target.woken.getCount(), "the running request was signalled");
            assertTrue(target.calls("pause").isEmpty(), "queued requests do not run after the drop");
            assertTrue(target.calls("stackTrace").isEmpty());
            assertEquals(List.of("disconnect true"), target.calls("disconnect"), "a launched debuggee is terminated");
            assertEquals(0, f.server.sessions().size());
        }
    }

    @Test
    void endSendsTerminatedAndClosesAndTheListenerHearsOfIt() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicReference<DebugTarget> created = new AtomicReference<>();
        try (DapServer server = DapServer.builder().target(Fixture.provider(FakeTarget::new, created,
                new AtomicReference<TargetContext>())).listener(new ServerListener() {
                    @Override
                    public void sessionStarted(DebugSession session) {
                        heard.add("started " + session.id());
                    }

                    @Override
                    public void sessionEnded(DebugSession session, Throwable cause) {
                        heard.add("ended " + session.id() + " " + cause);
                    }
                }).build()) {
            InMemoryConnections.Pair pair = InMemoryConnections.pair();
            DebugSession session = server.serve(pair.b());
            TestClient client = new TestClient(pair.a());
            client.start("launch", null);
            assertEquals(List.of(session), server.sessions());
            assertEquals("in-memory b", session.description());

            session.end();
            client.event("terminated");
            client.awaitClosed();
            awaitEnded(session);
            assertEquals(List.of("started " + session.id(), "ended " + session.id() + " null"), heard);
            assertTrue(server.sessions().isEmpty());
        }
    }

    @Test
    void shutdownEndsEverySessionWithTerminated() throws Exception {
        AtomicReference<DebugTarget> created = new AtomicReference<>();
        DapServer server = DapServer.builder().target(Fixture.provider(FakeTarget::new, created,
                new AtomicReference<TargetContext>())).build();
        TestClient[] clients = new TestClient[3];
        for (int i = 0; i < clients.length; i++) {
            InMemoryConnections.Pair pair = InMemoryConnections.pair();
            server.serve(pair.b());
            clients[i] = new TestClient(pair.a());
            clients[i].start("launch", null);
        }
        server.shutdown().get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        for (TestClient c : clients) {
            c.event("terminated");
            c.awaitClosed();
        }
        assertTrue(server.sessions().isEmpty());
        InMemoryConnections.Pair late = InMemoryConnections.pair();
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> server.serve(late.b()));
        assertTrue(refused.getMessage().startsWith("the server is shut down"));
    }
}
