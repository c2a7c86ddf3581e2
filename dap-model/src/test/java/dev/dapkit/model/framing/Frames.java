package dev.dapkit.model.framing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Byte streams and sample messages for the framing tests. */
final class Frames {

    private Frames() {
    }

    /** One frame around {@code body}, with the Content-Length counted in UTF-8 bytes. */
    static byte[] frame(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat(latin1("Content-Length: " + b.length + "\r\n\r\n"), b);
    }

    /** One byte per char, so tests can put any byte value (0-255) into a header. */
    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] encode(DapMessage message) {
        try {
            ByteBuffer frame = new FrameEncoder().encode(message);
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            return bytes;
        } catch (FramingException e) {
            return fail(e);
        }
    }

    /** Feeds all of {@code bytes} at once and returns what came out. */
    static List<DapMessage> decode(FrameDecoder decoder, byte[] bytes) throws Exception {
        List<DapMessage> out = new ArrayList<>();
        decoder.feed(bytes, 0, bytes.length, out::add);
        return out;
    }

    static List<DapMessage> samples() {
        Map<String, RawJson> unknown = new LinkedHashMap<>();
        unknown.put("__sessionId", RawJson.parse("\"a1b2\""));
        unknown.put("x-trace", RawJson.parse("[1, 2.50, {\"deep\" : null}]"));
        unknown.put("event", RawJson.parse("\"not a request field\""));
        return List.of(
                new Request(1, "setBreakpoints", RawJson.parse("{\"source\":{\"path\":\"/home/u/app.py\"},"
                        + "\"breakpoints\":[{\"line\":3},{\"line\":17,\"condition\":\"i > 5\"}]}"), Map.of()),
                new Request(2, "configurationDone", null, Map.of()),
                new Response(3, 1, true, "setBreakpoints", null, RawJson.parse(
                        "{\"breakpoints\":[{\"id\":1,\"verified\":true,\"line\":3}]}"), Map.of()),
                new Response(4, 2, false, "evaluate", "notStopped", RawJson.parse(
                        "{\"error\":{\"id\":2001,\"format\":\"not stopped: {reason}\",\"showUser\":true}}"), Map.of()),
                new Event(5, "stopped", RawJson.parse("{\"reason\":\"breakpoint\",\"threadId\":1,"
                        + "\"allThreadsStopped\":true}"), Map.of()),
                new Request(6, "launch",
                        RawJson.parse("{\"port\": 5005, \"ratio\": 1.0, \"big\": 12345678901234567890}"), unknown),
                new Event(7, "output", RawJson.parse("{\"category\":\"stdout\","
                        + "\"output\":\"\u4f60\u597d\uff0c\u4e16\u754c "
                        + "\ud83d\ude00\ud83d\udc1b caf\u00e9\\n\"}"), Map.of()),
                new Response(8, 6, false, "launch", "\u542f\u52a8\u5931\u8d25 \ud83d\udca5", null, Map.of()));
    }
}
