package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and writes the values of one Java type. Readers handle the JSON shape that type is
 * normally written as and hand any other shape to Jackson, so that coercions and error messages
 * stay Jackson's; JSON {@code null} is handled by the caller (a property or an array). Immutable
 * once built, thread-safe.
 */
abstract class ValueCodec {

    /** Reads the non-null value that starts at the reader's position (whitespace already skipped). */
    abstract Object read(Utf8JsonReader in);

    /** Writes a non-null value. */
    abstract void write(Object value, Utf8JsonWriter out);

    /**
     * The path, relative to {@code json} (a value, not null, that this codec would read), of the
     * first required bean property it lacks or has as null, in property order, depth first; null
     * when it lacks none or is of a kind this codec does not read as a bean or an array. For the
     * error path: it tells which property to name when a checked read stopped.
     */
    String firstMissing(JsonNode json) {
        return null;
    }

    /** The reader's byte at its position: the first byte of the value to read. */
    static int first(Utf8JsonReader in) {
        return in.buf[in.pos] & 0xFF;
    }

    static boolean startsNumber(int c) {
        return c == '-' || (c >= '0' && c <= '9');
    }
}
