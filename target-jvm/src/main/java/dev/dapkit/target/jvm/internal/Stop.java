package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ThreadReference;
import java.util.List;
import org.eclipse.lsp4j.debug.StoppedEventArguments;

/**
 * Why and where the debuggee stopped, assembled from one JDI event set.
 *
 * @param thread the thread that stopped
 * @param reason DAP's stop reason ({@code breakpoint}, {@code step}, ...)
 * @param hitBreakpointIds the breakpoints set where it stopped
 * @param description a longer reason to show, or null
 * @param text extra text (an exception's message), or null
 */
record Stop(ThreadReference thread, String reason, List<Integer> hitBreakpointIds, String description, String text) {

    /** The reason of the stop after {@code restartFrame}, which DAP names but LSP4J has no constant for. */
    static final String RESTART = "restart";

    Stop {
        hitBreakpointIds = List.copyOf(hitBreakpointIds);
    }

    /** The {@code stopped} event; every thread is suspended at every stop. */
    StoppedEventArguments event(int threadId) {
        StoppedEventArguments stopped = new StoppedEventArguments();
        stopped.setReason(reason);
        stopped.setThreadId(threadId);
        stopped.setAllThreadsStopped(true);
        stopped.setDescription(description);
        stopped.setText(text);
        if (!hitBreakpointIds.isEmpty()) {
            stopped.setHitBreakpointIds(hitBreakpointIds.toArray(Integer[]::new));
        }
        return stopped;
    }
}
