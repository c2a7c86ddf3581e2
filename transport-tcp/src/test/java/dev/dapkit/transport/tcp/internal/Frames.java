package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.framing.FrameEncoder;
import dev.dapkit.model.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Wire bytes of DAP messages for handler tests. */
final class Frames {

    private static final FrameEncoder ENCODER = new FrameEncoder();

    private Frames() {
    }

    static Request request(int seq) {
        return new Request(seq, "threads", null, Map.of());
    }

    static Event output(int seq, String text) {
        return new Event(seq, "output", dev.dapkit.model.RawJson.from(Map.of("category", "stdout", "output", text)),
                Map.of());
    }

    /** The frames of {@code messages}, back to back. */
    static byte[] of(DapMessage... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DapMessage message : messages) {
            try {
                ByteBuffer frame = ENCODER.encode(message);
                out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
            } catch (FramingException e) {
                throw new AssertionError(e);
            }
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static ByteBuf buf(byte[] bytes, int from, int to) {
        return Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from, to));
    }

    static ByteBuf buf(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes.clone());
    }
}
