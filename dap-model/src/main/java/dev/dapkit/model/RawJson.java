package dev.dapkit.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON value kept as the UTF-8 text it arrived as (or was written as), bound to a Java type
 * only when someone asks. Forwarding a {@code RawJson} writes the very same bytes, so keys and
 * number forms that no Java type models (an adapter's own launch settings, {@code 5005} as an
 * integer, a 17-digit number) pass through untouched.
 *
 * <p>A response body that was bound while its message was read (see {@link ExpectedBodies}) keeps
 * that value until the first {@code bind} to its very type takes it; every other bind, and every
 * later one, reads the text afresh, so no two callers ever share a mutable LSP4J bean.
 *
 * <p>Immutable (but for handing out that one value) and thread-safe. Equality is byte equality of
 * the JSON text.
 */
public final class RawJson {

    private static final VarHandle BOUND;

    static {
        try {
            BOUND = MethodHandles.lookup().findVarHandle(RawJson.class, "bound", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final byte[] utf8;
    private final int offset;
    private final int length;
    /** The type {@link #bound} was bound to; null when nothing was bound while reading. */
    private final Type boundType;
    /** The value bound while reading, until the first bind to {@link #boundType} takes it. */
    @SuppressWarnings("unused") // through BOUND
    private volatile Object bound;

    private RawJson(byte[] utf8, int offset, int length, Type boundType, Object bound) {
        this.utf8 = utf8;
        this.offset = offset;
        this.length = length;
        this.boundType = boundType;
        this.bound = bound;
    }

    private RawJson(byte[] utf8, int offset, int length) {
        this(utf8, offset, length, null, null);
    }

    /**
     * Wraps part of an array that the caller hands over and never changes again; used by the
     * message reader, which slices values out of a frame instead of copying them.
     */
    static RawJson adopt(byte[] utf8, int offset, int length) {
        return new RawJson(utf8, offset, length);
    }

    /**
     * Like {@link #adopt}, with {@code value}, which the caller read from these very bytes as a
     * {@code type} and hands over: the first bind to {@code type} returns it.
     */
    static RawJson adoptBound(byte[] utf8, int offset, int length, Type type, Object value) {
        return new RawJson(utf8, offset, length, type, value);
    }

    /**
     * The value bound while reading, when {@code type} is its type and no one took it before;
     * null otherwise. Taking it forgets it.
     */
    Object takeBound(Type type) {
        if (boundType == null || !boundType.equals(type)) {
            return null;
        }
        return BOUND.getAndSet(this, null);
    }

    /** The value bound while reading and not yet taken, without taking it; for tests. */
    Object peekBound() {
        return BOUND.getVolatile(this);
    }

    /**
     * The raw JSON for a value: null stays null, a {@code RawJson} is returned as it is, anything
     * else (an LSP4J model object, a {@link JsonNode}, a map, a string, a number) is written now
     * with {@link DapJson#standard()}.
     */
    public static RawJson from(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof RawJson raw) {
            return raw;
        }
        return DapJson.standard().toRaw(value);
    }

    /**
     * Parses JSON text into a {@code RawJson}, checking that it is exactly one well-formed value.
     *
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    public static RawJson parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        DapJson.standard().checkSingleValue(bytes);
        return new RawJson(bytes, 0, bytes.length);
    }

    /** Binds this value to {@code type} with {@link DapJson#standard()}. */
    public <T> T bind(Class<T> type) {
        return DapJson.standard().bind(this, type);
    }

    /** Binds this value to a generic type, e.g. {@code Map<String, Object>}. */
    public <T> T bind(TypeReference<T> type) {
        return DapJson.standard().bind(this, type.getType());
    }

    /** Binds this value to any reflected type. */
    public <T> T bind(Type type) {
        return DapJson.standard().bind(this, type);
    }

    /** A fresh tree of this value; the caller owns it and may change it. */
    public JsonNode tree() {
        return bind(JsonNode.class);
    }

    /** Whether this is the JSON literal {@code null}. */
    public boolean isNull() {
        return length == 4 && utf8[offset] == 'n' && utf8[offset + 1] == 'u'
                && utf8[offset + 2] == 'l' && utf8[offset + 3] == 'l';
    }

    /** Whether this is a JSON object: its text starts with {@code {}, after any whitespace. */
    public boolean isObject() {
        for (int i = offset; i < offset + length; i++) {
            byte b = utf8[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    /** The number of UTF-8 bytes of the JSON text. */
    public int byteLength() {
        return length;
    }

    /** Writes the JSON text, as UTF-8, to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(utf8, offset, length);
    }

    /** A copy of the JSON text as UTF-8 bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(utf8, offset, offset + length);
    }

    byte[] array() {
        return utf8;
    }

    int offset() {
        return offset;
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return new String(utf8, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson other
                && Arrays.equals(utf8, offset, offset + length, other.utf8, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + utf8[i];
        }
        return h;
    }

    /** An unmodifiable copy that keeps insertion order; shared by the envelope records. */
    static Map<String, RawJson> keepOrder(Map<String, RawJson> fields) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
