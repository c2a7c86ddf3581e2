package dev.dapkit.server.internal;

import dev.dapkit.server.spi.RequestCancellation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link RequestCancellation}: one per client request (and one per engine call into
 * the target), set at most once. After {@link #finish()} (the call is over) it can no longer be
 * cancelled and drops the actions registered on it, so a late cancel reaches nothing.
 *
 * <p>Thread-safe. Actions run outside the lock, on the cancelling thread (or the registering
 * thread, when already cancelled).
 */
final class CancelSignal implements RequestCancellation {

    private static final Logger LOG = LoggerFactory.getLogger(CancelSignal.class);

    private final String what;
    private List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;
    private boolean finished;

    /** @param what what the signal belongs to, for logs (e.g. {@code 'evaluate' (seq 7)}) */
    CancelSignal(String what) {
        this.what = what;
    }

    /**
     * Cancels, running the registered actions once.
     *
     * @return false when it was cancelled before or the call is over
     */
    boolean cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled || finished) {
                return false;
            }
            cancelled = true;
            toRun = actions;
            actions = null;
        }
        toRun.forEach(this::runQuietly);
        return true;
    }

    /** The call is over: no cancel can come any more, and the registered actions are dropped. */
    synchronized void finish() {
        finished = true;
        actions = null;
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                if (!finished) {
                    actions.add(action);
                }
                return;
            }
        }
        runQuietly(action);
    }

    private void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("an action on cancelling {} failed", what, e);
        }
    }

    @Override
    public synchronized String toString() {
        return "cancellation of " + what + (cancelled ? " (cancelled)" : finished ? " (over)" : "");
    }
}
