package dev.dapkit.client.internal;

import dev.dapkit.model.transport.ProcessConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An adapter process that the client started and therefore ends: when the client closes, the
 * adapter gets {@value #EXIT_GRACE_MILLIS} ms to exit after its standard input closed (what a
 * well-behaved adapter waits for), then is destroyed, then {@value #DESTROY_GRACE_MILLIS} ms
 * later destroyed forcibly along with its descendants.
 *
 * <p>Thread-safe.
 */
final class AdapterProcess {

    static final long EXIT_GRACE_MILLIS = 2000;
    static final long DESTROY_GRACE_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(AdapterProcess.class);

    private AdapterProcess() {
    }

    /**
     * Ends the process of {@code connection} (whose standard input the caller has closed).
     *
     * @return a future that completes when the process has exited
     */
    static CompletableFuture<Void> stop(ProcessConnection connection) {
        Process process = connection.process();
        return process.onExit()
                .completeOnTimeout(null, EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)
                .thenCompose(exited -> {
                    if (!process.isAlive()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    LOG.debug("adapter {} did not exit {} ms after its input closed; destroying it",
                            connection.description(), EXIT_GRACE_MILLIS);
                    process.destroy();
                    return process.onExit().completeOnTimeout(null, DESTROY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                })
                .thenCompose(exited -> {
                    if (!process.isAlive()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    LOG.warn("adapter {} survived destroy(); destroying it and its descendants forcibly",
                            connection.description());
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    return process.onExit();
                })
                .thenApply(exited -> null);
    }
}
