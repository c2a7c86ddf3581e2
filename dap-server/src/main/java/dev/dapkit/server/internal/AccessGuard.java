package dev.dapkit.server.internal;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.EngineError;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a session past {@code launch}/{@code attach} only with the server's secret. A wrong or
 * missing secret is answered with an error after the throttle's delay (scheduled, no thread
 * sleeps), and then the connection closes.
 *
 * <p>Called on the session thread; the delayed answer runs on the scheduler.
 */
final class AccessGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);

    private final String sessionId;
    private final SecretCheck secret;
    private final FailureThrottle throttle;
    private final ScheduledExecutorService scheduler;
    private final Responder responder;
    private final SessionPhase phase;
    private final Runnable closeConnection;

    /** @param secret the check, or null when the server requires no secret */
    AccessGuard(String sessionId, SecretCheck secret, FailureThrottle throttle, ScheduledExecutorService scheduler,
            Responder responder, SessionPhase phase, Runnable closeConnection) {
        this.sessionId = sessionId;
        this.secret = secret;
        this.throttle = throttle;
        this.scheduler = scheduler;
        this.responder = responder;
        this.phase = phase;
        this.closeConnection = closeConnection;
    }

    boolean required() {
        return secret != null;
    }

    /**
     * Whether {@code request} (a launch or attach) may go on. When it may not, its error response
     * and the close are already scheduled; the caller must not answer it.
     */
    boolean admit(PendingRequest request, RawJson arguments) {
        if (secret == null) {
            return true;
        }
        if (secret.matches(arguments)) {
            throttle.succeeded();
            phase.markAuthenticated();
            return true;
        }
        phase.markEnding();
        Duration delay = throttle.failed();
        LOG.warn("{}: '{}' came with a wrong or missing secret; refusing it in {} ms and closing the connection",
                sessionId, request.command(), delay.toMillis());
        RequestFailure refusal = RequestFailure.of(EngineError.ACCESS_DENIED, "'" + request.command()
                + "' refused: the secret is missing or wrong; the connection will close");
        scheduler.schedule(() -> responder.fail(request, refusal).whenComplete((ok, failure) -> closeConnection.run()),
                delay.toMillis(), TimeUnit.MILLISECONDS);
        return false;
    }
}
