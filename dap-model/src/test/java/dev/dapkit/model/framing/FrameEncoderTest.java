package dev.dapkit.model.framing;

import static dev.dapkit.model.framing.Frames.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    private final FrameEncoder encoder = new FrameEncoder();

    private static String text(ByteBuffer frame) {
        return new String(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining(),
                StandardCharsets.UTF_8);
    }

    @Test
    void writesTheHeaderThenTheBodyOnce() throws Exception {
        ByteBuffer frame = encoder.encode(new Event(9, "initialized", null, Map.of()));
        assertTrue(frame.hasArray());
        String body = "{\"seq\":9,\"type\":\"event\",\"event\":\"initialized\"}";
        assertEquals("Content-Length: " + body.length() + "\r\n\r\n" + body, text(frame));
    }

    @Test
    void countsTheLengthInUtf8Bytes() throws Exception {
        Request r = new Request(1, "\u4e2d\ud83d\ude00", RawJson.parse("{\"s\":\"caf\u00e9\"}"), Map.of());
        ByteBuffer frame = encoder.encode(r);
        String text = text(frame);
        String body = text.substring(text.indexOf("\r\n\r\n") + 4);
        assertEquals("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n",
                text.substring(0, text.indexOf("\r\n\r\n") + 4));
        assertEquals(List.of(r), decode(new FrameDecoder(), Frames.encode(r)));
    }

    @Test
    void bodiesLargerThanTheFirstGuessGrowTheBuffer() throws Exception {
        // a long command is not counted in the estimate by its UTF-8 size: 3 bytes per char here
        Request r = new Request(1, "\u4e2d".repeat(10_000), null, Map.of());
        ByteBuffer frame = encoder.encode(r);
        assertTrue(frame.remaining() > 30_000);
        assertEquals(List.of(r), decode(new FrameDecoder(), Frames.encode(r)));
    }

    @Test
    void aBodyExactlyAtTheLimitIsEncodedAndOneByteMoreIsNot() throws Exception {
        Event event = Event.of("output", RawJson.parse("{\"output\":\"" + "x".repeat(1000) + "\"}"));
        ByteBuffer frame = encoder.encode(event);
        String text = text(frame);
        int bodyLength = text.length() - text.indexOf("\r\n\r\n") - 4;

        new FrameEncoder(FrameLimits.defaults().withMaxBodyBytes(bodyLength)).encode(event);
        FramingException e = assertThrows(FramingException.class,
                () -> new FrameEncoder(FrameLimits.defaults().withMaxBodyBytes(bodyLength - 1)).encode(event));
        assertEquals("event 'output' (seq 0) is larger than the maximum body size of " + (bodyLength - 1) + " bytes",
                e.getMessage());
        assertEquals(-1, e.streamOffset());
    }

    @Test
    void stopsWritingOnceTheLimitIsPassed() {
        Request request = Request.of("evaluate", RawJson.parse("[\"" + "y".repeat(100_000) + "\"]")).withSeq(4);
        FramingException e = assertThrows(FramingException.class,
                () -> new FrameEncoder(FrameLimits.defaults().withMaxBodyBytes(64)).encode(request));
        assertEquals("request 'evaluate' (seq 4) is larger than the maximum body size of 64 bytes", e.getMessage());
    }

    @Test
    void framesOfEverySampleDecodeToTheSameMessages() throws Exception {
        for (DapMessage m : Frames.samples()) {
            assertEquals(List.of(m), decode(new FrameDecoder(), Frames.encode(m)));
        }
    }
}
