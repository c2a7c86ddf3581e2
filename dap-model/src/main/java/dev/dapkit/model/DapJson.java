package dev.dapkit.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.dapkit.model.internal.json.JsonBindException;
import dev.dapkit.model.internal.json.JsonWriteException;
import dev.dapkit.model.internal.json.Lsp4jCodecs;
import dev.dapkit.model.internal.json.MalformedJsonException;
import dev.dapkit.model.internal.json.Utf8JsonWriter;
import dev.dapkit.model.json.Lsp4jModule;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JSON side of DAP: reads and writes whole messages and binds raw values to LSP4J's model
 * classes (or any other type) with Jackson and {@link Lsp4jModule}. LSP4J Debug's model beans, and
 * arrays of them, take a faster path that maps them exactly as that Jackson configuration does,
 * straight between objects and UTF-8 bytes; the envelope of a message is read by the same strict
 * reader, which slices every field's value out of the frame.
 *
 * <p>Thread-safe. The configuration is fixed when an instance is made; {@link #standard()} is the
 * one every part of dapkit uses.
 */
public final class DapJson {

    private static final DapJson STANDARD = new DapJson(newObjectMapper());

    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final Lsp4jCodecs lsp4j;
    private final ConcurrentMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    private DapJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer();
        this.lsp4j = new Lsp4jCodecs(mapper);
    }

    /** The shared instance. */
    public static DapJson standard() {
        return STANDARD;
    }

    /**
     * A new mapper configured the way dapkit maps DAP JSON: LSP4J's model classes through
     * {@link Lsp4jModule}, absent values left out, unknown properties ignored, numbers kept exact.
     * For applications that bind their own adapter-specific types the same way.
     */
    public static ObjectMapper newObjectMapper() {
        return Lsp4jModule.configure(new ObjectMapper());
    }

    /** Writes {@code value} as UTF-8 JSON. */
    public byte[] writeValueAsBytes(Object value) {
        Lsp4jCodecs.TypeCodec codec = value == null ? null : lsp4j.codecFor(value.getClass());
        if (codec != null) {
            return writeFast(codec, value).toByteArray();
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The raw JSON of {@code value}, for {@link RawJson#from}. LSP4J beans are written by the fast
     * path, whose array is adopted rather than copied when little of it is unused.
     */
    RawJson toRaw(Object value) {
        Lsp4jCodecs.TypeCodec codec = lsp4j.codecFor(value.getClass());
        if (codec != null) {
            Utf8JsonWriter out = writeFast(codec, value);
            int size = out.size();
            byte[] array = out.array();
            boolean tooRoomy = array.length - size > (size >> 3) + 256;
            return RawJson.adopt(tooRoomy ? out.toByteArray() : array, 0, size);
        }
        byte[] bytes = writeValueAsBytes(value);
        return RawJson.adopt(bytes, 0, bytes.length);
    }

    private static Utf8JsonWriter writeFast(Lsp4jCodecs.TypeCodec codec, Object value) {
        try {
            return codec.writeToBuffer(value);
        } catch (JsonWriteException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.reason(), e);
        }
    }

    /**
     * Binds a raw value to {@code type}. A response body that was bound to {@code type} while its
     * message was read ({@link ExpectedBodies}) is that value the first time, read afresh after.
     */
    @SuppressWarnings("unchecked")
    public <T> T bind(RawJson raw, Type type) {
        Object bound = raw.takeBound(type);
        if (bound != null) {
            return (T) bound;
        }
        Lsp4jCodecs.TypeCodec codec = fastCodec(type);
        if (codec != null) {
            try {
                return (T) codec.read(raw.array(), raw.offset(), raw.byteLength());
            } catch (JsonBindException e) {
                throw doesNotFit(raw, type, e);
            } catch (MalformedJsonException e) {
                throw malformed(raw, type, e);
            }
        }
        ObjectReader reader = readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t)));
        try {
            return reader.readValue(raw.array(), raw.offset(), raw.byteLength());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot bind " + abbreviate(raw) + " to " + type.getTypeName()
                    + where(e) + ": " + originalMessage(e), e);
        }
    }

    /**
     * Binds a raw value to {@code type} as {@link #bind(RawJson, Type)} does, and refuses it when it
     * lacks a property that DAP requires: in LSP4J Debug's model classes, a field that LSP4J marks
     * {@code @NonNull} or declares primitive (a missing {@code threadId} would bind to 0 otherwise),
     * in nested objects and in arrays of them as well. A property given as JSON {@code null} counts as
     * missing; unknown properties are ignored. For what a server receives, such as a request's
     * arguments: {@link #bind(RawJson, Type)} stays lenient, as a client must be with what other
     * adapters send.
     *
     * <p>The check is made while the value is read, in one pass. When the value lacks a required
     * property, that is what is reported, even if another value is of the wrong kind; of several
     * missing, the first in field order, depth first. Classes outside LSP4J Debug's model are bound
     * as {@link #bind(RawJson, Type)} binds them, with nothing required.
     *
     * @throws IllegalArgumentException when the value does not fit {@code type}; when a required
     *     property is missing, with the message {@code required field 'breakpoints[1].line' is missing}
     */
    public <T> T bindChecked(RawJson raw, Class<T> type) {
        Lsp4jCodecs.TypeCodec codec = lsp4j.codecFor(type);
        if (codec == null) {
            return bind(raw, type);
        }
        try {
            return type.cast(codec.readChecked(raw.array(), raw.offset(), raw.byteLength()));
        } catch (JsonBindException e) {
            String missing = firstMissing(codec, raw);
            if (missing != null) {
                throw new IllegalArgumentException("required field '" + missing + "' is missing", e);
            }
            throw doesNotFit(raw, type, e);
        } catch (MalformedJsonException e) {
            throw malformed(raw, type, e);
        }
    }

    /**
     * The first required property that {@code raw} lacks, in field order: a checked read stops at the
     * first problem it meets, which may be a value of the wrong kind before a missing property, or a
     * missing property deeper in than one missing before it. On the error path only, so a tree will do.
     */
    private String firstMissing(Lsp4jCodecs.TypeCodec codec, RawJson raw) {
        JsonNode tree;
        try {
            tree = mapper.readTree(raw.array(), raw.offset(), raw.byteLength());
        } catch (IOException e) {
            return null;
        }
        return tree == null ? null : codec.firstMissing(tree);
    }

    private static IllegalArgumentException doesNotFit(RawJson raw, Type type, JsonBindException e) {
        String path = e.path();
        return new IllegalArgumentException("cannot bind " + abbreviate(raw) + " to " + type.getTypeName()
                + (path.isEmpty() ? "" : " at " + path) + ": " + e.reason(), e);
    }

    private static IllegalArgumentException malformed(RawJson raw, Type type, MalformedJsonException e) {
        return new IllegalArgumentException("cannot bind " + abbreviate(raw) + " to " + type.getTypeName()
                + " at " + MalformedJsonException.lineAndColumn(raw.array(), raw.offset(), e.index()) + ": "
                + e.reason(), e);
    }

    /** The Jackson type for a reflected type, for callers that cache bindings. */
    public JavaType constructType(Type type) {
        return mapper.constructType(type);
    }

    /**
     * Reads one message from the UTF-8 JSON in {@code utf8[offset, offset + length)}.
     *
     * <p>The returned message keeps references into the array instead of copying its arguments or
     * body: the caller hands the array over and must not change it afterwards.
     *
     * @throws MalformedMessageException when the bytes are not UTF-8, not a JSON object, or not a
     *     DAP message
     */
    public DapMessage readMessage(byte[] utf8, int offset, int length) throws MalformedMessageException {
        return MessageJson.read(utf8, offset, length, null);
    }

    /**
     * Reads one message as {@link #readMessage(byte[], int, int)} does, and binds the body of a
     * successful response to the type {@code expected} names for it while reading the envelope, so
     * that the body is parsed once; see {@link ExpectedBodies}. The message, its bytes and every
     * error are the same as without {@code expected}.
     *
     * @param expected the receiver's expectations, or null for none
     */
    public DapMessage readMessage(byte[] utf8, int offset, int length, ExpectedBodies expected)
            throws MalformedMessageException {
        return MessageJson.read(utf8, offset, length, expected);
    }

    /** The fast codec for {@code type}, or null when it is not an LSP4J Debug model class or an array of one. */
    Lsp4jCodecs.TypeCodec fastCodec(Type type) {
        return type instanceof Class<?> c ? lsp4j.codecFor(c) : null;
    }

    /** Writes {@code message} as UTF-8 JSON to {@code out}; raw values are copied byte for byte. */
    public void writeMessage(DapMessage message, OutputStream out) throws IOException {
        MessageJson.write(message, out);
    }

    void checkSingleValue(byte[] utf8) {
        try (JsonParser parser = mapper.getFactory().createParser(utf8)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("empty JSON text");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value: another one starts at "
                        + lineAndColumn(parser.currentTokenLocation()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON" + where(e) + ": " + originalMessage(e), e);
        }
    }

    /**
     * Where in the value a problem is: the path to the property that could not be bound
     * ({@code " at $.stackFrames[1].line"}) or, for broken JSON, the line and column.
     */
    private static String where(IOException e) {
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder(" at $");
            for (JsonMappingException.Reference step : jme.getPath()) {
                if (step.getFieldName() != null) {
                    path.append('.').append(step.getFieldName());
                } else if (step.getIndex() >= 0) {
                    path.append('[').append(step.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        if (e instanceof JsonProcessingException jpe && !(e instanceof JsonMappingException)
                && jpe.getLocation() != null) {
            return " at " + lineAndColumn(jpe.getLocation());
        }
        return "";
    }

    private static String lineAndColumn(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }

    private static String abbreviate(RawJson raw) {
        String text = raw.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
