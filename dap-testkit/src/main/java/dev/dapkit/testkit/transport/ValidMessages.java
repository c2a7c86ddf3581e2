package dev.dapkit.testkit.transport;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.testkit.DapSchemaValidator;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Real DAP messages for the conformance suite, each checked against the DAP schema as it is made,
 * and a check for what arrives: the suite never sends or accepts anything the spec would not.
 */
final class ValidMessages {

    private static final DapSchemaValidator SCHEMA = DapSchemaValidator.standard();

    private ValidMessages() {
    }

    /** A {@code threads} request. */
    static Request threadsRequest(int seq) {
        return valid(new Request(seq, "threads", null, Map.of()));
    }

    /** The successful response to a {@code threads} request, naming one thread. */
    static Response threadsResponse(int seq, Request request) {
        return valid(new Response(seq, request.seq(), true, "threads", null,
                RawJson.from(Map.of("threads", List.of(Map.of("id", 1, "name", "main")))), Map.of()));
    }

    /** An {@code output} event on stdout carrying {@code data} (any JSON value, the spec allows it). */
    static Event output(int seq, String text, Object data) {
        return valid(new Event(seq, "output", RawJson.from(Map.of("category", "stdout", "output", text,
                "data", data)), Map.of()));
    }

    /**
     * An {@code output} event whose text takes about {@code utf8Bytes} bytes, mixing one-, two-,
     * three- and four-byte UTF-8 sequences, so that a transport that counts characters instead of
     * bytes, or splits a sequence, shows it.
     */
    static Event largeOutput(int seq, int utf8Bytes) {
        String pattern = "dapkit \u00e9\u20ac\ud83d\ude00 payload\n";
        int patternBytes = pattern.getBytes(StandardCharsets.UTF_8).length;
        String text = pattern.repeat(Math.max(1, utf8Bytes / patternBytes));
        return valid(new Event(seq, "output", RawJson.from(Map.of("category", "stdout", "output", text)), Map.of()));
    }

    /** Checks every message that arrived. */
    static void checkAll(Collection<DapMessage> received) {
        received.forEach(SCHEMA::assertValid);
    }

    private static <T extends DapMessage> T valid(T message) {
        SCHEMA.assertValid(message);
        return message;
    }
}
