package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.framing.FrameLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * What every TCP connection is configured with, whichever side opened it. Immutable.
 *
 * @param frameLimits caps for decoding and encoding frames
 * @param partialFrameTimeout how long one frame may take to arrive, from its first byte
 * @param maxQueuedWriteBytes how many encoded bytes may wait to be written before a send is refused
 */
public record ConnectionSettings(FrameLimits frameLimits, Duration partialFrameTimeout, long maxQueuedWriteBytes) {

    /** The default {@link #partialFrameTimeout()}: 30 seconds. */
    public static final Duration DEFAULT_PARTIAL_FRAME_TIMEOUT = Duration.ofSeconds(30);
    /** The default {@link #maxQueuedWriteBytes()}: 32 MiB. */
    public static final long DEFAULT_MAX_QUEUED_WRITE_BYTES = 32L * 1024 * 1024;

    /**
     * @throws IllegalArgumentException when the timeout is not positive or the write bound is below 1
     */
    public ConnectionSettings {
        Objects.requireNonNull(frameLimits, "frameLimits");
        Objects.requireNonNull(partialFrameTimeout, "partialFrameTimeout");
        if (partialFrameTimeout.isNegative() || partialFrameTimeout.isZero()) {
            throw new IllegalArgumentException("partialFrameTimeout must be positive, got " + partialFrameTimeout);
        }
        if (maxQueuedWriteBytes < 1) {
            throw new IllegalArgumentException("maxQueuedWriteBytes must be at least 1, got " + maxQueuedWriteBytes);
        }
    }

    /** Default limits, a 30 s partial-frame timeout and a 32 MiB write queue. */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(FrameLimits.defaults(), DEFAULT_PARTIAL_FRAME_TIMEOUT,
                DEFAULT_MAX_QUEUED_WRITE_BYTES);
    }
}
