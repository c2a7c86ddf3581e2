package dev.dapkit.client;

import dev.dapkit.model.DapJson;
import dev.dapkit.model.DapMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One message on the wire, as a client's trace records it: which way it went, when, and the
 * message itself with its final {@code seq}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param direction whether the client sent or received the message
 * @param timestamp when the client handed the message to the connection, or received it
 * @param message the message, with the {@code seq} it has on the wire
 */
public record TraceEntry(Direction direction, Instant timestamp, DapMessage message) {

    public TraceEntry {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(message, "message");
    }

    /** Which way a message went, seen from the client. */
    public enum Direction {
        /** From the client to the adapter. */
        SENT,
        /** From the adapter to the client. */
        RECEIVED
    }

    /** The message's {@code seq} on the wire. */
    public int seq() {
        return message.seq();
    }

    /** The message as the JSON text that DAP carries. */
    public String json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DapJson.standard().writeMessage(message, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + message.type().wireName() + " " + message.seq()
                    + " as JSON", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One line for a log: {@code -> 2024-…Z {"seq":1,…}} for sent, {@code <-} for received. */
    @Override
    public String toString() {
        return (direction == Direction.SENT ? "-> " : "<- ") + timestamp + " " + json();
    }
}
