package dev.dapkit.server.internal;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a session's inbound messages and only routes them: requests onto the session thread (in
 * arrival order), {@code cancel} to {@link CancelHandling} at once, responses to the reverse
 * requests waiting for them (whose futures complete on the session executor). It never calls the
 * target, apart from the cancel actions the SPI requires to be quick
 * ({@code RequestCancellation.onCancel}), and never blocks, so the server may run it on a reading
 * thread shared with other connections ({@code ServerSession.start}). The one exception needs a
 * reading thread of the connection's own: a request {@link ReadingThreadAnswers} allows, arriving
 * while the session lane is idle, is answered right here, holding the lane.
 *
 * <p>Called on the connection's delivery or reading thread, one message at a time.
 */
final class InboundRouter implements Consumer<DapMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);

    private final String sessionId;
    private final OpenRequests open;
    private final SessionLane lane;
    private final SessionDispatcher dispatcher;
    private final CancelHandling cancels;
    private final ClientRequests reverse;
    private final ReadingThreadAnswers here;

    InboundRouter(String sessionId, OpenRequests open, SessionLane lane, SessionDispatcher dispatcher,
            CancelHandling cancels, ClientRequests reverse, ReadingThreadAnswers here) {
        this.sessionId = sessionId;
        this.open = open;
        this.lane = lane;
        this.dispatcher = dispatcher;
        this.cancels = cancels;
        this.reverse = reverse;
        this.here = here;
    }

    @Override
    public void accept(DapMessage message) {
        if (message instanceof Request request) {
            if (cancels.serves(request.command())) {
                cancels.handle(request);
                return;
            }
            PendingRequest pending = open.add(request);
            if (pending.state() == PendingRequest.State.QUEUED) {
                Runnable run = () -> dispatcher.run(pending);
                if (!here.allows(request) || !lane.runHereIfIdle(run)) {
                    lane.submit(run);
                }
            }
        } else if (message instanceof Response response) {
            reverse.onResponse(response);
        } else {
            LOG.debug("{}: ignoring an event from the client: {}", sessionId, message);
        }
    }
}
