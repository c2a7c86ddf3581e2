package dev.dapkit.client.internal;

import dev.dapkit.client.DapClientException;
import dev.dapkit.client.DapTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks a script on a future for at most one step timeout, turning what comes out into the
 * client's exceptions. Immutable and thread-safe.
 */
public final class BoundedWait {

    private final Duration timeout;

    public BoundedWait(Duration timeout) {
        this.timeout = Timeouts.check(timeout, "step timeout");
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * The future's value.
     *
     * @param what what is awaited, for messages, e.g. {@code the 'next' request}
     * @throws DapTimeoutException when it takes longer than the timeout (the future is then cancelled)
     * @throws DapClientException the future's own failure when it is one, else one wrapping it
     */
    public <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new DapTimeoutException(what + " did not finish within " + Timeouts.describe(timeout)
                    + " (the session's step timeout)", timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DapClientException failure) {
                // Thrown on another thread: keep where the script was waiting, too.
                failure.addSuppressed(new DapClientException("awaited here: " + what));
                throw failure;
            }
            throw new DapClientException(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DapClientException("interrupted while waiting for " + what, e);
        }
    }
}
