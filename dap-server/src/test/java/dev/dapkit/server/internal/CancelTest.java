package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.CancellableRequests;
import dev.dapkit.server.spi.TargetException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancelTest {

    /** A target whose {@code threads} blocks until released or cancelled. */
    static class BlockingTarget extends FakeTarget implements CancellableRequests {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean cancelled;

        @Override
        public List<org.eclipse.lsp4j.debug.Thread> threads() throws TargetException {
            entered.countDown();
            try {
                if (!release.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw TargetException.of(9, "never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (cancelled) {
                throw TargetException.of(9, "stopped early");
            }
            return super.threads();
        }

        @Override
        public void cancelCurrentRequest() {
            cancelled = true;
            release.countDown();
        }
    }

    @Test
    void aQueuedRequestIsAnsweredCancelledAndNeverRuns() throws Exception {
        try (Fixture f = Fixture.of(BlockingTarget::new)) {
            f.client.start("launch", null);
            BlockingTarget target = f.target();
            int threads = f.client.send("threads", null);
            assertTrue(target.entered.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            int pause = f.client.send("pause", json("{'threadId': 1}"));

            Response cancel = f.client.ok("cancel", json("{'requestId': " + pause + "}"));
            Response paused = f.client.response(pause);
            assertFalse(paused.success());
            assertEquals("cancelled", paused.message());
            assertEquals(EngineError.CANCELLED.id(), TestClient.errorId(paused));
            assertTrue(cancel.success());

            target.release.countDown();
            assertTrue(f.client.response(threads).success(), "the running request is still answered normally");
            f.client.ok("threads", null);
            assertTrue(target.calls("pause").isEmpty(), "the cancelled request ran: " + target.calls);
        }
    }

    @Test
    void aRunningRequestIsSignalledAndStillAnswered() throws Exception {
        try (Fixture f = Fixture.of(BlockingTarget::new)) {
            f.client.start("launch", null);
            BlockingTarget target = f.target();
            int threads = f.client.send("threads", null);
            assertTrue(target.entered.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));

            f.client.ok("cancel", json("{'requestId': " + threads + "}"));
            Response r = f.client.response(threads);
            assertTrue(target.cancelled, "cancelCurrentRequest was not called");
            assertFalse(r.success());
            assertEquals("cancelled", r.message());
            assertEquals(9, TestClient.errorId(r), "the target's own error stays in the body");
            assertEquals(1, f.client.received().stream()
                    .filter(m -> m instanceof Response x && x.requestSeq() == threads).count(), "exactly one response");
        }
    }

    @Test
    void cancellingSomethingAlreadyAnsweredIsHarmless() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            int threads = f.client.send("threads", null);
            f.client.response(threads);
            assertTrue(f.client.ok("cancel", json("{'requestId': " + threads + "}")).success());
            assertEquals(1, f.client.received().stream()
                    .filter(m -> m instanceof Response x && x.requestSeq() == threads).count());
        }
    }

    @Test
    void capabilitiesAdvertiseCancel() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            Response init = f.client.initialize(null);
            assertTrue(TestClient.body(init).path("supportsCancelRequest").asBoolean());
        }
    }
}
