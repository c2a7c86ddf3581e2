package dev.dapkit.testkit.client;

import dev.dapkit.model.DapMessage;
import java.util.Objects;

/**
 * One message a {@link ScriptedClient} sent or received, as written in its wire log. Immutable.
 *
 * @param direction whether the client sent or received it
 * @param message the message, with the {@code seq} it had on the wire
 */
public record WireMessage(Direction direction, DapMessage message) {

    public WireMessage {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(message, "message");
    }

    /** Which way a message went. */
    public enum Direction {
        /** From the client to the adapter. */
        SENT(">>"),
        /** From the adapter to the client. */
        RECEIVED("<<");

        private final String arrow;

        Direction(String arrow) {
            this.arrow = arrow;
        }
    }

    /** One line: the direction's arrow, then the message as JSON-like text, e.g. {@code >> request launch #2 {...}}. */
    @Override
    public String toString() {
        return direction.arrow + " " + MessageText.of(message);
    }
}
