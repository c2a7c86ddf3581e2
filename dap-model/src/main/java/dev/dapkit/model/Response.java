package dev.dapkit.model;

import java.util.Map;
import java.util.Objects;

/**
 * A DAP response to one {@link Request}.
 *
 * @param seq the sequence number, 0 until stamped for the wire
 * @param requestSeq the {@code seq} of the request this answers
 * @param success whether the request succeeded
 * @param command the command of the request this answers
 * @param message for a failed request, the short reason ({@code cancelled}, {@code notStopped})
 *     or a description of the error; null when absent
 * @param body the raw {@code body} value, or null when the response has none
 * @param otherFields top-level fields DAP does not define, kept as they came
 */
public record Response(int seq, int requestSeq, boolean success, String command, String message,
        RawJson body, Map<String, RawJson> otherFields) implements DapMessage {

    public Response {
        Objects.requireNonNull(command, "command");
        otherFields = RawJson.keepOrder(otherFields);
    }

    /** A successful response to {@code request} with a typed (or raw, or absent when null) body. */
    public static Response success(Request request, Object body) {
        return new Response(0, request.seq(), true, request.command(), null, RawJson.from(body), Map.of());
    }

    /**
     * A failed response to {@code request}.
     *
     * @param message the short reason or description
     * @param body typically an {@code ErrorResponse} body ({@code {"error": Message}}), or null
     */
    public static Response failure(Request request, String message, Object body) {
        return new Response(0, request.seq(), false, request.command(), message, RawJson.from(body), Map.of());
    }

    @Override
    public MessageType type() {
        return MessageType.RESPONSE;
    }

    @Override
    public Response withSeq(int seq) {
        return new Response(seq, requestSeq, success, command, message, body, otherFields);
    }

    /** The body bound to {@code type}, or null when the response has none. */
    public <T> T body(Class<T> type) {
        return body == null ? null : body.bind(type);
    }
}
