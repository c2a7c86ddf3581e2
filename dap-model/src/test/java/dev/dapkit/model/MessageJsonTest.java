package dev.dapkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope reader and writer, called directly; the framing tests cover them through the decoder. */
class MessageJsonTest {

    private static final String PREFIX = "prefix bytes {\"not\":\"this\"} ";
    private static final String SUFFIX = " trailing {\"junk\": 1}";

    /** Reads {@code json} from the middle of a larger array, as the decoder and transports do. */
    private static DapMessage readFromSlice(String json) throws MalformedMessageException {
        byte[] prefix = PREFIX.getBytes(StandardCharsets.UTF_8);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] all = (PREFIX + json + SUFFIX).getBytes(StandardCharsets.UTF_8);
        return DapJson.standard().readMessage(all, prefix.length, body.length);
    }

    private static String write(DapMessage message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DapJson.standard().writeMessage(message, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slicesEveryKindOfValueExactlyFromANonZeroOffset() throws Exception {
        String json = "{ \"seq\" : 7 , \"type\":\"request\",\"command\":\"launch\","
                + "\"s\":\"h\u00e9llo \u4e2d\u6587 \\\"q\\\" \\u00e9 \ud83d\ude00\", \"i\": 5005, \"neg\":-1.50e3,"
                + "\"t\":true,\"f\" :false, \"n\":null, \"o\":{ \"a\" : [1, {\"b\":\"}\"}] },"
                + "\"arr\":[ ],\"empty\":\"\",\"arguments\" : {\"port\": 5005, \"x\": 1.0}  }";
        Request r = (Request) readFromSlice(json);
        assertEquals(7, r.seq());
        assertEquals("launch", r.command());
        assertEquals("{\"port\": 5005, \"x\": 1.0}", r.arguments().toString());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("s", "\"h\u00e9llo \u4e2d\u6587 \\\"q\\\" \\u00e9 \ud83d\ude00\"");
        expected.put("i", "5005");
        expected.put("neg", "-1.50e3");
        expected.put("t", "true");
        expected.put("f", "false");
        expected.put("n", "null");
        expected.put("o", "{ \"a\" : [1, {\"b\":\"}\"}] }");
        expected.put("arr", "[ ]");
        expected.put("empty", "\"\"");
        Map<String, String> actual = new LinkedHashMap<>();
        r.otherFields().forEach((k, v) -> actual.put(k, v.toString()));
        assertEquals(expected, actual);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(r.otherFields().keySet()));
    }

    @Test
    void errorOffsetsAreRelativeToTheSlice() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> readFromSlice("{\"seq\":1,\"seq\":2}"));
        assertEquals("message has field 'seq' twice (again at offset 9 of the body)", e.getMessage());
        e = assertThrows(MalformedMessageException.class, () -> readFromSlice("  [1]"));
        assertEquals("message is not a JSON object: it starts with an array at offset 2 of the body", e.getMessage());
        e = assertThrows(MalformedMessageException.class, () -> readFromSlice("{\"a\" 1}"));
        assertTrue(e.getMessage().startsWith("message is not valid JSON at offset 5 of the body: Unexpected "
                + "character ('1'"), e.getMessage());
    }

    @Test
    void readsPastAUtf8ByteOrderMark() throws Exception {
        Event e = (Event) readFromSlice("\ufeff{\"seq\":1,\"type\":\"event\",\"event\":\"x\",\"body\":{\"k\":\"v\"}}");
        assertEquals("{\"k\":\"v\"}", e.body().toString());
    }

    @Test
    void rejectsUtf16TextThatHappensToBeValidUtf8() {
        byte[] utf16 = "{\"seq\":1,\"type\":\"event\",\"event\":\"x\"}".getBytes(StandardCharsets.UTF_16LE);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> DapJson.standard().readMessage(utf16, 0, utf16.length));
        assertTrue(e.getMessage().startsWith("message has a NUL byte at offset 1 of the body"), e.getMessage());
    }

    @Test
    void keepsFieldsAKindDoesNotModelAsTheirOwnBytes() throws Exception {
        DapMessage m = readFromSlice("{\"seq\":1,\"type\":\"request\",\"event\":\"caf\\u00e9\",\"success\" : true,"
                + "\"message\":null,\"command\":\"next\",\"request_seq\":9,\"body\":[1]}");
        assertEquals(List.of("event", "success", "message", "request_seq", "body"),
                List.copyOf(m.otherFields().keySet()));
        assertEquals("\"caf\\u00e9\"", m.otherFields().get("event").toString());
        String written = write(m);
        assertEquals("{\"seq\":1,\"type\":\"request\",\"command\":\"next\",\"event\":\"caf\\u00e9\","
                + "\"success\":true,\"message\":null,\"request_seq\":9,\"body\":[1]}", written);
        assertEquals(m, readFromSlice(written));
    }

    @Test
    void aResponseMessageMayBeNull() throws Exception {
        Response r = (Response) readFromSlice("{\"seq\":2,\"type\":\"response\",\"request_seq\":1,"
                + "\"success\":true,\"command\":\"next\",\"message\":null}");
        assertNull(r.message());
        assertTrue(r.otherFields().isEmpty());
    }

    @Test
    void writesAnUnpairedSurrogateItReadSoTheMessageCanBeForwarded() throws Exception {
        Request r = (Request) readFromSlice("{\"seq\":1,\"type\":\"request\",\"command\":\"a\\ud800b\\udc00\"}");
        assertEquals("a\ud800b\udc00", r.command());
        String written = write(r);
        assertEquals("{\"seq\":1,\"type\":\"request\",\"command\":\"a\\uD800b\\uDC00\"}", written);
        assertEquals(r, readFromSlice(written));
    }

    @Test
    void writesStringsAsJsonWithUtf8() throws Exception {
        String command = "q\"b\\s/\n\r\t\b\f\u0001\u007f\u00e9\u4e2d\ud83d\ude00";
        Event e = new Event(3, command, null, Map.of());
        String written = write(e);
        assertEquals("{\"seq\":3,\"type\":\"event\",\"event\":"
                + "\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0001\u007f\u00e9\u4e2d\ud83d\ude00\"}", written);
        assertEquals(e, readFromSlice(written));
    }

    @Test
    void refusesOtherFieldsThatTheEnvelopeWritesItself() {
        Request r = new Request(1, "threads", null, Map.of("seq", RawJson.parse("2")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(r));
        assertEquals("otherFields of a request must not hold 'seq': the envelope writes that field itself",
                e.getMessage());
    }
}
