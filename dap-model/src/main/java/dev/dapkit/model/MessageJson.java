package dev.dapkit.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The envelope's JSON form. Reading checks the encoding and hands the text to {@link EnvelopeReader};
 * writing emits the envelope by hand and copies raw values byte for byte. Stateless.
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
    private static final byte[] HEX = ascii("0123456789ABCDEF");

    /** The top-level fields each kind of message models; every other field is kept raw. */
    private static final Set<String> REQUEST_FIELDS = Set.of("seq", "type", "command", "arguments");
    private static final Set<String> RESPONSE_FIELDS =
            Set.of("seq", "type", "request_seq", "success", "command", "message", "body");
    private static final Set<String> EVENT_FIELDS = Set.of("seq", "type", "event", "body");

    private MessageJson() {
    }

    static DapMessage read(byte[] utf8, int offset, int length) throws MalformedMessageException {
        checkEncoding(utf8, offset, length);
        return EnvelopeReader.read(utf8, offset, length);
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
        out.write(SEQ);
        writeInt(out, message.seq());
        if (message instanceof Request r) {
            out.write(TYPE_REQUEST);
            writeString(out, r.command());
            writeRaw(out, ARGUMENTS, r.arguments());
        } else if (message instanceof Response r) {
            out.write(TYPE_RESPONSE);
            writeInt(out, r.requestSeq());
            out.write(r.success() ? SUCCESS_TRUE : SUCCESS_FALSE);
            writeString(out, r.command());
            if (r.message() != null) {
                out.write(MESSAGE);
                writeString(out, r.message());
            }
            writeRaw(out, BODY, r.body());
        } else if (message instanceof Event e) {
            out.write(TYPE_EVENT);
            writeString(out, e.event());
            writeRaw(out, BODY, e.body());
        }
        for (Map.Entry<String, RawJson> field : message.otherFields().entrySet()) {
            out.write(',');
            writeString(out, field.getKey());
            out.write(':');
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

    private static void writeRaw(OutputStream out, byte[] name, RawJson value) throws IOException {
        if (value != null) {
            out.write(name);
            value.writeTo(out);
        }
    }

    /**
     * Writes a JSON string as UTF-8. An unpaired surrogate (which a peer can send escaped, e.g.
     * {@code "\ud800"}) is written escaped again, so a message that was read can be forwarded.
     */
    private static void writeString(OutputStream out, String s) throws IOException {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out.write(c);
            } else if (c < 0x80) {
                writeEscape(out, c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                writeEscape(out, c);
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        out.write('"');
    }

    private static void writeEscape(OutputStream out, char c) throws IOException {
        out.write('\\');
        switch (c) {
            case '"': out.write('"'); return;
            case '\\': out.write('\\'); return;
            case '\n': out.write('n'); return;
            case '\r': out.write('r'); return;
            case '\t': out.write('t'); return;
            case '\b': out.write('b'); return;
            case '\f': out.write('f'); return;
            default:
                out.write('u');
                out.write(HEX[(c >> 12) & 0xF]);
                out.write(HEX[(c >> 8) & 0xF]);
                out.write(HEX[(c >> 4) & 0xF]);
                out.write(HEX[c & 0xF]);
        }
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(Integer.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
