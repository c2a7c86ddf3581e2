package dev.dapkit.model;

import java.util.Map;
import java.util.Objects;

/**
 * A DAP request: a client asking the adapter (or, for a reverse request such as
 * {@code runInTerminal}, the adapter asking the client) to do something.
 *
 * @param seq the sequence number, 0 until stamped for the wire
 * @param command the command, e.g. {@code stackTrace}
 * @param arguments the raw {@code arguments} value, or null when the request has none
 * @param otherFields top-level fields DAP does not define, kept as they came
 */
public record Request(int seq, String command, RawJson arguments, Map<String, RawJson> otherFields)
        implements DapMessage {

    public Request {
        Objects.requireNonNull(command, "command");
        otherFields = RawJson.keepOrder(otherFields);
    }

    /** A request with typed (or raw, or absent when null) arguments, not yet stamped with a seq. */
    public static Request of(String command, Object arguments) {
        return new Request(0, command, RawJson.from(arguments), Map.of());
    }

    @Override
    public MessageType type() {
        return MessageType.REQUEST;
    }

    @Override
    public Request withSeq(int seq) {
        return new Request(seq, command, arguments, otherFields);
    }

    /** The arguments bound to {@code type}, or null when the request has none. */
    public <T> T arguments(Class<T> type) {
        return arguments == null ? null : arguments.bind(type);
    }
}
