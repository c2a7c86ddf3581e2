package dev.dapkit.model.framing;

import dev.dapkit.model.DapJson;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.ExpectedBodies;
import dev.dapkit.model.MalformedMessageException;
import dev.dapkit.model.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Splits a byte stream into DAP messages: {@code Content-Length: N} (and optionally
 * {@code Content-Type}) header lines ending in CRLF, a blank line, then N bytes of UTF-8 JSON.
 * Bytes may arrive in chunks of any size, split anywhere; every transport feeds its stream
 * through one of these.
 *
 * <p>Limits ({@link FrameLimits}) are checked before memory is spent: the announced length
 * against the body cap before a body byte is buffered, and the body buffer grows with the bytes
 * that actually arrive rather than with what the peer announced. Each body is copied once into an
 * array that the decoded message then owns.
 *
 * <p>Any framing or message error is final: the position of the next frame is unknown, so the
 * connection must be closed, and every later call throws. Not thread-safe: one decoder per
 * connection, fed by one thread at a time.
 */
public final class FrameDecoder {

    /**
     * A body of up to this size gets its whole buffer at once; a larger one grows towards it, so a
     * peer that announces a large frame and sends it slowly holds at most this much before it sends
     * more. At 64 KiB, a 1000-frame stack trace (about 150 KiB) was copied twice while it arrived.
     */
    static final int INITIAL_BODY_CAPACITY = 1024 * 1024;

    private final HeaderBlockParser header;
    private final DapJson json = DapJson.standard();

    private long consumed;
    /** The body being filled, or null while reading a header block. */
    private byte[] body;
    private int bodyLength;
    private int bodyFilled;
    private long frameOffset;
    private long bodyOffset;
    private FramingException failure;
    private ExpectedBodies expectedBodies;

    /** A decoder with {@link FrameLimits#defaults()}. */
    public FrameDecoder() {
        this(FrameLimits.defaults());
    }

    public FrameDecoder(FrameLimits limits) {
        this.header = new HeaderBlockParser(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * From the next frame on, binds the body of a successful response while reading its envelope
     * to the type {@code expected} names for it (see {@link ExpectedBodies}); null stops that. Like
     * {@code feed}, call it on the thread that feeds, or before feeding starts.
     */
    public void expectBodies(ExpectedBodies expected) {
        this.expectedBodies = expected;
    }

    /**
     * Consumes all remaining bytes of {@code bytes}, calling {@code sink} for each complete
     * message in stream order.
     *
     * <p>An exception thrown by {@code sink} propagates; the decoder stays usable and the bytes
     * after that message's frame remain in {@code bytes}, from its position on.
     *
     * @throws FramingException when the bytes are not DAP frames, or this decoder failed before
     * @throws MalformedMessageException when a frame's body is not a DAP message
     */
    public void feed(ByteBuffer bytes, Consumer<DapMessage> sink) throws ProtocolException {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sink, "sink");
        checkNotFailed();
        try {
            while (bytes.hasRemaining()) {
                if (body == null) {
                    readHeaderByte(bytes);
                } else {
                    readBodyBytes(bytes);
                }
                if (body != null && bodyFilled == bodyLength) {
                    deliver(sink);
                }
            }
        } catch (FramingException e) {
            failure = e;
            throw e;
        } catch (MalformedMessageException e) {
            failure = new FramingException(e.getMessage(), frameOffset, e);
            throw e;
        }
    }

    /**
     * Consumes {@code bytes[offset, offset + length)}; see {@link #feed(ByteBuffer, Consumer)}.
     * The array is not kept: decoded messages own copies.
     */
    public void feed(byte[] bytes, int offset, int length, Consumer<DapMessage> sink) throws ProtocolException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        feed(ByteBuffer.wrap(bytes, offset, length), sink);
    }

    /** True while part of a frame (header or body) is buffered; transports time out partial frames with it. */
    public boolean isMidFrame() {
        return body != null || header.isMidBlock();
    }

    /** Bytes consumed since the start of the stream. */
    public long streamOffset() {
        return consumed;
    }

    /**
     * What has arrived of the frame in progress, for an error message such as a transport's
     * partial-frame timeout: e.g. {@code 12 of 400 body bytes received (frame at stream offset 0)},
     * or {@code inside the header block of the frame at stream offset 0, after 9 header bytes (…)};
     * {@code between frames} when no frame is in progress.
     */
    public String describePartialFrame() {
        if (body != null) {
            return bodyFilled + " of " + bodyLength + " body bytes received (frame at stream offset " + frameOffset + ")";
        }
        return header.isMidBlock() ? header.describePartialBlock() : "between frames";
    }

    /**
     * Tells the decoder that the stream ended.
     *
     * @throws FramingException when the stream ended inside a frame, or this decoder failed before
     */
    public void endOfStream() throws FramingException {
        checkNotFailed();
        if (body != null) {
            failure = new FramingException("stream ended at stream offset " + consumed + " after " + bodyFilled
                    + " of " + bodyLength + " body bytes (frame at stream offset " + frameOffset + ")", consumed);
            throw failure;
        }
        if (header.isMidBlock()) {
            failure = new FramingException("stream ended at stream offset " + consumed + " "
                    + header.describePartialBlock(), consumed);
            throw failure;
        }
    }

    /** The capacity of the body buffer now held, 0 when none: lets tests see what a frame cost. */
    int bodyBufferCapacity() {
        return body == null ? 0 : body.length;
    }

    private void readHeaderByte(ByteBuffer bytes) throws FramingException {
        long at = consumed++;
        long length = header.accept(bytes.get(), at);
        if (length >= 0) {
            frameOffset = header.blockOffset();
            bodyOffset = consumed;
            bodyLength = (int) length;
            bodyFilled = 0;
            // trust what has arrived, not what was announced
            body = new byte[Math.min(bodyLength, Math.max(INITIAL_BODY_CAPACITY, bytes.remaining()))];
        }
    }

    private void readBodyBytes(ByteBuffer bytes) {
        int n = Math.min(bytes.remaining(), bodyLength - bodyFilled);
        int needed = bodyFilled + n;
        if (needed > body.length) {
            // doubling keeps a body that trickles in a byte at a time linear
            body = Arrays.copyOf(body, (int) Math.min(bodyLength, Math.max(2L * body.length, needed)));
        }
        bytes.get(body, bodyFilled, n);
        bodyFilled = needed;
        consumed += n;
    }

    private void deliver(Consumer<DapMessage> sink) throws MalformedMessageException {
        byte[] complete = body;
        body = null;
        DapMessage message;
        try {
            message = json.readMessage(complete, 0, bodyLength, expectedBodies);
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException(e.getMessage() + " (frame at stream offset " + frameOffset
                    + ", " + bodyLength + "-byte body at stream offset " + bodyOffset + ")", e);
        }
        sink.accept(message);
    }

    private void checkNotFailed() throws FramingException {
        if (failure != null) {
            throw new FramingException("decoder already failed at stream offset " + failure.streamOffset() + ": "
                    + failure.getMessage(), failure.streamOffset(), failure);
        }
    }
}
