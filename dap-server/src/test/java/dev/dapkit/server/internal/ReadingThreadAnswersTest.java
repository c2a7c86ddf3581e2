package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.spi.BoundedInspection;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.StepOptions;
import dev.dapkit.server.spi.TargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.Thread;
import org.junit.jupiter.api.Test;

/**
 * A bounded inspection request that finds the session idle is answered on the connection's own
 * reading thread; every other request, and one that finds the session busy, on the session thread.
 */
class ReadingThreadAnswersTest {

    /** Records the thread of each call; {@code next} can be held. */
    static class RecordingTarget extends FakeTarget {
        final Map<String, String> threadOf = new ConcurrentHashMap<>();
        final CountDownLatch nextRunning = new CountDownLatch(1);
        volatile CountDownLatch holdNext = new CountDownLatch(0);

        @Override
        public List<Thread> threads() throws TargetException {
            threadOf.put("threads", java.lang.Thread.currentThread().getName());
            return super.threads();
        }

        @Override
        public void next(int threadId, StepOptions options) throws TargetException {
            threadOf.put("next", java.lang.Thread.currentThread().getName());
            nextRunning.countDown();
            try {
                holdNext.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
            }
            super.next(threadId, options);
        }
    }

    static class BoundedTarget extends RecordingTarget implements BoundedInspection {
    }

    /** An in-memory connection (it delivers on a thread of its own) that says so. */
    private record OwnThread(DapConnection delegate) implements DapConnection {
        @Override
        public void start(Consumer<DapMessage> receiver) {
            delegate.start(receiver);
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
        AtomicReference<DebugTarget> created = new AtomicReference<>();
        DapServer server = DapServer.builder().target(Fixture.provider(targets, created, new AtomicReference<>()))
                .build();
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        server.serve(ownThread ? new OwnThread(pair.b()) : pair.b());
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
            client.ok("threads", null);
            client.ok("next", json("{'threadId': 1}"));
        });

        assertTrue(target.threadOf.get("threads").startsWith("dapkit-delivery-"), target.threadOf.toString());
        assertTrue(target.threadOf.get("next").startsWith("dapkit-session-"), target.threadOf.toString());
    }

    @Test
    void aBoundedRequestWaitsBehindARunningRequestAndThenRunsOnTheSessionThread() {
        RecordingTarget target = serve(BoundedTarget::new, true, (client, t) -> {
            t.holdNext = new CountDownLatch(1);
            int next = client.send("next", json("{'threadId': 1}"));
            awaitQuietly(t.nextRunning);
            int threads = client.send("threads", null);
            t.holdNext.countDown();
            Response first = client.response(next);
            Response second = client.response(threads);
            assertTrue(first.success() && second.success(), first + " " + second);
            assertTrue(first.seq() < second.seq(), "threads was answered before the next running ahead of it");
        });

        assertTrue(target.threadOf.get("threads").startsWith("dapkit-session-"), target.threadOf.toString());
    }

    @Test
    void withoutTheTargetsPromiseOrAnOwnReadingThreadEverythingRunsOnTheSessionThread() {
        RecordingTarget unbounded = serve(RecordingTarget::new, true, (client, t) -> client.ok("threads", null));
        RecordingTarget shared = serve(BoundedTarget::new, false, (client, t) -> client.ok("threads", null));

        assertTrue(unbounded.threadOf.get("threads").startsWith("dapkit-session-"), unbounded.threadOf.toString());
        assertTrue(shared.threadOf.get("threads").startsWith("dapkit-session-"), shared.threadOf.toString());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), "the held request never ran");
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        }
    }
}
