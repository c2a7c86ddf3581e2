package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.CancelArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a request's future, and requests that get no answer in time (on virtual time: the
 * test moves the clock; nothing waits for real).
 */
class CancelAndTimeoutTest {

    @Test
    void cancellingTheFutureSendsDapCancelWhenTheAdapterSupportsIt() throws Exception {
        DapClientListener listener = mock(DapClientListener.class);
        try (ClientFixture f = ClientFixture.start(b -> b.listener(listener))) {
            initialize(f, "{\"supportsCancelRequest\": true}");
            CompletableFuture<EvaluateResponse> evaluate = f.client.server().evaluate(new EvaluateArguments());
            Request request = f.adapter.expectRequest("evaluate");

            assertTrue(evaluate.cancel(true));
            Request cancel = f.adapter.expectRequest("cancel");
            assertEquals(request.seq(), cancel.arguments(CancelArguments.class).getRequestId());
            assertTrue(evaluate.isCancelled());
            assertThrows(CancellationException.class, evaluate::join);

            // The adapter answers the cancelled request as DAP says; the late answer is dropped quietly.
            f.adapter.fail(request, "cancelled", null);
            f.adapter.respond(cancel, null);
            fence(f);
            verify(listener, never()).unmatchedResponse(any());
        }
    }

    @Test
    void withoutCancelSupportTheFutureEndsCancelledAndNothingIsSent() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            initialize(f, "{}");
            CompletableFuture<ThreadsResponse> threads = f.client.server().threads();
            f.adapter.expectRequest("threads");
            threads.cancel(false);
            assertTrue(threads.isCancelled());
            fence(f);
        }
    }

    @Test
    void noAnswerTimesOutNamingTheCommandAndTheTimeout() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b.requestTimeout(Duration.ofMillis(250)))) {
            CompletableFuture<ThreadsResponse> threads = f.client.server().threads();
            f.adapter.expectRequest("threads");
            f.time.advance(Duration.ofMillis(249));
            assertFalse(threads.isDone());

            f.time.advance(Duration.ofMillis(1));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> threads.get(5, TimeUnit.SECONDS));
            DapTimeoutException timeout = assertInstanceOf(DapTimeoutException.class, failed.getCause());
            assertEquals("no response to the 'threads' request (seq 1) from in-memory a within 250 ms",
                    timeout.getMessage());
            assertEquals(Duration.ofMillis(250), timeout.timeout());
        }
    }

    @Test
    void anAnswerInTimeCancelsTheTimeout() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<ThreadsResponse> threads = f.client.server().threads();
            Request request = f.adapter.expectRequest("threads");
            assertEquals(1, f.time.pending());
            f.adapter.respond(request, new ThreadsResponse());
            threads.get(5, TimeUnit.SECONDS);
            assertEquals(0, f.time.pending());
        }
    }

    @Test
    void timeoutsPerCommandPerCallAndNone() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b
                .requestTimeout(Duration.ofSeconds(1))
                .requestTimeout("launch", Duration.ofMinutes(5)))) {
            CompletableFuture<Void> launch = f.client.launch(RawJson.parse("{}"));
            CompletableFuture<ThreadsResponse> quick = f.client.server(Duration.ofMillis(10)).threads();
            CompletableFuture<Void> patient = f.client.request("slow", null, Void.class, DapClient.NO_TIMEOUT);
            CompletableFuture<ThreadsResponse> standard = f.client.server().threads();

            f.time.advance(Duration.ofMillis(10));
            assertTrue(quick.isCompletedExceptionally());
            assertFalse(standard.isDone());
            f.time.advance(Duration.ofSeconds(1));
            assertTrue(standard.isCompletedExceptionally());
            assertFalse(launch.isDone());
            f.time.advance(Duration.ofMinutes(5));
            assertTrue(launch.isCompletedExceptionally());
            f.time.advance(Duration.ofDays(1));
            assertFalse(patient.isDone());
            assertEquals(0, f.time.pending());
        }
    }

    @Test
    void aTimedOutRequestIsCancelledWithTheAdapterWhenItSupportsIt() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b.requestTimeout(Duration.ofSeconds(2)))) {
            initialize(f, "{\"supportsCancelRequest\": true}");
            CompletableFuture<EvaluateResponse> evaluate = f.client.server().evaluate(new EvaluateArguments());
            Request request = f.adapter.expectRequest("evaluate");
            f.time.advance(Duration.ofSeconds(2));
            assertTrue(evaluate.isCompletedExceptionally());
            assertEquals(request.seq(), f.adapter.expectRequest("cancel").arguments(CancelArguments.class).getRequestId());
        }
    }

    @Test
    void timeoutsMustBePositive() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                    () -> f.client.server(Duration.ZERO));
            assertEquals("request timeout must be positive, or DapClient.NO_TIMEOUT for none, not PT0S", zero.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> f.client.request("x", null, Void.class, Duration.ofSeconds(-1)));
            assertThrows(IllegalArgumentException.class,
                    () -> f.client.awaitEvent("stopped", e -> true, Duration.ZERO));
        }
    }

    /** Answers initialize with these capabilities. */
    static void initialize(ClientFixture f, String capabilities) throws Exception {
        CompletableFuture<?> initialize = f.client.server().initialize(new InitializeRequestArguments());
        f.adapter.respond(f.adapter.expectRequest("initialize"), RawJson.parse(capabilities));
        initialize.get(5, TimeUnit.SECONDS);
    }

    /**
     * Proves the client sent nothing else: a request made now must be the next thing the adapter
     * reads, since the client's messages arrive in the order they were sent. Then proves the
     * client has handled everything the adapter sent before: the fence's response has been
     * matched, and an event sent after it has passed the ordered event lane (where listener
     * calls for earlier messages ran first).
     */
    static void fence(ClientFixture f) throws Exception {
        CompletableFuture<Void> answered = f.client.request("fence", null, Void.class);
        f.adapter.respond(f.adapter.expectRequest("fence"), null);
        answered.get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> lane = new CompletableFuture<>();
        EventSubscription marker = f.client.onEvent("fenceMarker", e -> lane.complete(null));
        f.adapter.event("fenceMarker", null);
        lane.get(10, TimeUnit.SECONDS);
        marker.cancel();
    }
}
