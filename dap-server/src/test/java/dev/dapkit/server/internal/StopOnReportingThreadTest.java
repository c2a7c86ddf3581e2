package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A stop with nothing for the target to test is shown on the thread that reports it, when the
 * session is idle: the client hears of it without waiting for the session thread to wake. The
 * target's read-ahead ({@code stopShown}) and any breakpoint condition still run on the session
 * thread, never inside the target's call.
 */
class StopOnReportingThreadTest {

    private static final String SESSION_THREAD = "gated-session-thread";

    /** Runs tasks on one thread of its own; while shut, holds them back until it is opened. */
    static final class GatedExecutor implements Executor, AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, SESSION_THREAD);
            t.setDaemon(true);
            return t;
        });
        private final List<Runnable> held = new ArrayList<>();
        private boolean shut;

        @Override
        public synchronized void execute(Runnable task) {
            if (shut) {
                held.add(task);
                notifyAll();
            } else {
                thread.execute(task);
            }
        }

        /** Waits for every task handed over so far to finish, then holds back the ones that follow. */
        void shutWhenIdle() throws Exception {
            thread.submit(() -> { }).get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            synchronized (this) {
                shut = true;
            }
        }

        /** Waits until a task is held back: the session has queued work for its thread. */
        synchronized void awaitHeld() throws InterruptedException {
            long deadline = System.currentTimeMillis() + TestClient.TIMEOUT_MILLIS;
            while (held.isEmpty()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("the session queued nothing for its thread");
                }
                wait(left);
            }
        }

        synchronized void open() {
            shut = false;
            held.forEach(thread::execute);
            held.clear();
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    /** Records the thread each condition is evaluated on. */
    static class ThreadRecordingTarget extends ConditionsTest.EvaluatingTarget {
        final List<String> evaluatedOn = new CopyOnWriteArrayList<>();

        @Override
        public TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext context)
                throws TargetException {
            evaluatedOn.add(Thread.currentThread().getName());
            return super.evaluate(frame, expression, context);
        }
    }

    @Test
    void aStepIsShownWhileTheSessionThreadIsHeldAndItsReadAheadWaitsForIt() {
        serve(FakeTarget::new, (client, target, gate) -> {
            gate.shutWhenIdle();
            target.stop("step");

            // with the stop queued for the session thread, this would wait in vain
            assertEquals("step", body(client.event("stopped")).path("reason").asText());
            assertEquals(List.of(), target.calls("stopShown"), "the target was called from inside its own report");

            gate.open();
            client.ok("threads", null);
            assertEquals(List.of("stopShown 1"), target.calls("stopShown"));
        });
    }

    @Test
    void aStopWithAConditionIsTestedOnTheSessionThread() {
        serve(ThreadRecordingTarget::new, (client, target, gate) -> {
            int id = body(client.ok("setBreakpoints", json("{'source': {'path': '/remote/app/main.py'},"
                    + " 'breakpoints': [{'line': 3, 'condition': 'yes'}]}"))).path("breakpoints").get(0).path("id")
                    .asInt();
            gate.shutWhenIdle();
            target.stopAtBreakpoint(id);
            gate.open();

            assertEquals(id, body(client.event("stopped")).path("hitBreakpointIds").get(0).asInt());
            assertEquals(List.of(SESSION_THREAD), target.evaluatedOn);
            client.ok("threads", null);
            assertEquals(List.of("stopShown 1"), target.calls("stopShown"));
        });
    }

    @Test
    void aStopThatFindsTheSessionBusyWaitsForItsTurn() {
        serve(FakeTarget::new, (client, target, gate) -> {
            gate.shutWhenIdle();
            // a request queued on the held session thread: the stop must not overtake its answer
            int seq = client.send("threads", null);
            gate.awaitHeld();
            target.stop("step");
            gate.open();

            client.event("stopped");
            List<String> order = client.received().stream()
                    .map(m -> m instanceof Response r && r.requestSeq() == seq ? "threads"
                            : m instanceof Event e && e.event().equals("stopped") ? "stopped" : null)
                    .filter(Objects::nonNull).toList();
            assertTrue(order.indexOf("threads") < order.lastIndexOf("stopped"), "order seen: " + order);
        });
    }

    private interface GatedTest<T extends FakeTarget> {
        void run(TestClient client, T target, GatedExecutor gate) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T extends FakeTarget> void serve(Supplier<T> targets, GatedTest<T> test) {
        AtomicReference<DebugTarget> created = new AtomicReference<>();
        try (GatedExecutor gate = new GatedExecutor()) {
            DapServer server = DapServer.builder().target(Fixture.provider(targets, created, new AtomicReference<>()))
                    .executor(gate).build();
            InMemoryConnections.Pair pair = InMemoryConnections.pair();
            server.serve(pair.b());
            TestClient client = new TestClient(pair.a());
            try {
                client.start("launch", null);
                test.run(client, (T) created.get(), gate);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                client.close();
                server.close();
            }
        }
    }
}
