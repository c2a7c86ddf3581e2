package dev.dapkit.model;

import java.util.Map;

/**
 * One DAP protocol message: a {@link Request}, a {@link Response} or an {@link Event}.
 *
 * <p>Messages are immutable values and safe to share between threads. Arguments and bodies stay
 * raw JSON ({@link RawJson}) until someone binds them to a type, so adapter-specific keys and
 * number types survive a message that is only forwarded. Top-level fields that DAP does not
 * define are kept in {@link #otherFields()} and written back when the message is encoded.
 *
 * <p>{@code seq} is stamped by whoever writes the message to a connection, in write order; a
 * message built by this SDK carries {@code seq} 0 until then.
 */
public sealed interface DapMessage permits Request, Response, Event {

    /** The sequence number; 0 for a message not yet stamped for the wire. */
    int seq();

    /** The value of the {@code type} field. */
    MessageType type();

    /** Top-level fields DAP does not define, in arrival order; never null, unmodifiable. */
    Map<String, RawJson> otherFields();

    /** This message with another sequence number; everything else is shared. */
    DapMessage withSeq(int seq);

    /** The three values of the envelope's {@code type} field. */
    enum MessageType {
        REQUEST("request"),
        RESPONSE("response"),
        EVENT("event");

        private final String wireName;

        MessageType(String wireName) {
            this.wireName = wireName;
        }

        /** The name written in the {@code type} field. */
        public String wireName() {
            return wireName;
        }

        /** The constant for a {@code type} field value, or null when DAP defines none by that name. */
        public static MessageType fromWireName(String name) {
            for (MessageType t : values()) {
                if (t.wireName.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }
}
