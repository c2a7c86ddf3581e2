package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Test;

/** Subscriptions, the event history behind {@code awaitEvent}, and what handlers may do. */
class EventsTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void typedSubscriptionsGetBodiesInArrivalOrderUntilCancelled() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
            EventSubscription stops = f.client.onEvent(StoppedEventArguments.class, e -> seen.add("stop " + e.getThreadId()));
            f.client.onEvent(ContinuedEventArguments.class, e -> seen.add("go " + e.getThreadId()));

            f.adapter.event("stopped", stopped(1, "breakpoint"));
            f.adapter.event("continued", RawJson.parse("{\"threadId\": 1}"));
            f.adapter.event("stopped", stopped(2, "step"));
            assertEquals("stop 1", take(seen));
            assertEquals("go 1", take(seen));
            assertEquals("stop 2", take(seen));

            stops.cancel();
            assertFalse(stops.isActive());
            f.adapter.event("stopped", stopped(3, "step"));
            f.adapter.event("continued", RawJson.parse("{\"threadId\": 3}"));
            assertEquals("go 3", take(seen), "the cancelled subscription saw stop 3");
        }
    }

    @Test
    void rawSubscriptionsSeeEventsWithoutBodiesAndAdapterSpecificOnes() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            LinkedBlockingQueue<Event> seen = new LinkedBlockingQueue<>();
            f.client.onEvent("initialized", seen::add);
            f.client.onEvent("debugpyWaitingForServer", seen::add);
            f.adapter.event("initialized", null);
            f.adapter.event("debugpyWaitingForServer", RawJson.parse("{\"port\": 5678}"));
            assertEquals("initialized", seen.poll(10, TimeUnit.SECONDS).event());
            assertEquals("{\"port\": 5678}", seen.poll(10, TimeUnit.SECONDS).body().toString());
        }
    }

    @Test
    void aTypeThatIsNoEventBodyIsRefused() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> f.client.onEvent(String.class, s -> { }));
            assertTrue(refused.getMessage().startsWith("java.lang.String is the body type of no event"),
                    refused.getMessage());
        }
    }

    @Test
    void awaitEventSeesAnEventThatArrivedBeforeTheCall() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            f.adapter.event("stopped", stopped(1, "breakpoint"));
            // Proof that the event has been received before the wait starts: a response sent after it has arrived.
            CompletableFuture<ThreadsResponse> threads = f.client.server().threads();
            f.adapter.respond(f.adapter.expectRequest("threads"), new ThreadsResponse());
            threads.get(10, TimeUnit.SECONDS);

            StoppedEventArguments stopped = f.client.awaitEvent(StoppedEventArguments.class, e -> true, LONG)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(1, stopped.getThreadId());
        }
    }

    @Test
    void eachEventSatisfiesOneWaitOldestFirstAndPredicatesSelect() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            f.adapter.event("stopped", stopped(1, "breakpoint"));
            f.adapter.event("stopped", stopped(2, "step"));
            f.adapter.event("stopped", stopped(3, "step"));

            assertEquals(2, f.client.awaitEvent(StoppedEventArguments.class, e -> "step".equals(e.getReason()), LONG)
                    .get(10, TimeUnit.SECONDS).getThreadId());
            assertEquals(1, f.client.awaitEvent(StoppedEventArguments.class, e -> true, LONG)
                    .get(10, TimeUnit.SECONDS).getThreadId());
            assertEquals(3, f.client.awaitEvent(StoppedEventArguments.class, e -> true, LONG)
                    .get(10, TimeUnit.SECONDS).getThreadId());

            CompletableFuture<StoppedEventArguments> fourth = f.client.awaitEvent(StoppedEventArguments.class,
                    e -> true, LONG);
            assertFalse(fourth.isDone(), "every kept stop was taken");
            f.adapter.event("stopped", stopped(4, "pause"));
            assertEquals(4, fourth.get(10, TimeUnit.SECONDS).getThreadId());
            assertEquals(4, f.client.eventHistory().size(), "taken events stay in the history");
        }
    }

    @Test
    void theHistoryIsBounded() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b.eventHistoryLimit(3))) {
            for (int i = 1; i <= 5; i++) {
                f.adapter.event("output", output("line " + i));
            }
            f.client.awaitEvent(OutputEventArguments.class, e -> e.getOutput().equals("line 5"), LONG)
                    .get(10, TimeUnit.SECONDS);
            List<Event> kept = f.client.eventHistory();
            assertEquals(3, kept.size());
            assertEquals("{\"output\":\"line 3\"}", kept.get(0).body().toString());

            CompletableFuture<OutputEventArguments> first = f.client.awaitEvent(OutputEventArguments.class,
                    e -> e.getOutput().equals("line 1"), Duration.ofSeconds(1));
            assertFalse(first.isDone(), "line 1 fell out of the history");
            f.time.advance(Duration.ofSeconds(1));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
            assertEquals("no 'output' event (OutputEventArguments) matching the predicate arrived within 1 s;"
                    + " the last events were [output, output, output]", failed.getCause().getMessage());
            assertInstanceOf(DapTimeoutException.class, failed.getCause());
        }
    }

    @Test
    void cancellingAWaitWithdrawsItSoTheNextEventGoesToTheNextWait() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<Event> cancelled = f.client.awaitEvent("stopped", e -> true, LONG);
            CompletableFuture<Event> next = f.client.awaitEvent("stopped", e -> true, LONG);
            cancelled.cancel(false);
            f.adapter.event("stopped", stopped(1, "pause"));
            assertEquals("stopped", next.get(10, TimeUnit.SECONDS).event());
            assertTrue(cancelled.isCancelled());
        }
    }

    @Test
    void aBlockedHandlerDoesNotStopResponsesOrTheHistory() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch blocked = new CountDownLatch(1);
            f.client.onEvent(StoppedEventArguments.class, e -> {
                blocked.countDown();
                await(release);
            });
            f.adapter.event("stopped", stopped(1, "breakpoint"));
            assertTrue(blocked.await(10, TimeUnit.SECONDS));

            // The handler still blocks: the reader goes on, responses complete, later events are kept.
            CompletableFuture<ThreadsResponse> threads = f.client.server().threads();
            f.adapter.respond(f.adapter.expectRequest("threads"), new ThreadsResponse());
            threads.get(10, TimeUnit.SECONDS);
            f.adapter.event("output", output("while blocked"));
            assertEquals("while blocked", f.client.awaitEvent(OutputEventArguments.class, e -> true, LONG)
                    .get(10, TimeUnit.SECONDS).getOutput());
            release.countDown();
        }
    }

    @Test
    void aHandlerThatMakesARequestAndWaitsForItDoesNotDeadlock() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<String> threadName = new CompletableFuture<>();
            f.client.onEvent(StoppedEventArguments.class, e -> {
                ThreadsResponse threads = f.client.server().threads().join();
                threadName.complete(threads.getThreads()[0].getName());
            });
            f.adapter.event("stopped", stopped(1, "breakpoint"));
            Request request = f.adapter.expectRequest("threads");
            Thread main = new Thread();
            main.setId(1);
            main.setName("main");
            ThreadsResponse body = new ThreadsResponse();
            body.setThreads(new Thread[] {main});
            f.adapter.respond(request, body);
            assertEquals("main", threadName.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aHandlerThatThrowsDoesNotStopLaterEvents() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            f.client.onEvent(OutputEventArguments.class, e -> {
                seen.add(e.getOutput());
                if (e.getOutput().equals("boom")) {
                    throw new IllegalStateException("handler bug");
                }
            });
            f.adapter.event("output", output("boom"));
            f.adapter.event("output", output("after"));
            f.client.awaitEvent(OutputEventArguments.class, e -> e.getOutput().equals("after"), LONG)
                    .get(10, TimeUnit.SECONDS);
            CompletableFuture<Void> lane = new CompletableFuture<>();
            f.client.onEvent("marker", e -> lane.complete(null));
            f.adapter.event("marker", null);
            lane.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("boom", "after"), seen);
        }
    }

    @Test
    void eventsWhoseBodyDoesNotFitAreSkippedForTypedHandlersOnly() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            List<Object> typed = new CopyOnWriteArrayList<>();
            CompletableFuture<Event> raw = new CompletableFuture<>();
            f.client.onEvent(StoppedEventArguments.class, typed::add);
            f.client.onEvent("stopped", raw::complete);
            f.adapter.event("stopped", RawJson.parse("{\"threadId\": \"not a number\"}"));
            assertEquals("{\"threadId\": \"not a number\"}", raw.get(10, TimeUnit.SECONDS).body().toString());
            CompletableFuture<Void> lane = new CompletableFuture<>();
            f.client.onEvent("marker", e -> lane.complete(null));
            f.adapter.event("marker", null);
            lane.get(10, TimeUnit.SECONDS);
            assertTrue(typed.isEmpty(), () -> "typed handler got " + typed);
        }
    }

    @Test
    void eventHistoryIsACopy() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            f.adapter.event("output", output("x"));
            f.client.awaitEvent("output", e -> true, LONG).get(10, TimeUnit.SECONDS);
            assertNotSame(f.client.eventHistory(), f.client.eventHistory());
            assertThrows(UnsupportedOperationException.class, () -> f.client.eventHistory().clear());
        }
    }

    static StoppedEventArguments stopped(int threadId, String reason) {
        StoppedEventArguments body = new StoppedEventArguments();
        body.setThreadId(threadId);
        body.setReason(reason);
        return body;
    }

    static OutputEventArguments output(String text) {
        OutputEventArguments body = new OutputEventArguments();
        body.setOutput(text);
        return body;
    }

    private static String take(LinkedBlockingQueue<String> queue) throws InterruptedException {
        String next = queue.poll(10, TimeUnit.SECONDS);
        assertTrue(next != null, "nothing delivered within 10 s");
        return next;
    }

    @Test
    void anEventThatNoSubscriptionWantsAndNoListenerHearsIsNeverHandedToTheExecutor() throws Exception {
        // an executor that keeps what it is given until the end: a task handed to it does not run
        LinkedBlockingQueue<Runnable> handedOver = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicBoolean released = new AtomicBoolean();
        Executor keeping = task -> {
            handedOver.add(task);
            if (released.get()) {
                pool.execute(task);
            }
        };
        try (ClientFixture f = ClientFixture.start(b -> b.executor(keeping))) {
            f.client.onEvent(ContinuedEventArguments.class, e -> { });
            CompletableFuture<StoppedEventArguments> stop = f.client.awaitEvent(StoppedEventArguments.class,
                    e -> true, LONG);
            f.adapter.event("stopped", stopped(1, "step"));
            assertEquals(1, stop.get(10, TimeUnit.SECONDS).getThreadId());

            // read after the event: completed on the reading thread only if nothing of the event is
            // still queued for delivery
            CompletableFuture<ThreadsResponse> threads = f.client.server().threads();
            f.adapter.respond(f.adapter.expectRequest("threads"), new ThreadsResponse());
            threads.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), List.copyOf(handedOver));

            f.adapter.event("continued", new ContinuedEventArguments());
            Runnable delivery = handedOver.poll(10, TimeUnit.SECONDS);
            assertNotNull(delivery, "the subscribed event was not handed over");
            released.set(true);
            pool.execute(delivery);
        } finally {
            pool.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        }
    }
}
