package dev.dapkit.target.jvm.internal;

import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Location;
import com.sun.jdi.ThreadReference;
import dev.dapkit.server.spi.TargetFrame;
import org.eclipse.lsp4j.debug.StackFrame;

/**
 * A frame of a suspended thread, as the engine holds it until the debuggee resumes: the thread
 * and the frame's depth (JDI's own frame objects go stale whenever the thread runs, even for a
 * {@code toString()} the debugger calls, so they are fetched again each time), and what the frame
 * showed when listed.
 *
 * @param thread the thread
 * @param threadId its DAP id
 * @param depth the frame's index, 0 for the top
 * @param location where the frame is
 * @param shown the frame as DAP shows it
 * @param restartable whether the frame can be restarted (JDI can pop it: it has a caller and is not native)
 */
record JvmFrame(ThreadReference thread, int threadId, int depth, Location location, StackFrame shown,
        boolean restartable) implements TargetFrame {

    @Override
    public StackFrame describe() {
        return shown;
    }

    /** The JDI frame, fetched now. */
    com.sun.jdi.StackFrame frame() throws IncompatibleThreadStateException {
        return thread.frame(depth);
    }

    @Override
    public String toString() {
        return shown.getName() + " (thread " + threadId + ", depth " + depth + ")";
    }
}
