package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.Progress;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.testkit.fake.internal.EvaluationControl;

/**
 * One evaluation: whether the client cancelled it (through the request or its progress), and its
 * progress, which starts to show once a long builtin has worked a while. Cancelling is thread-safe;
 * the rest runs on the evaluating thread.
 */
final class EvaluationRequest implements EvaluationControl {

    private final TargetEvents events;
    private final String expression;
    private volatile boolean cancelled;
    private Progress progress;
    private long percent = -1;

    EvaluationRequest(TargetEvents events, String expression) {
        this.events = events;
        this.expression = expression;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public boolean cancelled() {
        return cancelled || progress != null && progress.isCancelled();
    }

    @Override
    public void progress(long done, long total) {
        if (progress == null && done > 0) {
            progress = events.startProgress("Evaluating " + expression, null, true);
        }
        long now = total == 0 ? 100 : done * 100 / total;
        if (progress != null && now != percent) {
            percent = now;
            progress.update(null, (double) now);
        }
    }

    /** Ends the progress, if it showed. */
    void finish() {
        if (progress != null) {
            progress.end(cancelled() ? "cancelled" : null);
        }
    }
}
