package dev.dapkit.model.framing;

import dev.dapkit.model.DapJson;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Splits a byte stream into Content-Length frames. Not thread-safe: one per connection, fed by one thread. */
public final class FrameDecoder {

    private final FrameLimits limits;
    private final byte[] header;
    private int headerLength;
    private byte[] body;
    private int bodyFilled;
    private long streamOffset;
    private long frameStart;

    public FrameDecoder() {
        this(FrameLimits.defaults());
    }

    public FrameDecoder(FrameLimits limits) {
        this.limits = limits;
        this.header = new byte[limits.maxHeaderBytes()];
    }

    /** Consumes all remaining bytes of {@code bytes}, passing each complete message to {@code sink}. */
    public void feed(ByteBuffer bytes, Consumer<DapMessage> sink) throws ProtocolException {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        feed(copy, 0, copy.length, sink);
    }

    /** Consumes {@code bytes[offset, offset + length)}, passing each complete message to {@code sink}. */
    public void feed(byte[] bytes, int offset, int length, Consumer<DapMessage> sink) throws ProtocolException {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (body == null) {
                if (headerLength == 0) {
                    frameStart = streamOffset;
                }
                if (headerLength == header.length) {
                    throw new FramingException("header block longer than " + header.length
                            + " bytes (frame at stream offset " + frameStart + ")", streamOffset);
                }
                header[headerLength++] = bytes[i++];
                streamOffset++;
                if (endsWithBlankLine()) {
                    body = new byte[parseContentLength()];
                    bodyFilled = 0;
                    headerLength = 0;
                }
            } else {
                int n = Math.min(end - i, body.length - bodyFilled);
                System.arraycopy(bytes, i, body, bodyFilled, n);
                bodyFilled += n;
                i += n;
                streamOffset += n;
            }
            if (body != null && bodyFilled == body.length) {
                byte[] complete = body;
                body = null;
                sink.accept(DapJson.standard().readMessage(complete, 0, complete.length));
            }
        }
    }

    /** Whether part of a frame has been fed and not yet completed. */
    public boolean isMidFrame() {
        return headerLength > 0 || body != null;
    }

    /** The number of bytes fed so far. */
    public long streamOffset() {
        return streamOffset;
    }

    /** Tells the decoder the stream has ended; throws when it ended inside a frame. */
    public void endOfStream() throws FramingException {
        if (isMidFrame()) {
            throw new FramingException("stream ended inside the frame that started at stream offset " + frameStart,
                    streamOffset);
        }
    }

    private boolean endsWithBlankLine() {
        return headerLength >= 4 && header[headerLength - 4] == '\r' && header[headerLength - 3] == '\n'
                && header[headerLength - 2] == '\r' && header[headerLength - 1] == '\n';
    }

    private int parseContentLength() throws FramingException {
        String text = new String(header, 0, headerLength - 4, StandardCharsets.US_ASCII);
        Integer contentLength = null;
        for (String line : text.split("\r\n", -1)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new FramingException("header line '" + line + "' is not 'Name: value' (frame at stream offset "
                        + frameStart + ")", frameStart);
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = parseLength(value);
            } else if (!name.equalsIgnoreCase("Content-Type")) {
                throw new FramingException("unknown header '" + name + "' (frame at stream offset " + frameStart + ")",
                        frameStart);
            }
        }
        if (contentLength == null) {
            throw new FramingException("frame has no Content-Length header (frame at stream offset " + frameStart
                    + ")", frameStart);
        }
        return contentLength;
    }

    private int parseLength(String value) throws FramingException {
        long length;
        try {
            length = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FramingException("Content-Length '" + value + "' is not a number (frame at stream offset "
                    + frameStart + ")", frameStart);
        }
        if (length < 0 || length > limits.maxBodyBytes()) {
            throw new FramingException("Content-Length " + length + " is outside 0.." + limits.maxBodyBytes()
                    + " (frame at stream offset " + frameStart + ")", frameStart);
        }
        return (int) length;
    }
}
