package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.ConditionsTest.marker;
import static dev.dapkit.server.internal.ConditionsTest.setOne;
import static dev.dapkit.server.internal.TestClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.StepOptions;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetVariable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.junit.jupiter.api.Test;

/**
 * The engine never calls into the target from inside a {@code TargetEvents} method: a target may
 * report while holding a lock its request methods take, and may report from inside a request.
 */
class ReentrancyTest {

    /**
     * A target guarded by one non-reentrant lock, as a debuggee connection often is: every request
     * method takes it. A call made on a thread that holds it (a call from inside an event) is
     * recorded as a violation instead of deadlocking; so is a call made while another request of
     * this target is still running.
     */
    static class LockedTarget extends ConditionsTest.EvaluatingTarget implements Evaluator {
        final Semaphore lock = new Semaphore(1);
        final List<String> violations = new CopyOnWriteArrayList<>();
        volatile Thread holder;
        volatile String inside;

        <T> T guarded(String call, TargetCall<T> body) throws TargetException {
            if (Thread.currentThread() == holder) {
                violations.add(call + " was called from inside an event, on the thread holding the target's lock");
                return null;
            }
            if (inside != null) {
                violations.add(call + " was called while '" + inside + "' was still running");
            }
            try {
                if (!lock.tryAcquire(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    violations.add(call + " waited for the target's lock in vain (deadlock)");
                    throw TargetException.of(98, "deadlock");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TargetException.of(98, "interrupted");
            }
            String outer = inside;
            inside = call;
            try {
                return body.call();
            } finally {
                inside = outer;
                lock.release();
            }
        }

        /** Runs {@code reports} on a new thread that holds the target's lock meanwhile. */
        void reportHoldingTheLock(Runnable reports) throws Exception {
            CompletableFuture.runAsync(() -> {
                lock.acquireUninterruptibly();
                holder = Thread.currentThread();
                try {
                    reports.run();
                } finally {
                    holder = null;
                    lock.release();
                }
            }).get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public StackTracePage stackTrace(int threadId, int startFrame, int levels) throws TargetException {
            return guarded("stackTrace", () -> super.stackTrace(threadId, startFrame, levels));
        }

        @Override
        public TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext context)
                throws TargetException {
            return guarded("evaluate", () -> super.evaluate(frame, expression, context));
        }

        @Override
        public void resumeFilteredStop(int threadId, boolean allThreadsStopped) throws TargetException {
            guarded("resumeFilteredStop", () -> {
                super.resumeFilteredStop(threadId, allThreadsStopped);
                return null;
            });
        }

        @Override
        public List<org.eclipse.lsp4j.debug.Thread> threads() throws TargetException {
            return guarded("threads", super::threads);
        }

        /** Reports the stop from inside the request, on the session thread, as a fast target may. */
        @Override
        public void next(int threadId, StepOptions options) throws TargetException {
            guarded("next", () -> {
                super.next(threadId, options);
                stopAtBreakpoint(stepLandsOn);
                return null;
            });
        }

        volatile int stepLandsOn;
    }

    @FunctionalInterface
    interface TargetCall<T> {
        T call() throws TargetException;
    }

    @Test
    void eventsReportedWhileHoldingTheTargetsLockAreActedOnLater() throws Exception {
        try (Fixture f = Fixture.of(LockedTarget::new)) {
            f.client.start("launch", null);
            int quiet = setOne(f, "{'line': 3, 'condition': 'flag'}");
            LockedTarget target = f.target();
            target.reportHoldingTheLock(() -> {
                target.stopAtBreakpoint(quiet);
                ThreadEventArguments thread = new ThreadEventArguments();
                thread.setReason("started");
                thread.setThreadId(2);
                target.events().thread(thread);
                OutputEventArguments out = new OutputEventArguments();
                out.setOutput("held\n");
                target.events().output(out);
                Breakpoint added = new Breakpoint();
                added.setVerified(true);
                target.events().breakpointAdded(added);
                target.events().continued(1, true);
            });
            marker(target, "after\n");
            f.client.event("output", b -> b.path("output").asText().equals("after\n"));
            f.client.event("thread");
            f.client.event("breakpoint");
            f.client.event("continued");

            assertEquals(List.of(), target.violations);
            assertEquals(List.of("evaluate flag BREAKPOINT_CONDITION in main"), target.calls("evaluate"),
                    "the condition was tested, after the reporting thread let go of the lock");
            assertEquals(List.of("resumeFilteredStop 1 true"), target.calls("resume"));
        }
    }

    @Test
    void aStopReportedFromInsideARequestIsTestedAfterTheRequest() throws Exception {
        try (Fixture f = Fixture.of(LockedTarget::new)) {
            f.client.start("launch", null);
            LockedTarget target = f.target();
            target.stepLandsOn = setOne(f, "{'line': 3, 'condition': 'yes'}");
            f.client.ok("next", TestClient.json("{'threadId': 1}"));
            assertEquals("breakpoint", body(f.client.event("stopped")).path("reason").asText());
            assertEquals(List.of(), target.violations);
            assertTrue(target.calls("evaluate").size() == 1, target.calls.toString());
        }
    }
}
