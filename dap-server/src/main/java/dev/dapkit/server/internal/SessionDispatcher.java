package dev.dapkit.server.internal;

import dev.dapkit.server.EngineError;

/**
 * Runs one request on the session thread: finds its handler, checks the session is far enough
 * along, binds the arguments and answers with what the handler returns, or with the error for
 * whatever it threw. Commands are looked up in the {@link HandlerTable}; nothing here looks at a
 * command's name. While the handler runs, the request's cancellation signal is the target's
 * {@code currentRequest()}.
 *
 * <p>Called on the session thread only.
 */
final class SessionDispatcher {

    private final HandlerTable handlers;
    private final SessionPhase phase;
    private final Responder responder;
    private final String targetId;
    private final CurrentCall calls;

    SessionDispatcher(HandlerTable handlers, SessionPhase phase, Responder responder, String targetId,
            CurrentCall calls) {
        this.handlers = handlers;
        this.phase = phase;
        this.responder = responder;
        this.targetId = targetId;
        this.calls = calls;
    }

    /** Runs {@code request} unless it was cancelled or dropped while queued. */
    void run(PendingRequest request) {
        if (!request.start()) {
            return;
        }
        Object body;
        CancelSignal outer = calls.begin(request.cancellation());
        try {
            HandlerTable.Entry<?> entry = handlers.find(request.command())
                    .orElseThrow(() -> unserved(request.command()));
            phase.check(request.command(), entry.requirement());
            body = entry.invoke(request);
        } catch (Throwable t) {
            responder.fail(request, t);
            if (t instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return;
        } finally {
            // the target's part is over (a deferred answer waits for the engine, not the target)
            request.cancellation().finish();
            calls.end(outer);
        }
        if (body != CommandHandler.DEFERRED) {
            responder.succeed(request, body);
        }
    }

    private RequestFailure unserved(String command) {
        if (handlers.isKnownCommand(command)) {
            return RequestFailure.notSupported(command, targetId);
        }
        return RequestFailure.of(EngineError.UNKNOWN_COMMAND, "unknown command '" + command
                + "': DAP defines no such request and target '" + targetId + "' adds none");
    }
}
