package dev.dapkit.server.internal;

import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.VariableContainer;
import java.util.HashSet;
import java.util.Set;

/**
 * What the client may refer to while the debuggee is suspended: the frames and variable
 * containers it was given numbers for, and which threads are stopped. Everything is forgotten on
 * every resume (continue, step, restartFrame, or a {@code continued} event from the target).
 *
 * <p>Thread-safe.
 */
final class SuspendedState {

    /** A frame as issued: its thread and the target's object. */
    record IssuedFrame(int threadId, TargetFrame frame) {
    }

    private final HandleTable<IssuedFrame> frames = new HandleTable<>("frameId");
    private final HandleTable<VariableContainer> containers = new HandleTable<>("variablesReference");
    private final Set<Integer> stoppedThreads = new HashSet<>();
    private boolean allStopped;

    int issueFrame(int threadId, TargetFrame frame) {
        return frames.issue(new IssuedFrame(threadId, frame));
    }

    IssuedFrame frame(int frameId) {
        return frames.get(frameId);
    }

    /** The frame for an optional {@code frameId}: null when absent. */
    TargetFrame frameOrNull(Integer frameId) {
        return frameId == null || frameId == 0 ? null : frames.get(frameId).frame();
    }

    /** The number for a container, or 0 for none. */
    int issueContainer(VariableContainer container) {
        return container == null ? 0 : containers.issue(container);
    }

    VariableContainer container(int variablesReference) {
        return containers.get(variablesReference);
    }

    /** A thread stopped (every thread, when {@code all}). */
    synchronized void stopped(int threadId, boolean all) {
        stoppedThreads.add(threadId);
        allStopped |= all;
    }

    /** The debuggee resumed: every handle becomes stale. */
    void resumed(int threadId, boolean all) {
        frames.invalidate();
        containers.invalidate();
        synchronized (this) {
            if (all) {
                stoppedThreads.clear();
                allStopped = false;
            } else {
                stoppedThreads.remove(threadId);
            }
        }
    }

    /** A thread the client saw stopped, or null when none is known to be stopped. */
    synchronized Integer anyStoppedThread() {
        return stoppedThreads.isEmpty() ? null : stoppedThreads.iterator().next();
    }

    synchronized boolean allStopped() {
        return allStopped;
    }

    int liveFrames() {
        return frames.liveCount();
    }

    int liveContainers() {
        return containers.liveCount();
    }
}
