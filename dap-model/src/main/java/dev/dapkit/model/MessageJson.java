package dev.dapkit.model;

import dev.dapkit.model.internal.json.Utf8JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The envelope's JSON form. Reading checks the encoding and hands the text to {@link EnvelopeReader};
 * writing emits the envelope with {@link Utf8JsonWriter} (the string escaping of the fast codec: an
 * unpaired surrogate that a peer sent escaped is written escaped again, so a message that was read
 * can be forwarded) and copies raw values byte for byte. Stateless.
 */
final class MessageJson {

    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] TYPE_REQUEST = ascii(",\"type\":\"request\",\"command\":");
    private static final byte[] TYPE_RESPONSE = ascii(",\"type\":\"response\",\"request_seq\":");
    private static final byte[] TYPE_EVENT = ascii(",\"type\":\"event\",\"event\":");
    private static final byte[] SUCCESS_TRUE = ascii(",\"success\":true,\"command\":");
    private static final byte[] SUCCESS_FALSE = ascii(",\"success\":false,\"command\":");
    private static final byte[] MESSAGE = ascii(",\"message\":");
    private static final byte[] ARGUMENTS = ascii(",\"arguments\":");
    private static final byte[] BODY = ascii(",\"body\":");
    /** Room for the envelope up to its payload; the writer grows when a command or message is longer. */
    private static final int HEAD_CAPACITY = 128;

    /** The top-level fields each kind of message models; every other field is kept raw. */
    private static final Set<String> REQUEST_FIELDS = Set.of("seq", "type", "command", "arguments");
    private static final Set<String> RESPONSE_FIELDS =
            Set.of("seq", "type", "request_seq", "success", "command", "message", "body");
    private static final Set<String> EVENT_FIELDS = Set.of("seq", "type", "event", "body");

    private MessageJson() {
    }

    /** Reads one message, binding a successful response's body as {@code expected} (may be null) says. */
    static DapMessage read(byte[] utf8, int offset, int length, ExpectedBodies expected)
            throws MalformedMessageException {
        checkEncoding(utf8, offset, length);
        return EnvelopeReader.read(utf8, offset, length, expected);
    }

    /**
     * Strict UTF-8 only. NUL bytes among the first four get their own message: they are the mark of
     * UTF-16 or UTF-32 text (which Jackson would even decode), although a DAP body is UTF-8 and JSON
     * never has a raw NUL.
     */
    private static void checkEncoding(byte[] utf8, int offset, int length) throws MalformedMessageException {
        for (int i = offset; i < offset + Math.min(4, length); i++) {
            if (utf8[i] == 0) {
                throw new MalformedMessageException("message has a NUL byte at offset " + (i - offset)
                        + " of the body: DAP bodies are UTF-8 JSON (is this UTF-16 or UTF-32 text?)");
            }
        }
        int bad = Utf8Check.firstInvalid(utf8, offset, length);
        if (bad >= 0) {
            throw new MalformedMessageException("message is not valid UTF-8 at offset " + (bad - offset)
                    + " of the body: " + Utf8Check.describeInvalid(utf8, bad, offset + length));
        }
    }

    /**
     * Writes {@code message} as one JSON object.
     *
     * @throws IllegalArgumentException when {@code otherFields} holds a name the envelope itself
     *     writes for this kind of message (the object would have that field twice)
     */
    static void write(DapMessage message, OutputStream out) throws IOException {
        checkOtherFields(message);
        // everything up to the raw payload goes out in one write; raw values are copied as they are
        Utf8JsonWriter head = new Utf8JsonWriter(HEAD_CAPACITY);
        head.writeBytes(SEQ);
        head.writeInt(message.seq());
        RawJson payload;
        byte[] payloadName;
        if (message instanceof Request r) {
            head.writeBytes(TYPE_REQUEST);
            head.writeString(r.command());
            payload = r.arguments();
            payloadName = ARGUMENTS;
        } else if (message instanceof Response r) {
            head.writeBytes(TYPE_RESPONSE);
            head.writeInt(r.requestSeq());
            head.writeBytes(r.success() ? SUCCESS_TRUE : SUCCESS_FALSE);
            head.writeString(r.command());
            if (r.message() != null) {
                head.writeBytes(MESSAGE);
                head.writeString(r.message());
            }
            payload = r.body();
            payloadName = BODY;
        } else {
            Event e = (Event) message;
            head.writeBytes(TYPE_EVENT);
            head.writeString(e.event());
            payload = e.body();
            payloadName = BODY;
        }
        if (payload != null) {
            head.writeBytes(payloadName);
        }
        out.write(head.array(), 0, head.size());
        if (payload != null) {
            payload.writeTo(out);
        }
        for (Map.Entry<String, RawJson> field : message.otherFields().entrySet()) {
            Utf8JsonWriter name = new Utf8JsonWriter(field.getKey().length() + 8);
            name.writeByte(',');
            name.writeString(field.getKey());
            name.writeByte(':');
            out.write(name.array(), 0, name.size());
            field.getValue().writeTo(out);
        }
        out.write('}');
    }

    private static void checkOtherFields(DapMessage message) {
        if (message.otherFields().isEmpty()) {
            return;
        }
        Set<String> written = message instanceof Request ? REQUEST_FIELDS
                : message instanceof Response ? RESPONSE_FIELDS : EVENT_FIELDS;
        for (String name : message.otherFields().keySet()) {
            if (written.contains(name)) {
                throw new IllegalArgumentException("otherFields of a " + message.type().wireName()
                        + " must not hold '" + name + "': the envelope writes that field itself");
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
