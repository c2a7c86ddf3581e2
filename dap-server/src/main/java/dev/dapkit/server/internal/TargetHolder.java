package dev.dapkit.server.internal;

import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.NativeBreakpointConditions;
import dev.dapkit.server.spi.Evaluator;

/**
 * The session's target, once {@code initialize} has created it, and the way handlers ask for an
 * optional capability: {@link #capability} answers a request the target cannot serve with the
 * engine's "not supported" error instead of a cast failure.
 *
 * <p>Thread-safe: set once on the session thread.
 */
final class TargetHolder {

    private final String targetId;
    private volatile DebugTarget target;

    TargetHolder(String targetId) {
        this.targetId = targetId;
    }

    String id() {
        return targetId;
    }

    void set(DebugTarget target) {
        this.target = target;
    }

    boolean isCreated() {
        return target != null;
    }

    /** The target; only called by handlers that require {@code initialize}, which creates it. */
    DebugTarget get() {
        DebugTarget t = target;
        if (t == null) {
            throw new IllegalStateException("target '" + targetId + "' is not created yet");
        }
        return t;
    }

    /**
     * The target as {@code capability}.
     *
     * @throws RequestFailure saying that {@code command} is not supported when the target lacks it
     */
    <T> T capability(Class<T> capability, String command) {
        DebugTarget t = get();
        if (!capability.isInstance(t)) {
            throw RequestFailure.notSupported(command, targetId);
        }
        return capability.cast(t);
    }

    /** Whether the target implements {@code capability}. */
    boolean has(Class<?> capability) {
        DebugTarget t = target;
        return t != null && capability.isInstance(t);
    }

    /** Whether the engine must test conditions and write logpoints itself. */
    boolean engineEvaluatesConditions() {
        return !has(NativeBreakpointConditions.class);
    }

    /** Whether breakpoint conditions and logpoint expressions can be evaluated at all. */
    boolean canEvaluateConditions() {
        return has(NativeBreakpointConditions.class) || has(Evaluator.class);
    }
}
