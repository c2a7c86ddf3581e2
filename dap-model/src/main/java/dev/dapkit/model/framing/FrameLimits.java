package dev.dapkit.model.framing;

/**
 * The limits a {@link FrameDecoder} checks before it spends memory on a frame, and that a
 * {@link FrameEncoder} holds outgoing messages to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxHeaderBytes the most bytes the header block of one frame may take, its CRLFs and the
 *     blank line that ends it included; between {@link #MIN_HEADER_BYTES} and {@link #MAX_HEADER_BYTES}
 * @param maxBodyBytes the largest body (the JSON message, in UTF-8 bytes) one frame may announce;
 *     between 1 and {@link #MAX_BODY_BYTES}
 */
public record FrameLimits(int maxHeaderBytes, int maxBodyBytes) {

    /** The default header block cap: 1 KiB. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 1024;
    /** The default body cap: 16 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** The smallest header cap: room for {@code Content-Length: 2147483583} and the blank line. */
    public static final int MIN_HEADER_BYTES = 32;
    /** The largest header cap: 64 KiB is far more than two headers ever need. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** The largest body cap: a Java array's size, less room for the header the encoder puts in front. */
    public static final int MAX_BODY_BYTES = Integer.MAX_VALUE - 64;

    private static final FrameLimits DEFAULTS = new FrameLimits(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES);

    /**
     * Checks both limits.
     *
     * @throws IllegalArgumentException when a limit is outside its range
     */
    public FrameLimits {
        if (maxHeaderBytes < MIN_HEADER_BYTES || maxHeaderBytes > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("maxHeaderBytes must be between " + MIN_HEADER_BYTES + " and "
                    + MAX_HEADER_BYTES + ", got " + maxHeaderBytes);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + MAX_BODY_BYTES
                    + ", got " + maxBodyBytes);
        }
    }

    /** 1024 header bytes, 16 MiB body. */
    public static FrameLimits defaults() {
        return DEFAULTS;
    }

    /** These limits with another body cap. */
    public FrameLimits withMaxBodyBytes(int max) {
        return new FrameLimits(maxHeaderBytes, max);
    }

    /** These limits with another header block cap. */
    public FrameLimits withMaxHeaderBytes(int max) {
        return new FrameLimits(max, maxBodyBytes);
    }
}
