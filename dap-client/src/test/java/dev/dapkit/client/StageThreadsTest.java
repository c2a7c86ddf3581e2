package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Test;

/**
 * The threading contract of the futures the client hands out: they are completed on the thread
 * that reads the connection, but no stage chained on them runs there, with or without
 * {@code Async}, before or after completion.
 */
class StageThreadsTest {

    private static final long SECONDS = 10;

    /** Every way to chain a stage without naming an executor, each recording its thread. */
    private static List<CompletableFuture<?>> chainEveryWay(CompletableFuture<?> future, List<Thread> threads) {
        Function<Object, Object> record = value -> {
            threads.add(Thread.currentThread());
            return value;
        };
        CompletableFuture<Object> other = CompletableFuture.completedFuture("other");
        return List.of(
                future.thenApply(record),
                future.thenAccept(record::apply),
                future.thenRun(() -> record.apply(null)),
                future.handle((value, failure) -> record.apply(value)),
                future.whenComplete((value, failure) -> record.apply(value)),
                future.thenCompose(value -> CompletableFuture.completedFuture(record.apply(value))),
                future.thenCombine(other, (a, b) -> record.apply(a)),
                future.thenAcceptBoth(other, (a, b) -> record.apply(a)),
                future.runAfterBoth(other, () -> record.apply(null)),
                future.thenApply(record).thenApply(record),
                future.thenApply(value -> (Object) value).exceptionally(failure -> record.apply(null)).thenApply(record));
    }

    private static void assertOnlyClientThreads(List<Thread> threads, int atLeast) {
        assertTrue(threads.size() >= atLeast, "only " + threads.size() + " stages ran");
        for (Thread thread : threads) {
            assertTrue(thread.getName().startsWith("dapkit-client-"), "a stage ran on " + thread.getName());
        }
    }

    private static void awaitAll(List<CompletableFuture<?>> stages) throws Exception {
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void stagesOfAResponseFutureRunOnTheClientsExecutorWhetherChainedBeforeOrAfterItCompleted() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            CompletableFuture<ThreadsResponse> threadsFuture = f.client.server().threads();
            List<CompletableFuture<?>> before = chainEveryWay(threadsFuture, threads);
            f.adapter.respond(f.adapter.expectRequest("threads"), new ThreadsResponse());
            threadsFuture.get(SECONDS, TimeUnit.SECONDS);
            awaitAll(before);
            List<CompletableFuture<?>> after = chainEveryWay(threadsFuture, threads);
            awaitAll(after);
            assertOnlyClientThreads(threads, 2 * 11);
        }
    }

    @Test
    void stagesOfAFailedResponseAndOfAnEventWaitRunOnTheClientsExecutor() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            CompletableFuture<ThreadsResponse> failing = f.client.server().threads();
            CompletableFuture<Object> recovered = failing.exceptionally(failure -> {
                threads.add(Thread.currentThread());
                return null;
            }).thenApply(value -> value);
            f.adapter.fail(f.adapter.expectRequest("threads"), "no threads here", null);
            recovered.get(SECONDS, TimeUnit.SECONDS);

            CompletableFuture<Event> waited = f.client.awaitEvent("custom", e -> true, Duration.ofSeconds(SECONDS));
            List<CompletableFuture<?>> stages = chainEveryWay(waited, threads);
            f.adapter.event("custom", null);
            awaitAll(stages);
            assertOnlyClientThreads(threads, 1 + 11);
        }
    }

    @Test
    void aDependentStageIsAsSafeAsTheFutureItCameFrom() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletionStage<ThreadsResponse> threadsFuture = f.client.server().threads();
            CompletableFuture<ThreadsResponse> dependent = threadsFuture.thenApply(r -> r).toCompletableFuture();
            f.adapter.respond(f.adapter.expectRequest("threads"), new ThreadsResponse());
            dependent.get(SECONDS, TimeUnit.SECONDS);
            List<Thread> threads = new CopyOnWriteArrayList<>();
            awaitAll(chainEveryWay(dependent, threads));
            assertOnlyClientThreads(threads, 11);
            assertEquals(ThreadsResponse.class, dependent.get().getClass());
        }
    }

    @Test
    void responsesAndWaitsCompleteWhileAHandlerHoldsUpTheEventLane() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch handling = new java.util.concurrent.CountDownLatch(1);
            f.client.onEvent("slow", e -> {
                handling.countDown();
                try {
                    release.await(SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                f.adapter.event("slow", null);
                assertTrue(handling.await(SECONDS, TimeUnit.SECONDS), "the handler did not start");
                CompletableFuture<Event> waited = f.client.awaitEvent("after", e -> true, Duration.ofSeconds(SECONDS));
                CompletableFuture<ThreadsResponse> threadsFuture = f.client.server().threads();
                f.adapter.event("after", null);
                f.adapter.respond(f.adapter.expectRequest("threads"), new ThreadsResponse());
                // neither may queue behind the handler: it could itself be waiting for them
                assertEquals("after", waited.get(SECONDS, TimeUnit.SECONDS).event());
                threadsFuture.get(SECONDS, TimeUnit.SECONDS);
            } finally {
                release.countDown();
            }
        }
    }
}
