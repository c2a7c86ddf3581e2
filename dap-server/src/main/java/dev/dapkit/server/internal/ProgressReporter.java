package dev.dapkit.server.internal;

import dev.dapkit.model.Event;
import dev.dapkit.server.spi.Progress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.debug.ProgressEndEventArguments;
import org.eclipse.lsp4j.debug.ProgressStartEventArguments;
import org.eclipse.lsp4j.debug.ProgressUpdateEventArguments;

/**
 * Turns a target's long work into {@code progressStart}/{@code progressUpdate}/{@code progressEnd}
 * events, when the client said it supports progress reporting, and routes the client's
 * {@code cancel} with a {@code progressId} to the work's {@link Progress#isCancelled()}.
 *
 * <p>Thread-safe. Events go through the session thread, in order with the session's other events.
 */
final class ProgressReporter {

    private final ClientProfile client;
    private final SessionLane lane;
    private final MessageSequencer sequencer;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<String, ReportedProgress> running = new ConcurrentHashMap<>();

    ProgressReporter(ClientProfile client, SessionLane lane, MessageSequencer sequencer) {
        this.client = client;
        this.lane = lane;
        this.sequencer = sequencer;
    }

    Progress start(String title, String message, boolean cancellable) {
        String id = "dapkit-progress-" + nextId.getAndIncrement();
        boolean shown = client.supportsProgressReporting();
        ReportedProgress progress = new ReportedProgress(id, shown);
        running.put(id, progress);
        if (shown) {
            ProgressStartEventArguments start = new ProgressStartEventArguments();
            start.setProgressId(id);
            start.setTitle(title);
            start.setMessage(message);
            start.setCancellable(cancellable);
            emit("progressStart", start);
        }
        return progress;
    }

    /** The client cancelled a progress; false when no running progress has that id. */
    boolean cancel(String progressId) {
        ReportedProgress progress = running.get(progressId);
        if (progress == null) {
            return false;
        }
        progress.cancelled.set(true);
        return true;
    }

    private void emit(String event, Object body) {
        Event e = Event.of(event, body);
        lane.submit(() -> sequencer.send(e));
    }

    private final class ReportedProgress implements Progress {
        private final String id;
        private final boolean shown;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();

        ReportedProgress(String id, boolean shown) {
            this.id = id;
            this.shown = shown;
        }

        @Override
        public void update(String message, Double percentage) {
            if (ended.get() || !shown) {
                return;
            }
            ProgressUpdateEventArguments update = new ProgressUpdateEventArguments();
            update.setProgressId(id);
            update.setMessage(message);
            update.setPercentage(percentage);
            emit("progressUpdate", update);
        }

        @Override
        public void end(String message) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            running.remove(id);
            if (shown) {
                ProgressEndEventArguments end = new ProgressEndEventArguments();
                end.setProgressId(id);
                end.setMessage(message);
                emit("progressEnd", end);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
