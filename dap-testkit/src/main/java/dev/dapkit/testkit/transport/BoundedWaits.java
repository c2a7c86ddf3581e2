package dev.dapkit.testkit.transport;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dapkit.model.transport.ConnectionClosedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on futures for the conformance suite, each bounded by {@link #WAIT} and failing the test with what it waited for. */
final class BoundedWaits {

    /** The longest any one wait lasts. */
    static final Duration WAIT = TransportConformanceSuite.WAIT;

    private BoundedWaits() {
    }

    /** Each send completes, or fails with {@link ConnectionClosedException}, within {@link #WAIT}. */
    static void everySendSettles(List<CompletableFuture<Void>> sends) throws Exception {
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                assertInstanceOf(ConnectionClosedException.class, e.getCause(), "send " + (i + 1) + " failed otherwise");
            } catch (TimeoutException e) {
                fail("send " + (i + 1) + " of " + sends.size() + " neither completed nor failed within " + WAIT);
            }
        }
    }

    static void allComplete(List<CompletableFuture<Void>> futures) throws Exception {
        complete(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), futures.size() + " sends");
    }

    static void complete(CompletableFuture<?> future, String what) throws Exception {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            fail(what + " did not complete within " + WAIT);
        }
    }

    /** Waits for {@code future} to complete either way. */
    static void settles(CompletableFuture<?> future, String what) throws InterruptedException {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            assertTrue(future.isCompletedExceptionally());
        } catch (TimeoutException e) {
            fail(what + " did not complete within " + WAIT);
        }
    }

    static Throwable failure(CompletableFuture<?> future, String what) throws InterruptedException {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return fail(what + " did not complete within " + WAIT);
        }
        return fail(what + " completed normally; a failure was expected");
    }

    static void failsWithConnectionClosed(CompletableFuture<?> future, String what) throws InterruptedException {
        assertInstanceOf(ConnectionClosedException.class, failure(future, what), what);
    }
}
