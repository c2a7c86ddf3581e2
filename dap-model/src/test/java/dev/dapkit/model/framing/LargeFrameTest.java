package dev.dapkit.model.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Bodies of megabytes, trickled in: correct, and linear (a quadratic decoder would not finish). */
@Tag("large")
class LargeFrameTest {

    /** An output event whose body is about {@code bytes} long, with multibyte text throughout. */
    private static Event outputEvent(int bytes) {
        String unit = "line \u4e2d\u6587 \ud83d\ude00 caf\u00e9 \\\"quoted\\\" 0123456789\\n";
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        String output = unit.repeat(Math.max(1, bytes / unitBytes));
        return new Event(12, "output", RawJson.parse("{\"category\":\"stdout\",\"output\":\"" + output + "\"}"),
                Map.of("trace", RawJson.parse("{\"chunks\":[1,2,3]}")));
    }

    @Test
    void aOneMegabyteBodyFedOneByteAtATime() throws Exception {
        Event event = outputEvent(1_000_000);
        byte[] frame = Frames.encode(event);
        FrameDecoder decoder = new FrameDecoder();
        List<DapMessage> out = new ArrayList<>();
        ByteBuffer window = ByteBuffer.wrap(frame);
        for (int end = 1; end <= frame.length; end++) {
            window.limit(end);
            decoder.feed(window, out::add);
            assertEquals(end < frame.length, out.isEmpty());
        }
        assertEquals(List.of(event), out);
        assertFalse(decoder.isMidFrame());
    }

    @Test
    void aOneMegabyteBodyInRandomChunksBetweenOtherMessages() throws Exception {
        Event event = outputEvent(1_000_000);
        List<DapMessage> expected = new ArrayList<>(Frames.samples());
        expected.add(3, event);
        expected.add(event.withSeq(13));
        byte[] stream = Frames.concat(expected.stream().map(Frames::encode).toArray(byte[][]::new));
        Random random = new Random(20240611L);
        for (int round = 0; round < 5; round++) {
            FrameDecoder decoder = new FrameDecoder();
            List<DapMessage> out = new ArrayList<>();
            int pos = 0;
            while (pos < stream.length) {
                int n = Math.min(stream.length - pos, 1 + random.nextInt(round == 0 ? 16 : 70_000));
                decoder.feed(stream, pos, n, out::add);
                pos += n;
            }
            assertEquals(expected, out, "round " + round);
        }
    }

    @Test
    void aSixteenMebibyteBodyFedOneByteAtATimeFinishes() throws Exception {
        Event event = outputEvent(FrameLimits.DEFAULT_MAX_BODY_BYTES - 200);
        byte[] frame = Frames.encode(event);
        int bodyLength = frame.length - ("Content-Length: " + FrameLimits.DEFAULT_MAX_BODY_BYTES).length() - 4;
        int max = FrameLimits.DEFAULT_MAX_BODY_BYTES;
        assertTrue(bodyLength > max - 300 && bodyLength <= max,
                "body of " + bodyLength + " bytes");
        FrameDecoder decoder = new FrameDecoder();
        List<DapMessage> out = new ArrayList<>();
        ByteBuffer window = ByteBuffer.wrap(frame);
        int largestBuffer = 0;
        for (int end = 1; end <= frame.length; end++) {
            window.limit(end);
            decoder.feed(window, out::add);
            largestBuffer = Math.max(largestBuffer, decoder.bodyBufferCapacity());
        }
        assertEquals(List.of(event), out);
        assertEquals(bodyLength, largestBuffer, "the buffer grew to the body's size and no further");
    }
}
