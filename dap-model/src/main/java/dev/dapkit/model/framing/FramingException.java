package dev.dapkit.model.framing;

import dev.dapkit.model.ProtocolException;

/** The byte stream cannot be split into frames; the message says what was wrong and where. */
public class FramingException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final long streamOffset;

    public FramingException(String message, long streamOffset) {
        super(message);
        this.streamOffset = streamOffset;
    }

    /** The offset in the stream where the problem was found. */
    public long streamOffset() {
        return streamOffset;
    }
}
