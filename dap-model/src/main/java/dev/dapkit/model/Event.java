package dev.dapkit.model;

import java.util.Map;
import java.util.Objects;

/**
 * A DAP event, sent by the adapter on its own initiative.
 *
 * @param seq the sequence number, 0 until stamped for the wire
 * @param event the event name, e.g. {@code stopped}
 * @param body the raw {@code body} value, or null when the event has none
 * @param otherFields top-level fields DAP does not define, kept as they came
 */
public record Event(int seq, String event, RawJson body, Map<String, RawJson> otherFields)
        implements DapMessage {

    public Event {
        Objects.requireNonNull(event, "event");
        otherFields = RawJson.keepOrder(otherFields);
    }

    /** An event with a typed (or raw, or absent when null) body, not yet stamped with a seq. */
    public static Event of(String event, Object body) {
        return new Event(0, event, RawJson.from(body), Map.of());
    }

    @Override
    public MessageType type() {
        return MessageType.EVENT;
    }

    @Override
    public Event withSeq(int seq) {
        return new Event(seq, event, body, otherFields);
    }

    /** The body bound to {@code type}, or null when the event has none. */
    public <T> T body(Class<T> type) {
        return body == null ? null : body.bind(type);
    }
}
