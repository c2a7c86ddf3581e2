package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.Progress;
import dev.dapkit.server.spi.RequestCancellation;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.testkit.fake.internal.EvaluationControl;

/**
 * One evaluation: whether the client cancelled it (the request, through the engine's signal, or its
 * progress), and its progress, which starts to show once a long builtin has worked a while. Runs on
 * the evaluating thread; the signals it reads are thread-safe.
 */
final class EvaluationRequest implements EvaluationControl {

    private final TargetEvents events;
    private final String expression;
    private final RequestCancellation request;
    private Progress progress;
    private long percent = -1;

    /** @param request the signal of the request that asked for the evaluation */
    EvaluationRequest(TargetEvents events, String expression, RequestCancellation request) {
        this.events = events;
        this.expression = expression;
        this.request = request;
    }

    @Override
    public boolean cancelled() {
        return request.isCancelled() || progress != null && progress.isCancelled();
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
