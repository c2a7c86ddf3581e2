package dev.dapkit.model;

import dev.dapkit.model.internal.json.Lsp4jCodecs;
import dev.dapkit.model.internal.json.MalformedJsonException;
import dev.dapkit.model.internal.json.Utf8JsonReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a message's envelope: walks the top-level object with the strict {@link Utf8JsonReader},
 * which checks every value's grammar without building anything, reads the scalars DAP defines in
 * place and slices every other value ({@code arguments}, {@code body}, unknown fields) out of the
 * frame as a {@link RawJson}. One instance per message; not thread-safe.
 *
 * <p>Given {@link ExpectedBodies}, the body of a successful response whose {@code type},
 * {@code request_seq}, {@code success} and {@code command} came before it is bound where it stands,
 * by the same reader, instead of being skipped; when that bind fails for any reason the reader goes
 * back to the body's start and skips it as it otherwise would, so that what is accepted and every
 * error stay exactly as without the hint.
 */
final class EnvelopeReader {

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeReader.class);

    private static final int SEQ = 0;
    private static final int TYPE = 1;
    private static final int COMMAND = 2;
    private static final int ARGUMENTS = 3;
    private static final int REQUEST_SEQ = 4;
    private static final int SUCCESS = 5;
    private static final int MESSAGE = 6;
    private static final int BODY = 7;
    private static final int EVENT = 8;
    /** The top-level fields DAP defines, by the ids above. */
    private static final String[] NAMES =
            {"seq", "type", "command", "arguments", "request_seq", "success", "message", "body", "event"};
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
    /** The fields each kind of message models; every other field is kept raw. */
    private static final int REQUEST_FIELDS = bits(SEQ, TYPE, COMMAND, ARGUMENTS);
    private static final int RESPONSE_FIELDS = bits(SEQ, TYPE, REQUEST_SEQ, SUCCESS, COMMAND, MESSAGE, BODY);
    private static final int EVENT_FIELDS = bits(SEQ, TYPE, EVENT, BODY);

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAME_BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final byte[] utf8;
    private final int offset;
    private final Utf8JsonReader in;
    private final ExpectedBodies expected;

    /**
     * Every field in order, three ints each: its id (-1 for one DAP does not define) and where its
     * value starts and ends; the names of the unknown ones, by field index, once there are any.
     */
    private int count;
    private int[] fields = new int[3 * 12];
    private String[] unknownNames;
    /** The index in the arrays above of each defined field, -1 while absent. */
    private final int[] slots = {-1, -1, -1, -1, -1, -1, -1, -1, -1};
    private Set<String> seenUnknown;

    private Integer seq;
    private Integer requestSeq;
    private Boolean success;
    private String type;
    private String command;
    private String event;
    private String message;
    /** The body bound while reading, and its type; null when it was skipped. */
    private Type boundType;
    private Object bound;

    private EnvelopeReader(byte[] utf8, int offset, int length, ExpectedBodies expected) {
        this.utf8 = utf8;
        this.offset = offset;
        this.in = new Utf8JsonReader(utf8, offset, length);
        this.expected = expected;
    }

    private static int bits(int... ids) {
        int mask = 0;
        for (int id : ids) {
            mask |= 1 << id;
        }
        return mask;
    }

    /**
     * Reads the message in {@code utf8[offset, offset + length)}, which must be valid UTF-8.
     *
     * @param expected what to bind a successful response's body to while reading, or null
     */
    static DapMessage read(byte[] utf8, int offset, int length, ExpectedBodies expected)
            throws MalformedMessageException {
        EnvelopeReader reader = new EnvelopeReader(utf8, offset, length, expected);
        try {
            reader.walk(length);
        } catch (MalformedJsonException e) {
            throw new MalformedMessageException("message is not valid JSON at offset " + (e.index() - offset)
                    + " of the body: " + e.reason(), e);
        }
        return reader.toMessage();
    }

    private void walk(int length) throws MalformedMessageException {
        in.skipByteOrderMark();
        int first = in.peek();
        if (first < 0) {
            throw new MalformedMessageException("message is empty: expected a JSON object, got "
                    + (length == 0 ? "no bytes" : "only whitespace"));
        }
        if (first != '{') {
            int at = in.position();
            throw new MalformedMessageException("message is not a JSON object: it starts with "
                    + describeValue(first) + " at offset " + (at - offset) + " of the body");
        }
        int open = in.position();
        if (in.beginObject()) {
            do {
                int nameAt = in.position();
                in.readName();
                int id = definedField();
                String unknown = id < 0 ? in.name() : null;
                checkFirst(id, unknown, nameAt);
                int start = in.position();
                take(id);
                add(id, unknown, start, in.position());
            } while (in.nextField(open));
        }
        if (in.peek() >= 0) {
            throw new MalformedMessageException("message has content after its JSON object at offset "
                    + (in.position() - offset) + " of the body");
        }
    }

    /** The id of the field whose name was just read, or -1; at most one name is compared. */
    private int definedField() {
        int candidate = switch (in.nameLength()) {
            case 3 -> SEQ;
            case 4 -> in.nameStartsWith('t') ? TYPE : BODY;
            case 5 -> EVENT;
            case 7 -> in.nameStartsWith('c') ? COMMAND : in.nameStartsWith('s') ? SUCCESS : MESSAGE;
            case 9 -> ARGUMENTS;
            case 11 -> REQUEST_SEQ;
            default -> -1;
        };
        return candidate >= 0 && in.nameIs(NAME_BYTES[candidate]) ? candidate : -1;
    }

    private void checkFirst(int id, String unknown, int nameAt) throws MalformedMessageException {
        boolean again;
        if (id >= 0) {
            again = slots[id] >= 0;
        } else {
            if (seenUnknown == null) {
                seenUnknown = new HashSet<>();
            }
            again = !seenUnknown.add(unknown);
        }
        if (again) {
            throw new MalformedMessageException("message has field '" + (id >= 0 ? NAMES[id] : unknown)
                    + "' twice (again at offset " + (nameAt - offset) + " of the body)");
        }
    }

    private void add(int id, String unknown, int start, int end) {
        if (3 * count == fields.length) {
            fields = Arrays.copyOf(fields, 2 * fields.length);
        }
        fields[3 * count] = id;
        fields[3 * count + 1] = start;
        fields[3 * count + 2] = end;
        if (id >= 0) {
            slots[id] = count;
        } else {
            if (unknownNames == null || count >= unknownNames.length) {
                unknownNames = Arrays.copyOf(unknownNames == null ? new String[0] : unknownNames,
                        fields.length / 3);
            }
            unknownNames[count] = unknown;
        }
        count++;
    }

    private RawJson slice(int field) {
        int start = fields[3 * field + 1];
        return RawJson.adopt(utf8, start, fields[3 * field + 2] - start);
    }

    /**
     * Reads the value of a field, keeping it when it is a scalar DAP defines and has the expected
     * JSON type; any other value is only checked and skipped.
     */
    private void take(int id) {
        switch (id) {
            case SEQ -> seq = readInt();
            case REQUEST_SEQ -> requestSeq = readInt();
            case SUCCESS -> success = readBoolean();
            case TYPE -> type = readString();
            case COMMAND -> command = readString();
            case EVENT -> event = readString();
            case MESSAGE -> message = readString();
            case BODY -> {
                if (!bindBody()) {
                    in.skipValue();
                }
            }
            default -> in.skipValue();
        }
    }

    /**
     * Binds the body in place when it is a successful response's and the receiver named a type for
     * it that the fast codec reads; true when it did. On false the reader is where it was.
     */
    private boolean bindBody() {
        if (expected == null || success != Boolean.TRUE || requestSeq == null || command == null
                || DapMessage.MessageType.fromWireName(type) != DapMessage.MessageType.RESPONSE) {
            return false;
        }
        Type bodyType;
        try {
            bodyType = expected.successBody(requestSeq, command);
        } catch (RuntimeException e) {
            LOG.warn("expected body of the response to '{}' request {} not known, read without it: {}", command,
                    requestSeq, e.toString(), e);
            return false;
        }
        Lsp4jCodecs.TypeCodec codec = bodyType == null ? null : DapJson.standard().fastCodec(bodyType);
        if (codec == null) {
            return false;
        }
        int start = in.position();
        int depth = in.depth();
        try {
            bound = codec.readValue(in);
            boundType = bodyType;
            return true;
        } catch (RuntimeException e) {
            // Whatever went wrong (a value that does not fit, broken JSON, a fallback that failed),
            // the skip reports it, or the caller's later bind does, exactly as without the hint.
            in.rewind(start, depth);
            return false;
        }
    }

    /** An integer that fits 32 bits, or null for any other value. */
    private Integer readInt() {
        int c = in.peek();
        if (c == '-' || (c >= '0' && c <= '9')) {
            return in.scanNumber() ? in.numberInt() : null;
        }
        in.skipValue();
        return null;
    }

    private Boolean readBoolean() {
        int c = in.peek();
        if (c == 't' || c == 'f') {
            return in.readBoolean();
        }
        in.skipValue();
        return null;
    }

    private String readString() {
        if (in.peek() == '"') {
            return in.readString();
        }
        in.skipValue();
        return null;
    }

    /** The kind of the value that starts with {@code first}, checked as far as its first token. */
    private String describeValue(int first) {
        switch (first) {
            case '[':
                return "an array";
            case '"':
                return "a string";
            case 't':
            case 'f':
                in.readBoolean();
                return "a boolean";
            case 'n':
                in.readNull();
                return "null";
            default:
                if (first == '-' || (first >= '0' && first <= '9')) {
                    in.scanNumber();
                    return "a number";
                }
                throw in.notAValue();
        }
    }

    private RawJson raw(int id) {
        int slot = slots[id];
        return slot < 0 ? null : slice(slot);
    }

    /** A response's body, with the value bound while reading when there is one. */
    private RawJson body() {
        int slot = slots[BODY];
        if (slot < 0 || bound == null) {
            return raw(BODY);
        }
        int start = fields[3 * slot + 1];
        return RawJson.adoptBound(utf8, start, fields[3 * slot + 2] - start, boundType, bound);
    }

    private DapMessage toMessage() throws MalformedMessageException {
        if (type == null) {
            throw slots[TYPE] >= 0 ? wrongType("message", TYPE, "a string")
                    : new MalformedMessageException("message has no 'type' field");
        }
        DapMessage.MessageType kind = DapMessage.MessageType.fromWireName(type);
        if (kind == null) {
            throw new MalformedMessageException("message has unknown type '" + abbreviate(type)
                    + "' (expected request, response or event)");
        }
        int seqValue = required(SEQ, seq, "a 32-bit integer", kind);
        switch (kind) {
            case REQUEST:
                return new Request(seqValue, required(COMMAND, command, "a string", kind), raw(ARGUMENTS),
                        unmodelled(REQUEST_FIELDS));
            case RESPONSE: {
                int rseq = required(REQUEST_SEQ, requestSeq, "a 32-bit integer", kind);
                boolean ok = required(SUCCESS, success, "a boolean", kind);
                String cmd = required(COMMAND, command, "a string", kind);
                RawJson rawMessage = raw(MESSAGE);
                if (message == null && rawMessage != null && !rawMessage.isNull()) {
                    throw wrongType("response", MESSAGE, "a string or null");
                }
                return new Response(seqValue, rseq, ok, cmd, message, body(), unmodelled(RESPONSE_FIELDS));
            }
            default:
                return new Event(seqValue, required(EVENT, event, "a string", kind), raw(BODY),
                        unmodelled(EVENT_FIELDS));
        }
    }

    private <T> T required(int id, T value, String expected, DapMessage.MessageType kind)
            throws MalformedMessageException {
        if (value != null) {
            return value;
        }
        if (slots[id] >= 0) {
            throw wrongType(kind.wireName(), id, expected);
        }
        throw new MalformedMessageException(kind.wireName() + " has no '" + NAMES[id] + "' field");
    }

    /**
     * Fields this kind of message does not model (a request's {@code event}, say, or an adapter's
     * own key) are kept as the bytes they came as, in their order, so forwarding loses nothing.
     */
    private Map<String, RawJson> unmodelled(int modelled) {
        Map<String, RawJson> other = null;
        for (int i = 0; i < count; i++) {
            int id = fields[3 * i];
            if (id < 0 || (modelled & (1 << id)) == 0) {
                if (other == null) {
                    other = new LinkedHashMap<>();
                }
                other.put(id < 0 ? unknownNames[i] : NAMES[id], slice(i));
            }
        }
        return other == null ? Map.of() : other;
    }

    private MalformedMessageException wrongType(String what, int id, String expected) {
        return new MalformedMessageException(what + " field '" + NAMES[id] + "' must be " + expected + ", got "
                + abbreviate(raw(id).toString()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
