package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.RequestCancellation;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetVariable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code cancel}: answered by the engine for queued requests, signalled per request to running ones. */
class CancelTest {

    /**
     * A target whose {@code threads} waits until the test lets it go on ({@link #go}), and only then
     * looks at its cancellation signal, as a target that registers late would. It records the signal
     * it saw, whether it was cancelled, and whether an action registered then ran at once.
     */
    static class LateLookingTarget extends FakeTarget {
        final LinkedBlockingQueue<CountDownLatch> go = new LinkedBlockingQueue<>();
        final List<RequestCancellation> signals = new CopyOnWriteArrayList<>();
        final List<Boolean> sawCancelled = new CopyOnWriteArrayList<>();
        final List<Boolean> actionRanAtOnce = new CopyOnWriteArrayList<>();

        @Override
        public List<org.eclipse.lsp4j.debug.Thread> threads() throws TargetException {
            CountDownLatch release = new CountDownLatch(1);
            go.add(release);
            await(release);
            RequestCancellation signal = context.currentRequest();
            signals.add(signal);
            CountDownLatch ran = new CountDownLatch(1);
            signal.onCancel(ran::countDown);
            actionRanAtOnce.add(ran.getCount() == 0);
            sawCancelled.add(signal.isCancelled());
            if (signal.isCancelled()) {
                throw TargetException.of(9, "stopped early");
            }
            return super.threads();
        }

        /** Waits until {@code threads} has been entered once more; returns the latch that lets it go on. */
        CountDownLatch awaitEntered() throws InterruptedException {
            CountDownLatch release = go.poll(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            assertTrue(release != null, "threads never ran");
            return release;
        }
    }

    /** A target whose {@code threads} blocks until its cancellation action wakes it. */
    static class InterruptibleTarget extends FakeTarget {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch woken = new CountDownLatch(1);

        @Override
        public List<org.eclipse.lsp4j.debug.Thread> threads() throws TargetException {
            RequestCancellation signal = context.currentRequest();
            signal.onCancel(woken::countDown);
            entered.countDown();
            await(woken);
            throw TargetException.of(9, "interrupted by the cancel");
        }
    }

    /** A target whose breakpoint condition runs until its cancellation action wakes it. */
    static class RunawayConditionTarget extends ConditionsTest.EvaluatingTarget {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch woken = new CountDownLatch(1);

        @Override
        public TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext context)
                throws TargetException {
            this.context.currentRequest().onCancel(woken::countDown);
            entered.countDown();
            CancelTest.await(woken);
            throw TargetException.of(9, "interrupted by the cancel");
        }
    }

