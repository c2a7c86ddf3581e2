package dev.dapkit.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The envelope's JSON form. Reading walks the top level with a streaming parser and slices every
 * field's value out of the frame without binding it (scalars DAP defines are also read in place);
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

    static DapMessage read(JsonFactory factory, byte[] utf8, int offset, int length)
            throws MalformedMessageException {
        checkEncoding(utf8, offset, length);
        Envelope env = new Envelope();
        try (JsonParser p = factory.createParser(utf8, offset, length)) {
            try {
                walk(p, env, utf8, offset, length);
            } catch (JsonProcessingException e) {
                throw notJson(e, p);
            }
        } catch (MalformedMessageException e) {
            throw e;
        } catch (IOException e) {
            throw new MalformedMessageException("message is not valid JSON: " + e.getMessage(), e);
        }
        return env.toMessage();
    }

    private static void walk(JsonParser p, Envelope env, byte[] utf8, int offset, int length) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new MalformedMessageException("message is empty: expected a JSON object, got "
                    + (length == 0 ? "no bytes" : "only whitespace"));
        }
        if (first != JsonToken.START_OBJECT) {
            throw new MalformedMessageException("message is not a JSON object: it starts with "
                    + describe(first) + " at offset " + p.currentTokenLocation().getByteOffset() + " of the body");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            long nameAt = p.currentTokenLocation().getByteOffset();
            if (env.fields.containsKey(name)) {
                throw new MalformedMessageException("message has field '" + name
                        + "' twice (again at offset " + nameAt + " of the body)");
            }
            JsonToken value = p.nextToken();
            int start = (int) p.currentTokenLocation().getByteOffset();
            env.takeScalar(name, value, p);
            p.skipChildren();
            // a string value is parsed lazily: finish it so the location is past its closing quote
            p.finishToken();
            int end = (int) p.currentLocation().getByteOffset();
            env.fields.put(name, RawJson.adopt(utf8, offset + start, end - start));
        }
        // Jackson reports anything but a field name or '}' inside an object, and an early end, as errors
        if (p.nextToken() != null) {
            throw new MalformedMessageException("message has content after its JSON object at offset "
                    + p.currentTokenLocation().getByteOffset() + " of the body");
        }
    }

    /** Jackson's own words, where it stopped, and none of its "[Source: REDACTED ...]" noise. */
    private static MalformedMessageException notJson(JsonProcessingException e, JsonParser p) {
        long at = e.getLocation() != null ? e.getLocation().getByteOffset() : p.currentLocation().getByteOffset();
        String reason = e.getOriginalMessage().replaceAll("Source: REDACTED \\([^)]*\\); ", "");
        return new MalformedMessageException("message is not valid JSON at offset " + at + " of the body: " + reason,
                e);
    }

    /**
     * Strict UTF-8 only. NUL bytes among the first four are rejected too: Jackson would take them
     * for UTF-16 or UTF-32 text and decode it, although a DAP body is UTF-8 and JSON never has a
     * raw NUL.
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

    /** What the top-level walk has seen: every field raw, in order, and the envelope's scalars typed. */
    private static final class Envelope {
        private final Map<String, RawJson> fields = new LinkedHashMap<>();
        private Integer seq;
        private Integer requestSeq;
        private Boolean success;
        private String type;
        private String command;
        private String event;
        private String message;

        /** Reads a scalar DAP defines when it has the expected JSON type; the caller checks duplicates. */
        void takeScalar(String name, JsonToken token, JsonParser p) throws IOException {
            switch (name) {
                case "seq":
                    seq = isInt(token, p) ? p.getIntValue() : null;
                    break;
                case "request_seq":
                    requestSeq = isInt(token, p) ? p.getIntValue() : null;
                    break;
                case "success":
                    success = token == JsonToken.VALUE_TRUE ? Boolean.TRUE
                            : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                    break;
                case "type":
                    type = token == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                case "command":
                    command = token == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                case "event":
                    event = token == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                case "message":
                    message = token == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                default:
                    break;
            }
        }

        DapMessage toMessage() throws MalformedMessageException {
            if (type == null) {
                throw fields.containsKey("type") ? wrongType("message", "type", "a string", fields.get("type"))
                        : new MalformedMessageException("message has no 'type' field");
            }
            DapMessage.MessageType kind = DapMessage.MessageType.fromWireName(type);
            if (kind == null) {
                throw new MalformedMessageException("message has unknown type '" + abbreviate(type)
                        + "' (expected request, response or event)");
            }
            int seqValue = required("seq", seq, "a 32-bit integer", kind);
            switch (kind) {
                case REQUEST:
                    return new Request(seqValue, required("command", command, "a string", kind),
                            fields.get("arguments"), unmodelled(REQUEST_FIELDS));
                case RESPONSE: {
                    int rseq = required("request_seq", requestSeq, "a 32-bit integer", kind);
                    boolean ok = required("success", success, "a boolean", kind);
                    String cmd = required("command", command, "a string", kind);
                    RawJson rawMessage = fields.get("message");
                    if (message == null && rawMessage != null && !rawMessage.isNull()) {
                        throw wrongType("response", "message", "a string or null", rawMessage);
                    }
                    return new Response(seqValue, rseq, ok, cmd, message, fields.get("body"),
                            unmodelled(RESPONSE_FIELDS));
                }
                default:
                    return new Event(seqValue, required("event", event, "a string", kind),
                            fields.get("body"), unmodelled(EVENT_FIELDS));
            }
        }

        private <T> T required(String name, T value, String expected, DapMessage.MessageType kind)
                throws MalformedMessageException {
            if (value != null) {
                return value;
            }
            RawJson wrong = fields.get(name);
            if (wrong != null) {
                throw wrongType(kind.wireName(), name, expected, wrong);
            }
            throw new MalformedMessageException(kind.wireName() + " has no '" + name + "' field");
        }

        /**
         * Fields this kind of message does not model (a request's {@code event}, say, or an
         * adapter's own key) are kept as the bytes they came as, so forwarding loses nothing.
         */
        private Map<String, RawJson> unmodelled(Set<String> modelled) {
            Map<String, RawJson> other = new LinkedHashMap<>(fields);
            other.keySet().removeAll(modelled);
            return other;
        }

        private static boolean isInt(JsonToken token, JsonParser p) throws IOException {
            return token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
        }
    }

    private static MalformedMessageException wrongType(String what, String name, String expected, RawJson raw) {
        return new MalformedMessageException(what + " field '" + name + "' must be " + expected + ", got "
                + abbreviate(raw.toString()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.asString() == null ? t.name() : "'" + t.asString() + "'";
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
