package dev.dapkit.model.framing;

import dev.dapkit.model.DapJson;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns a DAP message into one frame: {@code Content-Length: N\r\n\r\n} followed by the message
 * as N bytes of UTF-8 JSON. The body is written once into the array that is returned.
 *
 * <p>Stateless and thread-safe.
 */
public final class FrameEncoder {

    /** {@code "Content-Length: "}, ten digits and two CRLFs fit. */
    private static final int HEADER_ROOM = 32;
    /** Envelope bytes on top of the raw values, for the first guess at the body size. */
    private static final int ENVELOPE_ESTIMATE = 96;

    private final FrameLimits limits;
    private final DapJson json = DapJson.standard();

    /** An encoder with {@link FrameLimits#defaults()}. */
    public FrameEncoder() {
        this(FrameLimits.defaults());
    }

    public FrameEncoder(FrameLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The whole frame, header and body, between the position and the limit of a heap buffer that
     * the caller owns (its position is not 0: the header sits right before the body).
     *
     * @throws FramingException when the body is larger than {@link FrameLimits#maxBodyBytes()};
     *     writing stops as soon as it passes the limit
     */
    public ByteBuffer encode(DapMessage message) throws FramingException {
        Objects.requireNonNull(message, "message");
        FrameWriteBuffer out = new FrameWriteBuffer(HEADER_ROOM, estimateBodySize(message), limits.maxBodyBytes(),
                describe(message));
        try {
            json.writeMessage(message, out);
        } catch (FramingException e) {
            throw e;
        } catch (IOException e) {
            // the buffer throws nothing else; kept for the OutputStream contract
            throw new UncheckedIOException(e);
        }
        int bodyLength = out.bodyLength();
        byte[] header = ("Content-Length: " + bodyLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int start = HEADER_ROOM - header.length;
        byte[] array = out.array();
        System.arraycopy(header, 0, array, start, header.length);
        return ByteBuffer.wrap(array, start, header.length + bodyLength);
    }

    private static int estimateBodySize(DapMessage message) {
        long size = ENVELOPE_ESTIMATE;
        if (message instanceof Request r) {
            size += r.command().length() + rawLength(r.arguments());
        } else if (message instanceof Response r) {
            size += r.command().length() + rawLength(r.body()) + (r.message() == null ? 0 : r.message().length());
        } else if (message instanceof Event e) {
            size += e.event().length() + rawLength(e.body());
        }
        for (var field : message.otherFields().entrySet()) {
            size += field.getKey().length() + rawLength(field.getValue()) + 4;
        }
        return (int) Math.min(size, Integer.MAX_VALUE);
    }

    private static long rawLength(RawJson raw) {
        return raw == null ? 0 : raw.byteLength();
    }

    private static String describe(DapMessage message) {
        if (message instanceof Request r) {
            return "request '" + r.command() + "' (seq " + r.seq() + ")";
        }
        if (message instanceof Response r) {
            return "response to '" + r.command() + "' (request_seq " + r.requestSeq() + ")";
        }
        Event e = (Event) message;
        return "event '" + e.event() + "' (seq " + e.seq() + ")";
    }
}
