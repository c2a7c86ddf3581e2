package dev.dapkit.model.framing;

import static dev.dapkit.model.framing.Frames.concat;
import static dev.dapkit.model.framing.Frames.decode;
import static dev.dapkit.model.framing.Frames.encode;
import static dev.dapkit.model.framing.Frames.frame;
import static dev.dapkit.model.framing.Frames.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Well-formed streams, split every way they can be. */
class FrameDecoderTest {

    static List<DapMessage> samples() {
        return Frames.samples();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void decodesAMessageSplitAtEveryByteBoundary(DapMessage message) throws Exception {
        byte[] frame = encode(message);
        for (int split = 0; split <= frame.length; split++) {
            FrameDecoder decoder = new FrameDecoder();
            List<DapMessage> out = new ArrayList<>();
            decoder.feed(frame, 0, split, out::add);
            assertEquals(split > 0 && split < frame.length, decoder.isMidFrame(), "mid frame after " + split);
            assertEquals(split == frame.length ? List.of(message) : List.of(), out, "after first part " + split);
            decoder.feed(frame, split, frame.length - split, out::add);
            assertEquals(List.of(message), out, "split at " + split);
            assertFalse(decoder.isMidFrame());
            assertEquals(frame.length, decoder.streamOffset());
            decoder.endOfStream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void decodesAMessageFedOneByteAtATime(DapMessage message) throws Exception {
        byte[] frame = encode(message);
        FrameDecoder decoder = new FrameDecoder();
        List<DapMessage> out = new ArrayList<>();
        for (int i = 0; i < frame.length; i++) {
            decoder.feed(frame, i, 1, out::add);
            assertEquals(i + 1, decoder.streamOffset());
        }
        assertEquals(List.of(message), out);
    }

    @Test
    void decodesSeveralMessagesInOneChunkInOrder() throws Exception {
        List<DapMessage> samples = Frames.samples();
        byte[][] frames = samples.stream().map(Frames::encode).toArray(byte[][]::new);
        byte[] stream = concat(frames);
        assertEquals(samples, decode(new FrameDecoder(), stream));

        // and the whole stream split at every boundary, so each split lands in each frame's header and body
        for (int split = 0; split <= stream.length; split += 7) {
            FrameDecoder decoder = new FrameDecoder();
            List<DapMessage> out = new ArrayList<>();
            decoder.feed(stream, 0, split, out::add);
            decoder.feed(stream, split, stream.length - split, out::add);
            assertEquals(samples, out, "split at " + split);
        }
    }

    @Test
    void asksItsExpectedBodiesAboutEachSuccessfulResponseWhileItHasThem() throws Exception {
        List<String> asked = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder();
        decoder.expectBodies((requestSeq, command) -> {
            asked.add(requestSeq + " " + command);
            return SetBreakpointsResponse.class;
        });
        byte[] stream = concat(Frames.samples().stream().map(Frames::encode).toArray(byte[][]::new));

        assertEquals(Frames.samples(), decode(decoder, stream));
        assertEquals(List.of("1 setBreakpoints"), asked);
        decoder.expectBodies(null);
        assertEquals(Frames.samples(), decode(decoder, stream));
        assertEquals(List.of("1 setBreakpoints"), asked);
    }

    @Test
    void readsFromADirectBufferAndAdvancesItsPosition() throws Exception {
        byte[] stream = concat(encode(Frames.samples().get(0)), encode(Frames.samples().get(1)), latin1("Cont"));
        ByteBuffer direct = ByteBuffer.allocateDirect(stream.length);
        direct.put(stream).flip();
        List<DapMessage> out = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(direct, out::add);
        assertEquals(Frames.samples().subList(0, 2), out);
        assertFalse(direct.hasRemaining());
        assertTrue(decoder.isMidFrame());
        assertEquals(stream.length, decoder.streamOffset());
    }

    @Test
    void acceptsContentTypeAndHeaderNamesInAnyCase() throws Exception {
        String body = "{\"seq\":1,\"type\":\"event\",\"event\":\"initialized\"}";
        int length = body.length();
        byte[] stream = concat(
                latin1("Content-Length: " + length + "\r\n"
                        + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body),
                latin1("content-type: application/json\r\ncontent-length:" + length + "  \r\n\r\n" + body),
                latin1("CONTENT-LENGTH:\t00" + length + "\r\nContent-Type: application/json; charset=\"UTF8\"\r\n\r\n"
                        + body));
        List<DapMessage> out = decode(new FrameDecoder(), stream);
        assertEquals(3, out.size());
        for (DapMessage m : out) {
            assertEquals("initialized", ((Event) m).event());
        }
    }

    @Test
    void countsContentLengthInUtf8Bytes() throws Exception {
        String body = "{\"seq\":1,\"type\":\"request\",\"command\":\"\u4e2d\ud83d\ude00\"}";
        byte[] frame = frame(body);
        assertNotEquals(body.length(), body.getBytes(StandardCharsets.UTF_8).length);
        Request r = (Request) decode(new FrameDecoder(), frame).get(0);
        assertEquals("\u4e2d\ud83d\ude00", r.command());
    }

    @Test
    void aSinkThatThrowsLeavesTheDecoderUsableAndTheRestOfTheBuffer() throws Exception {
        byte[] first = encode(Frames.samples().get(0));
        byte[] stream = concat(first, encode(Frames.samples().get(1)));
        FrameDecoder decoder = new FrameDecoder();
        IllegalStateException boom = new IllegalStateException("sink failed");
        ByteBuffer buffer = ByteBuffer.wrap(stream);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> decoder.feed(buffer, m -> {
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(first.length, buffer.position());
        assertFalse(decoder.isMidFrame());
        List<DapMessage> out = new ArrayList<>();
        decoder.feed(buffer, out::add);
        assertEquals(List.of(Frames.samples().get(1)), out);
    }

    @Test
    void emptyFeedsChangeNothing() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        List<DapMessage> out = new ArrayList<>();
        decoder.feed(new byte[0], 0, 0, out::add);
        decoder.feed(ByteBuffer.allocate(0), out::add);
        assertTrue(out.isEmpty());
        assertFalse(decoder.isMidFrame());
        assertEquals(0, decoder.streamOffset());
        decoder.endOfStream();
    }

    @Test
    void decodedMessagesDoNotShareTheCallersArray() throws Exception {
        byte[] frame = encode(Frames.samples().get(0));
        List<DapMessage> out = decode(new FrameDecoder(), frame);
        Arrays.fill(frame, (byte) 'x');
        assertEquals(Frames.samples().get(0), out.get(0));
    }
    @Test
    void describesTheFrameInProgressForTimeoutMessages() throws Exception {
        byte[] first = frame("{\"seq\":1,\"type\":\"event\",\"event\":\"initialized\"}");
        byte[] second = frame("{\"seq\":2,\"type\":\"event\",\"event\":\"initialized\"}");
        FrameDecoder decoder = new FrameDecoder();
        List<DapMessage> out = new ArrayList<>();
        assertEquals("between frames", decoder.describePartialFrame());
        decoder.feed(first, 0, 9, out::add);
        assertEquals("inside the header block of the frame at stream offset 0, after 9 header bytes (header line 1"
                + " starts 'Content-L')", decoder.describePartialFrame());
        byte[] middle = concat(Arrays.copyOfRange(first, 9, first.length), Arrays.copyOf(second, second.length - 5));
        decoder.feed(middle, 0, middle.length, out::add);
        int secondBody = second.length - (new String(second, StandardCharsets.US_ASCII).indexOf("\r\n\r\n") + 4);
        assertEquals((secondBody - 5) + " of " + secondBody + " body bytes received (frame at stream offset "
                + first.length + ")", decoder.describePartialFrame());
        decoder.feed(second, second.length - 5, 5, out::add);
        assertEquals("between frames", decoder.describePartialFrame());
        assertEquals(2, out.size());
    }
}
