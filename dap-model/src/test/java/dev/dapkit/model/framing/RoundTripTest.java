package dev.dapkit.model.framing;

import static dev.dapkit.model.framing.Frames.decode;
import static dev.dapkit.model.framing.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a proxy does: decode, maybe restamp, encode; nothing it does not understand may change. */
class RoundTripTest {

    private static final String LAUNCH = "{\"command\":\"launch\", \"arguments\" : {\"port\": 5005, "
            + "\"timeout\": 1.0, \"id\": 12345678901234567890, \"env\": {\"A\": \"\\u00e9\"}, \"args\":[ ]},"
            + "\"type\":\"request\", \"__sessionId\": \"s-1\", \"seq\": 3, \"x-hints\": [1, 2.50, null, true]}";

    private static String body(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void unknownFieldsAndRawArgumentsComeOutByteIdentical() throws Exception {
        Request in = (Request) decode(new FrameDecoder(), frame(LAUNCH)).get(0);
        String written = body(Frames.encode(in));
        assertEquals("{\"seq\":3,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{\"port\": 5005, "
                + "\"timeout\": 1.0, \"id\": 12345678901234567890, \"env\": {\"A\": \"\\u00e9\"}, \"args\":[ ]},"
                + "\"__sessionId\":\"s-1\",\"x-hints\":[1, 2.50, null, true]}", written);
        assertEquals(List.of(in), decode(new FrameDecoder(), frame(written)));
    }

    @Test
    void seqIsStampedWithWithSeqAndNothingElseChanges() throws Exception {
        Request in = (Request) decode(new FrameDecoder(), frame(LAUNCH)).get(0);
        Request stamped = in.withSeq(41);
        DapMessage out = decode(new FrameDecoder(), Frames.encode(stamped)).get(0);
        assertEquals(stamped, out);
        assertEquals(41, out.seq());
        assertEquals(in.arguments(), ((Request) out).arguments());
        assertEquals(in.otherFields(), out.otherFields());
    }

    @Test
    void aBuiltMessageIsStampedForTheWire() throws Exception {
        Request request = Request.of("threads", null);
        assertEquals(0, request.seq());
        Response response = Response.success(request.withSeq(5), RawJson.parse("{\"threads\":[]}")).withSeq(6);
        String written = body(Frames.encode(response));
        assertEquals("{\"seq\":6,\"type\":\"response\",\"request_seq\":5,\"success\":true,\"command\":\"threads\","
                + "\"body\":{\"threads\":[]}}", written);
        assertEquals(List.of(response), decode(new FrameDecoder(), frame(written)));
    }

    @Test
    void typedArgumentsBindFromTheRawBytes() throws Exception {
        Request in = (Request) decode(new FrameDecoder(), frame(LAUNCH)).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> args = in.arguments(Map.class);
        assertEquals(5005, args.get("port"));
        assertTrue(in.otherFields().get("x-hints") instanceof RawJson);
    }
}
