package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.spi.BoundedRequests;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.StepOptions;
import dev.dapkit.server.spi.TargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.Thread;
import org.junit.jupiter.api.Test;

/**
 * A bounded request that finds the session idle is answered on the connection's own reading
 * thread; every other request, and one that finds the session busy, on the session thread.
 */
class ReadingThreadAnswersTest {

    private static final String BREAKPOINT = "{'source': {'path': '/remote/app/main.py'}, 'breakpoints': [{'line': 3}]}";

    /** Records the thread of each call; {@code setBreakpoints} can be held. */
    static class RecordingTarget extends FakeTarget {
        final Map<String, String> threadOf = new ConcurrentHashMap<>();
        final List<String> threadsCalledOn = new CopyOnWriteArrayList<>();
        final CountDownLatch setBreakpointsRunning = new CountDownLatch(1);
        volatile CountDownLatch holdSetBreakpoints = new CountDownLatch(0);

        @Override
        public List<Thread> threads() throws TargetException {
            threadOf.put("threads", java.lang.Thread.currentThread().getName());
            threadsCalledOn.add(java.lang.Thread.currentThread().getName());
            return super.threads();
        }

        @Override
        public List<Breakpoint> setLineBreakpoints(Source source, List<LineBreakpoint> breakpoints)
                throws TargetException {
            threadOf.put("setBreakpoints", java.lang.Thread.currentThread().getName());
            setBreakpointsRunning.countDown();
            try {
                holdSetBreakpoints.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
            }
            return super.setLineBreakpoints(source, breakpoints);
        }

        @Override
        public void next(int threadId, StepOptions options) throws TargetException {
            threadOf.put("next", java.lang.Thread.currentThread().getName());
            super.next(threadId, options);
        }
    }

    static class BoundedTarget extends RecordingTarget implements BoundedRequests {
    }

    /**
     * An in-memory connection (it delivers on a thread of its own) that says so, and tells when the
     * session has taken in a {@code threads} request.
     */
    private record OwnThread(DapConnection delegate, CountDownLatch threadsRouted) implements DapConnection {
        @Override
        public void start(Consumer<DapMessage> receiver) {
            delegate.start(message -> {
                receiver.accept(message);
                if (message instanceof Request request && request.command().equals("threads")) {
                    threadsRouted.countDown();
                }
            });
        }

        @Override
        public CompletableFuture<Void> send(DapMessage message) {
            return delegate.send(message);
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public CompletableFuture<Void> closeFuture() {
            return delegate.closeFuture();
        }

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public boolean readsOnOwnThread() {
            return true;
        }
    }

    private static <T extends RecordingTarget> T serve(Supplier<T> targets, boolean ownThread,
            BiConsumer<TestClient, T> test) {
        return serve(targets, ownThread, new CountDownLatch(1), test);
    }

    private static <T extends RecordingTarget> T serve(Supplier<T> targets, boolean ownThread,
            CountDownLatch threadsRouted, BiConsumer<TestClient, T> test) {
        AtomicReference<DebugTarget> created = new AtomicReference<>();
        DapServer server = DapServer.builder().target(Fixture.provider(targets, created, new AtomicReference<>()))
                .build();
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        server.serve(ownThread ? new OwnThread(pair.b(), threadsRouted) : pair.b());
        TestClient client = new TestClient(pair.a());
        try {
            client.start("launch", null);
            @SuppressWarnings("unchecked")
            T target = (T) created.get();
            target.stop("breakpoint");
            client.event("stopped");
            test.accept(client, target);
            return target;
        } finally {
            client.close();
            server.close();
        }
    }

    @Test
    void aBoundedRequestOnAnIdleSessionIsAnsweredOnTheReadingThread() {
        RecordingTarget target = serve(BoundedTarget::new, true, (client, t) -> {
            // the session thread may still be finishing the stop's task when the first one comes
            for (int i = 0; i < 20 && t.threadsCalledOn.stream().noneMatch(n -> n.startsWith("dapkit-delivery-")); i++) {
                client.ok("threads", null);
            }
            client.ok("next", json("{'threadId': 1}"));
            client.ok("setBreakpoints", json(BREAKPOINT));
        });

        assertTrue(target.threadsCalledOn.stream().anyMatch(n -> n.startsWith("dapkit-delivery-")),
                "threads never ran on the reading thread: " + target.threadsCalledOn);
        assertTrue(target.threadOf.get("next").startsWith("dapkit-delivery-"), target.threadOf.toString());
        assertTrue(target.threadOf.get("setBreakpoints").startsWith("dapkit-session-"), target.threadOf.toString());
    }

    @Test
    void aBoundedRequestWaitsBehindARunningRequestAndThenRunsOnTheSessionThread() {
        CountDownLatch threadsRouted = new CountDownLatch(1);
        RecordingTarget target = serve(BoundedTarget::new, true, threadsRouted, (client, t) -> {
            t.holdSetBreakpoints = new CountDownLatch(1);
            int held = client.send("setBreakpoints", json(BREAKPOINT));
            awaitQuietly(t.setBreakpointsRunning);
            int threads = client.send("threads", null);
            awaitQuietly(threadsRouted);
            t.holdSetBreakpoints.countDown();
            Response first = client.response(held);
            Response second = client.response(threads);
            assertTrue(first.success() && second.success(), first + " " + second);
            assertTrue(first.seq() < second.seq(), "threads was answered before the request running ahead of it");
        });

        assertTrue(target.threadOf.get("threads").startsWith("dapkit-session-"), target.threadOf.toString());
    }

    @Test
    void withoutTheTargetsPromiseOrAnOwnReadingThreadEverythingRunsOnTheSessionThread() {
        BiConsumer<TestClient, RecordingTarget> fiveTimes = (client, t) -> {
            for (int i = 0; i < 5; i++) {
                client.ok("threads", null);
            }
        };
        RecordingTarget unbounded = serve(RecordingTarget::new, true, fiveTimes);
        RecordingTarget shared = serve(BoundedTarget::new, false, fiveTimes);

        assertTrue(unbounded.threadsCalledOn.stream().allMatch(n -> n.startsWith("dapkit-session-")),
                unbounded.threadsCalledOn.toString());
        assertTrue(shared.threadsCalledOn.stream().allMatch(n -> n.startsWith("dapkit-session-")),
                shared.threadsCalledOn.toString());
        assertTrue(unbounded.threadsCalledOn.size() == 5 && shared.threadsCalledOn.size() == 5);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), "waited in vain");
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        }
    }
}
