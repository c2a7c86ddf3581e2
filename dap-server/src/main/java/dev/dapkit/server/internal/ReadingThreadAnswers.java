package dev.dapkit.server.internal;

import dev.dapkit.model.Request;
import dev.dapkit.server.spi.BoundedRequests;
import java.util.Set;

/**
 * Which requests a session may answer on the connection's reading thread instead of the session
 * thread: the ones a {@link BoundedRequests} target promises to answer in bounded time, on a
 * connection whose reading thread serves it alone. A step and the screen refresh after it are five
 * such requests in a row, each then two thread hand-offs shorter.
 *
 * <p>Thread-safe.
 */
final class ReadingThreadAnswers {

    /** The requests {@link BoundedRequests} speaks of, by their DAP command names. */
    private static final Set<String> BOUNDED = Set.of("threads", "stackTrace", "scopes", "variables", "continue",
            "next", "stepIn", "stepOut", "pause");

    private final boolean ownReadingThread;
    private final TargetHolder target;

    ReadingThreadAnswers(boolean ownReadingThread, TargetHolder target) {
        this.ownReadingThread = ownReadingThread;
        this.target = target;
    }

    /** Whether {@code request} may run on the reading thread (when the session lane is idle). */
    boolean allows(Request request) {
        return ownReadingThread && BOUNDED.contains(request.command()) && target.has(BoundedRequests.class);
    }
}
