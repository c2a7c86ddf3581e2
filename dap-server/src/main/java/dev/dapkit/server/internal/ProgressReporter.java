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
 * <p>Thread-safe. Progress events are sent at once, not queued on the session thread: the work they
 * report usually runs on that thread (an evaluation, a big variables page), so queued events would
 * reach the client only after the work, too late to show or cancel it. They may therefore overtake
 * other events still queued; a progress's own events keep their order, and none follows its end.
 */
final class ProgressReporter {

    private final ClientProfile client;
    private final MessageSequencer sequencer;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<String, ReportedProgress> running = new ConcurrentHashMap<>();

    ProgressReporter(ClientProfile client, MessageSequencer sequencer) {
        this.client = client;
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
        sequencer.send(Event.of(event, body));
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
        public synchronized void update(String message, Double percentage) {
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
        public synchronized void end(String message) {
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
