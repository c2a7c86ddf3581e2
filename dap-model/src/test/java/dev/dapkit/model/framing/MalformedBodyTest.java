package dev.dapkit.model.framing;

import static dev.dapkit.model.framing.Frames.concat;
import static dev.dapkit.model.framing.Frames.encode;
import static dev.dapkit.model.framing.Frames.frame;
import static dev.dapkit.model.framing.Frames.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames that arrive whole but whose body is not a DAP message. */
class MalformedBodyTest {

    private static final String EVENT_TAIL = "\"type\":\"event\",\"event\":\"output\"}";

    private final FrameDecoder decoder = new FrameDecoder();
    private final List<DapMessage> out = new ArrayList<>();

    /** Feeds one frame around {@code body} and returns the message's own text, without the frame location. */
    private String reasonFor(byte[] body) {
        byte[] stream = concat(latin1("Content-Length: " + body.length + "\r\n\r\n"), body);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> decoder.feed(stream, 0, stream.length, out::add));
        String location = " (frame at stream offset 0, " + body.length + "-byte body at stream offset "
                + (stream.length - body.length) + ")";
        assertTrue(e.getMessage().endsWith(location), e.getMessage());
        assertTrue(out.isEmpty());
        return e.getMessage().substring(0, e.getMessage().length() - location.length());
    }

    private String reasonFor(String body) {
        return reasonFor(body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withBytes(String before, int[] bad, String after) {
        byte[] b = new byte[bad.length];
        for (int i = 0; i < bad.length; i++) {
            b[i] = (byte) bad[i];
        }
        return concat(before.getBytes(StandardCharsets.UTF_8), b, after.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void overlongUtf8() {
        assertEquals("message is not valid UTF-8 at offset 34 of the body: overlong 2-byte encoding C0 AF",
                reasonFor(withBytes("{\"seq\":1,\"type\":\"event\",\"event\":\"x", new int[] {0xC0, 0xAF}, "\"}")));
    }

    @Test
    void loneContinuationByte() {
        assertEquals("message is not valid UTF-8 at offset 10 of the body: continuation byte 0x80 without a lead byte",
                reasonFor(withBytes("{\"seq\":1,\"", new int[] {0x80}, "\":2," + EVENT_TAIL)));
    }

    @Test
    void surrogateEncodedAsUtf8() {
        assertEquals("message is not valid UTF-8 at offset 1 of the body: UTF-16 surrogate ED B2 80 encoded as UTF-8",
                reasonFor(withBytes(" ", new int[] {0xED, 0xB2, 0x80}, "{}")));
    }

    @Test
    void utf16Body() {
        assertTrue(reasonFor("{\"seq\":1,".getBytes(StandardCharsets.UTF_16LE))
                .startsWith("message has a NUL byte at offset 1 of the body: DAP bodies are UTF-8 JSON"));
    }

    @Test
    void notJson() {
        String reason = reasonFor("hello world");
        assertTrue(reason.startsWith("message is not valid JSON at offset 0 of the body: Unrecognized token 'hello'"),
                reason);
    }

    @Test
    void truncatedJson() {
        assertTrue(reasonFor("{\"seq\":1,").startsWith("message is not valid JSON at offset 9 of the body: "
                + "Unexpected end-of-input"));
    }

    @Test
    void objectNotClosed() {
        String reason = reasonFor("{\"seq\":1," + EVENT_TAIL.substring(0, EVENT_TAIL.length() - 1));
        assertEquals("message is not valid JSON at offset 40 of the body: Unexpected end-of-input: expected close "
                + "marker for Object (start marker at [line: 1, column: 1])", reason);
    }

    @Test
    void nestingDeeperThanJacksonAllows() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String reason = reasonFor("{\"seq\":1,\"body\":" + deep + "," + EVENT_TAIL);
        assertTrue(reason.startsWith("message is not valid JSON at offset 1016 of the body: Document nesting depth "
                + "(1001) exceeds the maximum allowed (1000"), reason);
    }

    @Test
    void emptyBody() {
        assertEquals("message is empty: expected a JSON object, got no bytes", reasonFor(""));
    }

    @Test
    void arrayInsteadOfAnObject() {
        assertEquals("message is not a JSON object: it starts with an array at offset 0 of the body",
                reasonFor("[{\"seq\":1}]"));
    }

    @Test
    void stringInsteadOfAnObject() {
        assertEquals("message is not a JSON object: it starts with a string at offset 1 of the body",
                reasonFor(" \"seq\""));
    }

    @Test
    void secondValueAfterTheObject() {
        assertEquals("message has content after its JSON object at offset 42 of the body",
                reasonFor("{\"seq\":1," + EVENT_TAIL + " {}"));
    }

    @Test
    void noType() {
        assertEquals("message has no 'type' field", reasonFor("{\"seq\":1,\"command\":\"next\"}"));
    }

    @Test
    void typeNotAString() {
        assertEquals("message field 'type' must be a string, got [\"event\"]",
                reasonFor("{\"seq\":1,\"type\":[\"event\"]}"));
    }

    @Test
    void unknownType() {
        assertEquals("message has unknown type 'notification' (expected request, response or event)",
                reasonFor("{\"seq\":1,\"type\":\"notification\"}"));
    }

    @Test
    void missingSeq() {
        assertEquals("event has no 'seq' field", reasonFor("{" + EVENT_TAIL));
    }

    @Test
    void seqAsAString() {
        assertEquals("event field 'seq' must be a 32-bit integer, got \"1\"",
                reasonFor("{\"seq\":\"1\"," + EVENT_TAIL));
    }

    @Test
    void seqAsAFraction() {
        assertEquals("event field 'seq' must be a 32-bit integer, got 1.5", reasonFor("{\"seq\":1.5," + EVENT_TAIL));
    }

    @Test
    void seqTooLarge() {
        assertEquals("event field 'seq' must be a 32-bit integer, got 4294967296",
                reasonFor("{\"seq\":4294967296," + EVENT_TAIL));
    }

    @Test
    void requestWithoutCommand() {
        assertEquals("request has no 'command' field", reasonFor("{\"seq\":1,\"type\":\"request\",\"arguments\":{}}"));
    }

    @Test
    void eventWithoutEventName() {
        assertEquals("event has no 'event' field", reasonFor("{\"seq\":1,\"type\":\"event\",\"body\":{}}"));
    }

    @Test
    void responseWithoutRequestSeq() {
        assertEquals("response has no 'request_seq' field",
                reasonFor("{\"seq\":2,\"type\":\"response\",\"success\":true,\"command\":\"next\"}"));
    }

    @Test
    void responseWithoutSuccess() {
        assertEquals("response has no 'success' field",
                reasonFor("{\"seq\":2,\"type\":\"response\",\"request_seq\":1,\"command\":\"next\"}"));
    }

    @Test
    void responseWithoutCommand() {
        assertEquals("response has no 'command' field",
                reasonFor("{\"seq\":2,\"type\":\"response\",\"request_seq\":1,\"success\":false}"));
    }

    @Test
    void responseSuccessAsAString() {
        assertEquals("response field 'success' must be a boolean, got \"true\"", reasonFor(
                "{\"seq\":2,\"type\":\"response\",\"request_seq\":1,\"success\":\"true\",\"command\":\"next\"}"));
    }

    @Test
    void responseMessageAsAnObject() {
        assertEquals("response field 'message' must be a string or null, got {\"text\":\"no\"}", reasonFor(
                "{\"seq\":2,\"type\":\"response\",\"request_seq\":1,\"success\":false,\"command\":\"next\","
                        + "\"message\":{\"text\":\"no\"}}"));
    }

    @Test
    void duplicateSeq() {
        assertEquals("message has field 'seq' twice (again at offset 9 of the body)",
                reasonFor("{\"seq\":1,\"seq\":2," + EVENT_TAIL));
    }

    @Test
    void duplicateFieldWithDifferentTypes() {
        assertEquals("message has field 'seq' twice (again at offset 9 of the body)",
                reasonFor("{\"seq\":1,\"seq\":\"one\"," + EVENT_TAIL));
    }

    @Test
    void duplicateUnknownField() {
        assertEquals("message has field 'x' twice (again at offset 16 of the body)",
                reasonFor("{\"seq\":1,\"x\":[],\"x\":null," + EVENT_TAIL));
    }

    @Test
    void aMalformedMessageFailsTheDecoderForGood() throws Exception {
        byte[] good = encode(Frames.samples().get(0));
        byte[] bad = frame("{\"seq\":1}");
        byte[] stream = concat(good, bad);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> decoder.feed(stream, 0, stream.length, out::add));
        assertTrue(e.getMessage().endsWith("(frame at stream offset " + good.length + ", 9-byte body at stream "
                + "offset " + (stream.length - 9) + ")"), e.getMessage());
        assertEquals(List.of(Frames.samples().get(0)), out);
        FramingException later = assertThrows(FramingException.class,
                () -> decoder.feed(good, 0, good.length, out::add));
        assertTrue(later.getMessage().startsWith("decoder already failed at stream offset " + good.length
                + ": message has no 'type' field"), later.getMessage());
        assertInstanceOf(FramingException.class, later.getCause());
        assertEquals(1, out.size());
    }
}
