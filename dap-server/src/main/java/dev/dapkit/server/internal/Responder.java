package dev.dapkit.server.internal;

import dev.dapkit.model.Response;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the one response of each request: a success with its body, or an error made by the
 * {@link ErrorMapper}. A second answer to the same request is a bug and is dropped (and logged).
 *
 * <p>Thread-safe.
 */
final class Responder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final MessageSequencer sequencer;
    private final ErrorMapper errors;
    private final OpenRequests open;

    Responder(MessageSequencer sequencer, ErrorMapper errors, OpenRequests open) {
        this.sequencer = sequencer;
        this.errors = errors;
        this.open = open;
    }

    /** Answers with success and {@code body} (null for none). */
    CompletableFuture<Void> succeed(PendingRequest pending, Object body) {
        return send(pending, Response.success(pending.request(), body));
    }

    /** Answers with the error for {@code failure}; {@code cancelled} when the client cancelled it meanwhile. */
    CompletableFuture<Void> fail(PendingRequest pending, Throwable failure) {
        return send(pending, errors.toResponse(pending.request(), failure, pending.cancelRequested()));
    }

    /** Answers a request that was cancelled before it ran. */
    CompletableFuture<Void> cancelled(PendingRequest pending) {
        return send(pending, errors.cancelled(pending.request()));
    }

    ErrorMapper errors() {
        return errors;
    }

    private CompletableFuture<Void> send(PendingRequest pending, Response response) {
        if (!pending.claimAnswer()) {
            if (!open.isClosed()) {
                LOG.warn("dropping a second response to {}", pending);
            }
            return CompletableFuture.completedFuture(null);
        }
        open.remove(pending);
        return sequencer.send(response).exceptionally(failure -> {
            LOG.debug("response to {} was not sent: {}", pending, failure.toString());
            return null;
        });
    }
}