    static void await(CountDownLatch latch) throws TargetException {
        try {
            if (!latch.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw TargetException.of(99, "never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TargetException.of(99, "interrupted");
        }
    }

    @Test
    void aQueuedRequestIsAnsweredCancelledAndNeverRuns() throws Exception {
        try (Fixture f = Fixture.of(LateLookingTarget::new)) {
            f.client.start("launch", null);
            LateLookingTarget target = f.target();
            int threads = f.client.send("threads", null);
            CountDownLatch release = target.awaitEntered();
            int pause = f.client.send("pause", json("{'threadId': 1}"));

            Response cancel = f.client.ok("cancel", json("{'requestId': " + pause + "}"));
            Response paused = f.client.response(pause);
            assertFalse(paused.success());
            assertEquals("cancelled", paused.message());
            assertEquals(EngineError.CANCELLED.id(), TestClient.errorId(paused));
            assertTrue(cancel.success());

            release.countDown();
            assertTrue(f.client.response(threads).success(), "the running request is still answered normally");
            assertTrue(target.calls("pause").isEmpty(), "the cancelled request ran: " + target.calls);
        }
    }

    @Test
    void aCancelThatArrivesBeforeTheTargetLooksIsNotLost() throws Exception {
        try (Fixture f = Fixture.of(LateLookingTarget::new)) {
            f.client.start("launch", null);
            LateLookingTarget target = f.target();
            int threads = f.client.send("threads", null);
            CountDownLatch release = target.awaitEntered();
            f.client.ok("cancel", json("{'requestId': " + threads + "}"));
            release.countDown();

            Response r = f.client.response(threads);
            assertEquals(List.of(true), target.sawCancelled, "the target looked after the cancel and must see it");
            assertEquals(List.of(true), target.actionRanAtOnce, "an action registered after the cancel runs at once");
            assertFalse(r.success());
            assertEquals("cancelled", r.message());
            assertEquals(9, TestClient.errorId(r), "the target's own error stays in the body");
            assertEquals(1, f.client.received().stream()
                    .filter(m -> m instanceof Response x && x.requestSeq() == threads).count(), "exactly one response");
        }
    }

    @Test
    void aCancelWakesTheActionTheRunningRequestRegistered() throws Exception {
        try (Fixture f = Fixture.of(InterruptibleTarget::new)) {
            f.client.start("launch", null);
            InterruptibleTarget target = f.target();
            int threads = f.client.send("threads", null);
            assertTrue(target.entered.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            f.client.ok("cancel", json("{'requestId': " + threads + "}"));
            Response r = f.client.response(threads);
            assertEquals("cancelled", r.message());
            assertEquals(9, TestClient.errorId(r), "woken by the cancel, not by the timeout: " + TestClient.errorText(r));
        }
    }

    @Test
    void aCancelOfOneRequestNeverReachesTheNext() throws Exception {
        try (Fixture f = Fixture.of(LateLookingTarget::new)) {
            f.client.start("launch", null);
            LateLookingTarget target = f.target();
            int first = f.client.send("threads", null);
            CountDownLatch releaseFirst = target.awaitEntered();
            f.client.ok("cancel", json("{'requestId': " + first + "}"));
            releaseFirst.countDown();
            assertEquals("cancelled", f.client.response(first).message());

            int second = f.client.send("threads", null);
            CountDownLatch releaseSecond = target.awaitEntered();
            // a late cancel of the first, while the second runs, must not touch the second
            f.client.ok("cancel", json("{'requestId': " + first + "}"));
            releaseSecond.countDown();
            assertTrue(f.client.response(second).success(), "the second request was cancelled too");
            assertEquals(List.of(true, false), target.sawCancelled);
            assertNotSame(target.signals.get(0), target.signals.get(1), "each request has its own signal");
            assertFalse(target.signals.get(1).isCancelled());
        }
    }

    @Test
    void closingTheConnectionCancelsTheRunningRequest() throws Exception {
        try (Fixture f = Fixture.of(InterruptibleTarget::new)) {
            f.client.start("launch", null);
            InterruptibleTarget target = f.target();
            f.client.send("threads", null);
            assertTrue(target.entered.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            f.client.close();
            assertTrue(target.woken.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS),
                    "nobody can read the answer any more, so the request is cancelled");
        }
    }

    @Test
    void closingTheConnectionCancelsTheEnginesOwnCallToo() throws Exception {
        try (Fixture f = Fixture.of(RunawayConditionTarget::new)) {
            f.client.start("launch", null);
            int id = ConditionsTest.setOne(f, "{'line': 3, 'condition': 'forever'}");
            RunawayConditionTarget target = f.target();
            target.stopAtBreakpoint(id);
            assertTrue(target.entered.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            f.client.close();
            assertTrue(target.woken.await(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS),
                    "a runaway breakpoint condition must not hold the session after the client left");
        }
    }

    @Test
    void outsideACallTheSignalNeverCancels() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            // answered after its call into the target has ended (unlike the launch, answered from within configurationDone)
            f.client.ok("threads", null);
            assertSame(RequestCancellation.never(), f.context().currentRequest());
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
    void capabilitiesAdvertiseCancelForEveryTarget() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            Response init = f.client.initialize(null);
            assertTrue(TestClient.body(init).path("supportsCancelRequest").asBoolean());
        }
    }
}
