package dev.dapkit.model.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict reader of RFC 8259 JSON in UTF-8, walking a byte range without building anything it is
 * not asked for. It rejects everything Jackson's default parser rejects: trailing commas, bare words,
 * comments, leading zeros, unescaped control characters in strings, nesting deeper than
 * {@value #MAX_DEPTH}, numbers longer than 1000 digits and names longer than 50,000 bytes.
 *
 * <p>The input must be valid UTF-8 (frames are checked before they are read; {@code RawJson}
 * never holds anything else): strings without escapes are decoded by the JDK in one call.
 *
 * <p>Not thread-safe: one reader per text, used by one thread.
 */
public final class Utf8JsonReader {

    /** Jackson's default {@code StreamReadConstraints.getMaxNestingDepth()}. */
    public static final int MAX_DEPTH = 1000;
    static final int MAX_NAME_LENGTH = 50_000;
    /** Shorter strings are decoded afresh: comparing them with a cached one saves too little. */
    static final int MIN_CACHED_LENGTH = 12;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final byte[] buf;
    final int start;
    final int end;
    int pos;
    private int depth;

    /** The last name read: its raw bytes are {@code buf[nameStart, nameEnd)} unless it had escapes. */
    int nameStart;
    int nameEnd;
    /** The last name read, decoded, when it had escapes; null otherwise. */
    String nameText;

    /** Made on the first string worth caching: most messages are small. */
    private DecodedStrings decoded;

    /**
     * Whether beans refuse to end without their required properties ({@code TypeCodec.readChecked});
     * set before the read starts.
     */
    boolean checkRequired;

    /** The last number scanned: where it starts, and its value when it is an {@code int}. */
    int numberStart;
    int numberInt;

    public Utf8JsonReader(byte[] utf8, int offset, int length) {
        this.buf = utf8;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
    }

    /** The index in the array of the next byte to read. */
    public int position() {
        return pos;
    }

    /** Skips a UTF-8 byte order mark at the start, as Jackson does. */
    public void skipByteOrderMark() {
        if (pos == start && end - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB
                && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /** Skips whitespace; returns the next byte (0 to 255) without consuming it, or -1 at the end. */
    public int peek() {
        byte[] b = buf;
        int p = pos;
        while (p < end) {
            int c = b[p] & 0xFF;
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                pos = p;
                return c;
            }
            p++;
        }
        pos = p;
        return -1;
    }

    /**
     * At {@code '{'}: consumes it. Returns true when a field follows (the reader is at its name),
     * false when the object is empty (its {@code '}'} consumed too).
     */
    public boolean beginObject() {
        int open = pos++;
        enter(open);
        int c = peek();
        if (c == '"') {
            return true;
        }
        if (c == '}') {
            pos++;
            depth--;
            return false;
        }
        if (c == ']') {
            throw closeMarker(']', '}', "Object", open);
        }
        throw c < 0 ? endOfInput(": expected close marker for Object" + startMarker(open))
                : unexpected("was expecting double-quote to start field name");
    }

    /**
     * After a field's value: consumes the {@code ','} and returns true when another field follows,
     * or consumes the {@code '}'} and returns false. {@code open} is where the object started.
     */
    public boolean nextField(int open) {
        int c = peek();
        if (c == ',') {
            pos++;
            c = peek();
            if (c == '"') {
                return true;
            }
            throw c < 0 ? endOfInput(" within/between Object entries")
                    : unexpected("was expecting double-quote to start field name");
        }
        if (c == '}') {
            pos++;
            depth--;
            return false;
        }
        if (c < 0) {
            throw endOfInput(": expected close marker for Object" + startMarker(open));
        }
        if (c == ']') {
            throw closeMarker(']', '}', "Object", open);
        }
        throw unexpected("was expecting comma to separate Object entries");
    }

    /** At {@code '['}: consumes it; true when an element follows, false when the array is empty. */
    boolean beginArray() {
        int open = pos++;
        enter(open);
        int c = peek();
        if (c == ']') {
            pos++;
            depth--;
            return false;
        }
        if (c < 0) {
            throw endOfInput(": expected close marker for Array" + startMarker(open));
        }
        if (c == '}') {
            throw closeMarker('}', ']', "Array", open);
        }
        return true;
    }

    /** After an element: consumes {@code ','} and returns true, or consumes {@code ']'} and returns false. */
    boolean nextElement(int open) {
        int c = peek();
        if (c == ',') {
            pos++;
            c = peek();
            if (c < 0) {
                throw endOfInput(" within/between Array entries");
            }
            return true;
        }
        if (c == ']') {
            pos++;
            depth--;
            return false;
        }
        if (c < 0) {
            throw endOfInput(": expected close marker for Array" + startMarker(open));
        }
        if (c == '}') {
            throw closeMarker('}', ']', "Array", open);
        }
        throw unexpected("was expecting comma to separate Array entries");
    }

    /** How many objects and arrays the position is inside. */
    public int depth() {
        return depth;
    }

    /** Goes back to {@code position}, where the nesting depth was {@code depthThere}, to read a value again. */
    public void rewind(int position, int depthThere) {
        pos = position;
        depth = depthThere;
    }

    private void enter(int open) {
        if (++depth > MAX_DEPTH) {
            throw new MalformedJsonException("Document nesting depth (" + depth + ") exceeds the maximum allowed ("
                    + MAX_DEPTH + ", from `StreamReadConstraints.getMaxNestingDepth()`)", open + 1);
        }
    }

    /**
     * At a field name's opening quote: reads the name and the colon after it. The raw name is
     * {@code buf[nameStart, nameEnd)}, or {@link #nameText} when it had escapes.
     */
    public void readName() {
        int p = JsonStrings.stopShort(buf, pos + 1, end);
        if (p == end) {
            pos = end;
            throw endOfInput(" in field name");
        }
        if (buf[p] == '"') {
            nameStart = pos + 1;
            nameEnd = p;
            nameText = null;
            pos = p + 1;
            checkNameLength(nameEnd - nameStart);
        } else {
            nameText = JsonStrings.decode(this, pos + 1, p, true);
            checkNameLength(nameText.length());
        }
        expectColon();
    }

    /**
     * At a field name's opening quote: when the name is {@code property}'s, written plainly (no
     * escapes, as writers write names), reads it and the colon after it, as {@link #readName()}
     * would, and returns true; otherwise returns false having read nothing. Lets a bean reader
     * confirm the field it expects next without scanning for the end of the name first.
     */
    boolean readNameIf(Property property) {
        int from = pos + 1;
        int length = property.nameBytes.length;
        int close = from + length;
        if (close >= end || buf[close] != '"' || !property.named(buf, from, length)) {
            return false;
        }
        nameStart = from;
        nameEnd = close;
        nameText = null;
        pos = close + 1;
        if (pos < end && buf[pos] == ':' && pos + 1 < end && buf[pos + 1] > ' ') {
            pos++;
        } else {
            expectColon();
        }
        return true;
    }

    /** The name {@link #readName()} read last. */
    public String name() {
        return nameText != null ? nameText : new String(buf, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
    }

    /** The length of the name {@link #readName()} read last: in bytes, or in chars when it had escapes. */
    public int nameLength() {
        return nameText != null ? nameText.length() : nameEnd - nameStart;
    }

    /** Whether the name {@link #readName()} read last starts with the ASCII character {@code c}. */
    public boolean nameStartsWith(char c) {
        return nameText != null ? nameText.startsWith(String.valueOf(c))
                : nameEnd > nameStart && buf[nameStart] == c;
    }

    /** Whether the name {@link #readName()} read last is {@code ascii} (given as bytes), without decoding it. */
    public boolean nameIs(byte[] ascii) {
        if (nameText != null) {
            return nameText.equals(new String(ascii, StandardCharsets.US_ASCII));
        }
        if (nameEnd - nameStart != ascii.length) {
            return false;
        }
        for (int i = 0; i < ascii.length; i++) {
            if (buf[nameStart + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    private void checkNameLength(int length) {
        if (length > MAX_NAME_LENGTH) {
            throw new MalformedJsonException("Name length (" + length + ") exceeds the maximum allowed ("
                    + MAX_NAME_LENGTH + ", from `StreamReadConstraints.getMaxNameLength()`)", pos);
        }
    }

    private void expectColon() {
        int c = peek();
        if (c == ':') {
            pos++;
            if (peek() < 0) {
                throw endOfInput(" within/between Object entries");
            }
            return;
        }
        throw c < 0 ? endOfInput(" within/between Object entries")
                : unexpected("was expecting a colon to separate field name and value");
    }

    /**
     * At a string's opening quote: reads and decodes it. A string equal to a recent one of the same
     * byte length is that same instance.
     */
    public String readString() {
        return readString(-1);
    }

    /**
     * Like {@link #readString()} for the value of the field numbered {@code hint} (below
     * {@link DecodedStrings#HINTS}; -1 for none): when it is the very string read last for that
     * field, it is recognised by comparing bytes, without scanning it first.
     */
    String readString(int hint) {
        int from = pos + 1;
        DecodedStrings cache = decoded;
        if (hint >= 0 && cache != null) {
            String known = cache.again(buf, from, end, hint);
            if (known != null) {
                pos = from + cache.hintedLength(hint) + 1;
                return known;
            }
        }
        int p = JsonStrings.stop(buf, from, end);
        if (p == end) {
            pos = end;
            throw endOfInput(" in VALUE_STRING");
        }
        if (buf[p] != '"') {
            return JsonStrings.decode(this, from, p, false);
        }
        int length = p - from;
        pos = p + 1;
        if (length < MIN_CACHED_LENGTH) {
            return new String(buf, from, length, StandardCharsets.UTF_8);
        }
        if (cache == null) {
            cache = new DecodedStrings();
            decoded = cache;
        }
        return cache.decode(buf, from, length, hint);
    }

    /** At a string's opening quote: checks it and moves past it. */
    void skipString() {
        int p = JsonStrings.stop(buf, pos + 1, end);
        if (p == end) {
            pos = end;
            throw endOfInput(" in VALUE_STRING");
        }
        if (buf[p] == '"') {
            pos = p + 1;
        } else {
            JsonStrings.skip(this, p);
        }
    }

    /** At {@code 't'} or {@code 'f'}: reads the literal. */
    public boolean readBoolean() {
        if (buf[pos] == 't') {
            literal(TRUE);
            return true;
        }
        literal(FALSE);
        return false;
    }

    /** At {@code 'n'}: reads {@code null}. */
    public void readNull() {
        literal(NULL);
    }

    private void literal(byte[] word) {
        int p = pos;
        int n = word.length;
        if (end - p >= n && Arrays.equals(buf, p, p + n, word, 0, n)
                && (p + n == end || !MalformedJsonException.isTokenPart(buf[p + n] & 0xFF))) {
            pos = p + n;
            return;
        }
        throw MalformedJsonException.unrecognizedToken(buf, pos, end);
    }

    /** Like {@link #scanNumber()}, quicker for a small non-negative integer. */
    boolean scanInt() {
        return JsonNumbers.scanInt(this);
    }

    /**
     * At {@code '-'} or a digit: checks the number's grammar and moves past it. Returns true when it
     * is an integer (no fraction, no exponent) that fits an {@code int}; {@link #numberInt()} is then
     * its value.
     */
    public boolean scanNumber() {
        return JsonNumbers.scan(this);
    }

    /** The value of the number {@link #scanNumber()} found to be an {@code int}. */
    public int numberInt() {
        return numberInt;
    }

    /** The text of the last number scanned. */
    String numberText() {
        return new String(buf, numberStart, pos - numberStart, StandardCharsets.ISO_8859_1);
    }

    /** Checks the value that starts at the next non-whitespace byte and moves past it. */
    public void skipValue() {
        ValueSkipper.skip(this);
    }

    /** The error for the byte at the position, where a value should start. */
    public MalformedJsonException notAValue() {
        return MalformedJsonException.notAValue(buf, pos, end);
    }

    /** The error for the byte at the position, which is not what {@code expectation} says. */
    MalformedJsonException unexpected(String expectation) {
        return MalformedJsonException.unexpected(buf, pos, end, expectation);
    }

    MalformedJsonException inNumber(String expectation) {
        return new MalformedJsonException("Unexpected character (" + MalformedJsonException.describeChar(buf, pos, end)
                + ") in numeric value: " + expectation, pos);
    }

    MalformedJsonException endOfInput(String context) {
        return new MalformedJsonException("Unexpected end-of-input" + context, end);
    }

    private MalformedJsonException closeMarker(char found, char expected, String container, int open) {
        return new MalformedJsonException("Unexpected close marker '" + found + "': expected '" + expected + "' (for "
                + container + " starting at " + MalformedJsonException.marker(buf, start, open) + ")", pos);
    }

    private String startMarker(int open) {
        return " (start marker at " + MalformedJsonException.marker(buf, start, open) + ")";
    }
}
