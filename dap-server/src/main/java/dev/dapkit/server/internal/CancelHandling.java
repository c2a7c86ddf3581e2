package dev.dapkit.server.internal;

import dev.dapkit.model.Request;
import org.eclipse.lsp4j.debug.CancelArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code cancel} on arrival, outside the session thread's queue (it must overtake what it
 * cancels). The request's own {@link CancelSignal} is set first, so a target that looks at it
 * later still sees it. Then a queued request is answered {@code cancelled} at once and never runs;
 * a running one is left to its handler, which answers it (with {@code cancelled} as its message if
 * it then fails). It never calls the target; actions the target registered on the signal run here.
 * A {@code progressId} marks that progress cancelled.
 *
 * <p>Called on the connection's delivery or reading thread (see {@link InboundRouter}).
 */
final class CancelHandling {

    private static final Logger LOG = LoggerFactory.getLogger(CancelHandling.class);

    /** The command served here rather than on the session thread. */
    static final String COMMAND = "cancel";

    private final OpenRequests open;
    private final Responder responder;
    private final ProgressReporter progress;

    CancelHandling(OpenRequests open, Responder responder, ProgressReporter progress) {
        this.open = open;
        this.responder = responder;
        this.progress = progress;
    }

    /** Whether {@code command} is served here. */
    boolean serves(String command) {
        return COMMAND.equals(command);
    }

    void handle(Request request) {
        PendingRequest self = new PendingRequest(request);
        CancelArguments arguments;
        try {
            arguments = ArgumentsBinder.bind(request, CancelArguments.class);
        } catch (RequestFailure e) {
            responder.fail(self, e);
            return;
        }
        if (arguments.getRequestId() != null) {
            cancel(arguments.getRequestId());
        }
        if (arguments.getProgressId() != null && !progress.cancel(arguments.getProgressId())) {
            LOG.debug("cancel of progress '{}': no such progress is running", arguments.getProgressId());
        }
        responder.succeed(self, null);
    }

    private void cancel(int requestSeq) {
        PendingRequest pending = open.find(requestSeq);
        if (pending == null) {
            LOG.debug("cancel of request {}: it is not open (already answered, or never sent)", requestSeq);
            return;
        }
        pending.requestCancel();
        if (pending.skip()) {
            responder.cancelled(pending);
        }
    }
}
