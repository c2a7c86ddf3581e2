package dev.dapkit.server.internal;

import dev.dapkit.server.spi.TargetException;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the end of a session: {@code terminate} (asks the debuggee to end) and
 * {@code disconnect} (lets go of the debuggee, detaching or terminating per DAP's default for
 * launch and attach, answers, then closes the connection). A detach always resumes the debuggee:
 * {@code suspendDebuggee} is not honoured, as DAP allows when {@code supportSuspendDebuggee} is
 * not advertised.
 *
 * <p>Called on the session thread only.
 */
final class EndHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(EndHandlers.class);

    private final TargetHolder target;
    private final SessionPhase phase;
    private final TargetRelease release;
    private final LaunchHandlers launch;
    private final Responder responder;
    private final Runnable closeConnection;

    EndHandlers(TargetHolder target, SessionPhase phase, TargetRelease release, LaunchHandlers launch,
            Responder responder, Runnable closeConnection) {
        this.target = target;
        this.phase = phase;
        this.release = release;
        this.launch = launch;
        this.responder = responder;
        this.closeConnection = closeConnection;
    }

    void register(HandlerTable table) {
        table.on("terminate", TerminateArguments.class, Requirement.LAUNCHED, (p, a) -> {
            target.get().terminate();
            return null;
        });
        table.on("disconnect", DisconnectArguments.class, Requirement.NONE, this::disconnect);
    }

    private Object disconnect(PendingRequest request, DisconnectArguments arguments) {
        phase.markEnding();
        launch.abandonWaitingLaunch();
        boolean terminate = arguments.getTerminateDebuggee() != null ? arguments.getTerminateDebuggee()
                : phase.startKind() == SessionPhase.StartKind.LAUNCH;
        if (Boolean.TRUE.equals(arguments.getSuspendDebuggee()) && !terminate) {
            // DAP: honoured only with supportSuspendDebuggee, which the engine does not advertise
            LOG.debug("'disconnect' asked to leave the debuggee suspended; not supported, so it resumes");
        }
        Throwable failure = null;
        try {
            release.release(terminate);
        } catch (TargetException | RuntimeException e) {
            failure = e;
        }
        (failure == null ? responder.succeed(request, null) : responder.fail(request, failure))
                .whenComplete((ok, sendFailure) -> closeConnection.run());
        return CommandHandler.DEFERRED;
    }
}
