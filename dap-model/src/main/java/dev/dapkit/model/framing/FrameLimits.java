package dev.dapkit.model.framing;

/**
 * Size limits for one frame: the header block and the body, in bytes.
 *
 * @param maxHeaderBytes the largest header block accepted, including its blank line
 * @param maxBodyBytes the largest body accepted
 */
public record FrameLimits(int maxHeaderBytes, int maxBodyBytes) {

    public FrameLimits {
        if (maxHeaderBytes <= 0 || maxBodyBytes <= 0) {
            throw new IllegalArgumentException("frame limits must be positive: header " + maxHeaderBytes
                    + ", body " + maxBodyBytes);
        }
    }

    /** 1 KiB of header, 16 MiB of body. */
    public static FrameLimits defaults() {
        return new FrameLimits(1024, 16 * 1024 * 1024);
    }

    /** These limits with another body limit. */
    public FrameLimits withMaxBodyBytes(int max) {
        return new FrameLimits(maxHeaderBytes, max);
    }
}
