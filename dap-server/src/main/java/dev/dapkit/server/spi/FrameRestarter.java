package dev.dapkit.server.spi;

/** Optional: restarts a frame from its beginning ({@code restartFrame}), reporting {@code stopped} with reason {@code restart}. */
public interface FrameRestarter {

    /** Whether this frame can be restarted; shown as {@code canRestart}. */
    boolean canRestart(TargetFrame frame);

    void restartFrame(TargetFrame frame) throws TargetException;
}
