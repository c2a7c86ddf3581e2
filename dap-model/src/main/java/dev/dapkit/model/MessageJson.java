package dev.dapkit.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope's JSON form. Reading walks the top level with a streaming parser and slices
 * {@code arguments}, {@code body} and unknown fields out of the frame without binding them;
 * writing emits the envelope by hand and copies raw values byte for byte.
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

    private MessageJson() {
    }

    static DapMessage read(JsonFactory factory, byte[] utf8, int offset, int length)
            throws MalformedMessageException {
        int bad = Utf8Check.firstInvalid(utf8, offset, length);
        if (bad >= 0) {
            throw new MalformedMessageException(String.format(
                    "message is not valid UTF-8: byte 0x%02X at offset %d of the body", utf8[bad] & 0xFF, bad - offset));
        }
        Envelope env = new Envelope();
        try (JsonParser p = factory.createParser(utf8, offset, length)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("message is not a JSON object: it starts with "
                        + describe(first) + " at offset " + p.currentTokenLocation().getByteOffset());
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!env.takeScalar(name, value, p)) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    p.finishToken();
                    int end = (int) p.currentLocation().getByteOffset();
                    env.putRaw(name, RawJson.adopt(utf8, offset + start, end - start));
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new MalformedMessageException("message is not one JSON object: " + describe(t)
                        + " at offset " + p.currentTokenLocation().getByteOffset());
            }
            if (p.nextToken() != null) {
                throw new MalformedMessageException("message has content after its JSON object at offset "
                        + p.currentTokenLocation().getByteOffset());
            }
        } catch (MalformedMessageException e) {
            throw e;
        } catch (IOException e) {
            throw new MalformedMessageException("message is not valid JSON: " + e.getMessage(), e);
        }
        return env.toMessage();
    }

    /** What the top-level walk has seen so far; scalars of the expected JSON type are read in place. */
    private static final class Envelope {
        private final Map<String, RawJson> raw = new LinkedHashMap<>();
        private Integer seq;
        private Integer requestSeq;
        private Boolean success;
        private String type;
        private String command;
        private String event;
        private String message;
        private boolean messageNull;

        boolean takeScalar(String name, JsonToken token, JsonParser p) throws IOException {
            switch (name) {
                case "seq":
                    if (isInt(token, p)) {
                        seq = once(name, seq, p.getIntValue());
                        return true;
                    }
                    return false;
                case "request_seq":
                    if (isInt(token, p)) {
                        requestSeq = once(name, requestSeq, p.getIntValue());
                        return true;
                    }
                    return false;
                case "success":
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        success = once(name, success, token == JsonToken.VALUE_TRUE);
                        return true;
                    }
                    return false;
                case "type":
                    if (token == JsonToken.VALUE_STRING) {
                        type = once(name, type, p.getText());
                        return true;
                    }
                    return false;
                case "command":
                    if (token == JsonToken.VALUE_STRING) {
                        command = once(name, command, p.getText());
                        return true;
                    }
                    return false;
                case "event":
                    if (token == JsonToken.VALUE_STRING) {
                        event = once(name, event, p.getText());
                        return true;
                    }
                    return false;
                case "message":
                    if (token == JsonToken.VALUE_STRING) {
                        message = once(name, message, p.getText());
                        return true;
                    }
                    if (token == JsonToken.VALUE_NULL) {
                        messageNull = true;
                        return true;
                    }
                    return false;
                default:
                    return false;
            }
        }

        void putRaw(String name, RawJson value) throws MalformedMessageException {
            if (raw.put(name, value) != null) {
                throw new MalformedMessageException("message has field '" + name + "' twice");
            }
        }

        DapMessage toMessage() throws MalformedMessageException {
            if (type == null) {
                throw raw.containsKey("type") ? wrongType("type", "a string", raw.get("type"))
                        : new MalformedMessageException("message has no 'type' field");
            }
            DapMessage.MessageType kind = DapMessage.MessageType.fromWireName(type);
            if (kind == null) {
                throw new MalformedMessageException("message has unknown type '" + type
                        + "' (expected request, response or event)");
            }
            int seqValue = required("seq", seq, "an integer", kind);
            switch (kind) {
                case REQUEST: {
                    String cmd = required("command", command, "a string", kind);
                    RawJson arguments = raw.remove("arguments");
                    keepUnmodelled();
                    return new Request(seqValue, cmd, arguments, raw);
                }
                case RESPONSE: {
                    int rseq = required("request_seq", requestSeq, "an integer", kind);
                    boolean ok = required("success", success, "a boolean", kind);
                    String cmd = required("command", command, "a string", kind);
                    if (raw.containsKey("message")) {
                        throw wrongType("message", "a string", raw.get("message"));
                    }
                    RawJson body = raw.remove("body");
                    keepUnmodelled();
                    return new Response(seqValue, rseq, ok, cmd, message, body, raw);
                }
                default: {
                    String name = required("event", event, "a string", kind);
                    RawJson body = raw.remove("body");
                    keepUnmodelled();
                    return new Event(seqValue, name, body, raw);
                }
            }
        }

        private <T> T required(String name, T value, String expected, DapMessage.MessageType kind)
                throws MalformedMessageException {
            if (value != null) {
                return value;
            }
            RawJson wrong = raw.get(name);
            if (wrong != null) {
                throw wrongType(name, expected, wrong);
            }
            throw new MalformedMessageException(kind.wireName() + " has no '" + name + "' field");
        }

        /**
         * Scalars that this kind of message does not define (a request's {@code event}, say) are
         * kept like any unknown field, so forwarding the message loses nothing.
         */
        private void keepUnmodelled() {
            DapMessage.MessageType kind = DapMessage.MessageType.fromWireName(type);
            if (kind != DapMessage.MessageType.RESPONSE) {
                keep("request_seq", requestSeq == null ? null : requestSeq.toString());
                keep("success", success == null ? null : success.toString());
                keep("message", message == null ? (messageNull ? "null" : null) : quote(message));
            }
            if (kind == DapMessage.MessageType.EVENT) {
                keep("command", command == null ? null : quote(command));
            } else {
                keep("event", event == null ? null : quote(event));
            }
        }

        private void keep(String name, String json) {
            if (json != null) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                raw.put(name, RawJson.adopt(bytes, 0, bytes.length));
            }
        }

        private static String quote(String s) {
            return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
        }

        private static boolean isInt(JsonToken token, JsonParser p) throws IOException {
            return token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
        }

        private static <T> T once(String name, T previous, T value) throws MalformedMessageException {
            if (previous != null) {
                throw new MalformedMessageException("message has field '" + name + "' twice");
            }
            return value;
        }
    }

    private static MalformedMessageException wrongType(String name, String expected, RawJson raw) {
        String text = raw.toString();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return new MalformedMessageException("field '" + name + "' must be " + expected + ", got " + text);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
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

    static void write(DapMessage message, OutputStream out) throws IOException {
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

    private static void writeRaw(OutputStream out, byte[] name, RawJson value) throws IOException {
        if (value != null) {
            out.write(name);
            value.writeTo(out);
        }
    }

    private static void writeString(OutputStream out, String s) throws IOException {
        out.write('"');
        if (isPlainAscii(s)) {
            for (int i = 0; i < s.length(); i++) {
                out.write(s.charAt(i));
            }
        } else {
            out.write(JsonStringEncoder.getInstance().quoteAsUTF8(s));
        }
        out.write('"');
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(Integer.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
