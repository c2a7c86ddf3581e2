package dev.dapkit.model.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes JSON as UTF-8 into a growable array. Strings are escaped as Jackson escapes them
 * ({@code "}, {@code \}, and control characters, with the short forms {@code \n}, {@code \t},
 * {@code \r}, {@code \b}, {@code \f}); everything else is written as UTF-8, except unpaired
 * surrogates, which are escaped (<code>&#92;uD800</code>) so that what was read can be written again.
 * A long string or a bean held by a field that was written recently by this writer, the very
 * instance, is copied from the bytes already written ({@link WrittenValues}).
 *
 * <p>Not thread-safe: one writer per value, used by one thread.
 */
public final class Utf8JsonWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For each ASCII character: 0 when written as it is, the short escape letter, or 'u' for a backslash-u escape. */
    private static final byte[] ESCAPES = new byte[128];
    private static final byte[] MIN_INT = "-2147483648".getBytes(StandardCharsets.US_ASCII);
    /** "00" to "99", two bytes each. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
        ESCAPES['\t'] = 't';
        ESCAPES['\b'] = 'b';
        ESCAPES['\f'] = 'f';
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /**
     * Strings shorter than this are written afresh: copying costs about as much as escaping them,
     * and small messages (a command name, a thread name) then never pay for remembering.
     */
    static final int MIN_REMEMBERED_LENGTH = 16;
    /** A stack frame has a name and its source a name and a path; a few frames of other methods fit too. */
    static final int REMEMBERED_STRINGS = 8;
    /** Beans held by fields: the one or two sources a run of frames shares. */
    static final int REMEMBERED_BEANS = 4;

    private byte[] buf;
    private int size;
    /**
     * Made on the first value worth remembering; most small messages never need them. Strings and
     * beans apart, so that beans met once (a new {@code Source} per frame) do not push out strings.
     */
    private WrittenValues strings;
    private WrittenValues beans;

    public Utf8JsonWriter(int capacity) {
        this.buf = new byte[Math.max(16, capacity)];
    }

    /** The bytes written so far, in a new array of exactly that length. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The number of bytes written. */
    public int size() {
        return size;
    }

    /**
     * The array written into: {@link #size()} bytes of JSON, then unused room. Handing it over
     * saves a copy; the writer must not be used afterwards.
     */
    public byte[] array() {
        return buf;
    }

    private byte[] room(int n) {
        if (size + n > buf.length) {
            int grown = Math.max(size + n, buf.length << 1);
            if (grown < 0) {
                throw new OutOfMemoryError("JSON text larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, grown);
        }
        return buf;
    }

    public void writeByte(int b) {
        room(1)[size++] = (byte) b;
    }

    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    void writeBytes(byte[] bytes, int offset, int length) {
        System.arraycopy(bytes, offset, room(length), size, length);
        size += length;
    }

    void writeNull() {
        byte[] b = room(4);
        b[size] = 'n';
        b[size + 1] = 'u';
        b[size + 2] = 'l';
        b[size + 3] = 'l';
        size += 4;
    }

    void writeBoolean(boolean value) {
        if (value) {
            byte[] b = room(4);
            b[size] = 't';
            b[size + 1] = 'r';
            b[size + 2] = 'u';
            b[size + 3] = 'e';
            size += 4;
        } else {
            byte[] b = room(5);
            b[size] = 'f';
            b[size + 1] = 'a';
            b[size + 2] = 'l';
            b[size + 3] = 's';
            b[size + 4] = 'e';
            size += 5;
        }
    }

    public void writeInt(int value) {
        if (value == Integer.MIN_VALUE) {
            writeBytes(MIN_INT);
            return;
        }
        byte[] b = room(11);
        int p = size;
        if (value < 0) {
            b[p++] = '-';
            value = -value;
        }
        if (value < 10) {
            b[p] = (byte) ('0' + value);
            size = p + 1;
            return;
        }
        int i = p + digits(value);
        size = i;
        while (value >= 100) {
            int q = value / 100;
            int pair = (value - q * 100) << 1;
            b[--i] = PAIRS[pair + 1];
            b[--i] = PAIRS[pair];
            value = q;
        }
        if (value >= 10) {
            b[--i] = PAIRS[(value << 1) + 1];
            b[--i] = PAIRS[value << 1];
        } else {
            b[--i] = (byte) ('0' + value);
        }
    }

    private static int digits(int nonNegative) {
        if (nonNegative < 100_000) {
            return nonNegative < 100 ? (nonNegative < 10 ? 1 : 2)
                    : nonNegative < 1_000 ? 3 : nonNegative < 10_000 ? 4 : 5;
        }
        return nonNegative < 10_000_000 ? (nonNegative < 1_000_000 ? 6 : 7)
                : nonNegative < 100_000_000 ? 8 : nonNegative < 1_000_000_000 ? 9 : 10;
    }

    /** As Jackson writes a {@code double}: {@link Double#toString}, and NaN and the infinities as strings. */
    void writeDouble(double value) {
        String text = Double.toString(value);
        if (Double.isFinite(value)) {
            writeAscii(text);
        } else {
            writeByte('"');
            writeAscii(text);
            writeByte('"');
        }
    }

    private void writeAscii(String text) {
        int n = text.length();
        byte[] b = room(n);
        for (int i = 0; i < n; i++) {
            b[size + i] = (byte) text.charAt(i);
        }
        size += n;
    }

    /**
     * Writes {@code s} as a quoted JSON string; when this very instance was written recently, its
     * bytes are copied from where they were written.
     */
    public void writeString(String s) {
        if (s.length() < MIN_REMEMBERED_LENGTH) {
            writeEscaped(s);
            return;
        }
        if (strings == null) {
            strings = new WrittenValues(REMEMBERED_STRINGS);
        }
        if (!writeAgain(strings, s)) {
            int start = size;
            writeEscaped(s);
            strings.remember(s, start, size - start);
        }
    }

    /** Writes {@code bean} with {@code codec}, or copies its bytes when this instance was written recently. */
    void writeBean(Object bean, ValueCodec codec) {
        if (beans == null) {
            beans = new WrittenValues(REMEMBERED_BEANS);
        }
        if (!writeAgain(beans, bean)) {
            int start = size;
            codec.write(bean, this);
            beans.remember(bean, start, size - start);
        }
    }

    private boolean writeAgain(WrittenValues written, Object value) {
        int slot = written.find(value);
        if (slot < 0) {
            return false;
        }
        int length = written.length(slot);
        byte[] b = room(length);
        System.arraycopy(b, written.start(slot), b, size, length);
        size += length;
        return true;
    }

    private void writeEscaped(String s) {
        int n = s.length();
        // each char takes at most six bytes (an escape), a surrogate pair four for two chars
        byte[] b = room(2 + 6 * n);
        int p = size;
        b[p++] = '"';
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || ESCAPES[c] != 0) {
                break;
            }
            b[p++] = (byte) c;
        }
        if (i < n) {
            p = writeSpecial(s, i, b, p);
        }
        b[p++] = '"';
        size = p;
    }

    private static int writeSpecial(String s, int from, byte[] b, int p) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    b[p++] = (byte) c;
                } else if (escape != 'u') {
                    b[p++] = '\\';
                    b[p++] = escape;
                } else {
                    p = writeEscape(c, b, p);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                p = writeEscape(c, b, p);
            }
        }
        return p;
    }

    private static int writeEscape(char c, byte[] b, int p) {
        b[p] = '\\';
        b[p + 1] = 'u';
        b[p + 2] = HEX[(c >> 12) & 0xF];
        b[p + 3] = HEX[(c >> 8) & 0xF];
        b[p + 4] = HEX[(c >> 4) & 0xF];
        b[p + 5] = HEX[c & 0xF];
        return p + 6;
    }
}
