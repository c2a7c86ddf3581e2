package dev.dapkit.model.framing;

import dev.dapkit.model.ProtocolException;

/**
 * A byte stream could not be split into DAP frames: a header line that is not
 * {@code Name: value}, a header DAP does not use, a bad or missing {@code Content-Length}, a limit
 * exceeded, or a stream that ended inside a frame. The connection cannot recover (where the next
 * frame starts is unknown) and is closed.
 *
 * <p>The message says what was wrong and where; {@link #streamOffset()} gives the position too.
 */
public class FramingException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final long streamOffset;

    /**
     * @param message what was wrong and where, in words
     * @param streamOffset where in the stream, or -1 when the problem is not tied to a position
     */
    public FramingException(String message, long streamOffset) {
        super(message);
        this.streamOffset = streamOffset;
    }

    public FramingException(String message, long streamOffset, Throwable cause) {
        super(message, cause);
        this.streamOffset = streamOffset;
    }

    /**
     * The offset, in bytes from the start of the stream, of the byte or header line that was
     * wrong; -1 for a problem that is not tied to a received stream (a message too large to encode).
     */
    public long streamOffset() {
        return streamOffset;
    }
}
