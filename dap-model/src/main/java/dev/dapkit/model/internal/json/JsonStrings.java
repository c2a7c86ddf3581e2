package dev.dapkit.model.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * JSON's string grammar: finding where a string ends, eight bytes at a time, and the slow part,
 * strings with backslash escapes (or a control character, which is an error). Escaped lone surrogates (<code>"&#92;ud800"</code>) become lone {@code char}s in
 * values, as Jackson reads them; in field names, as in Jackson, an escaped surrogate must be half of
 * an escaped pair. Stateless.
 */
final class JsonStrings {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private JsonStrings() {
    }

    /**
     * Like {@link #stop}, a byte at a time: quicker for the short strings that field names are, where
     * the eight-byte steps do not pay for themselves.
     */
    static int stopShort(byte[] b, int p, int end) {
        while (p < end) {
            int c = b[p] & 0xFF;
            if (c == '"' || c == '\\' || c < 0x20) {
                return p;
            }
            p++;
        }
        return end;
    }

    /**
     * The index of the first {@code '"'}, backslash or control character at or after {@code p}, or the
     * end. Eight bytes at a time: a byte equal to {@code k} is a zero byte of {@code x ^ k*ONES}, and
     * {@code (v - ONES) & ~v & HIGH_BITS} marks zero bytes (a borrow may mark bytes above the lowest
     * match too, but the lowest mark is always a match); {@code (x - 0x20*ONES) & ~x & HIGH_BITS}
     * likewise marks bytes below 0x20.
     */
    static int stop(byte[] b, int p, int end) {
        int last = end - Long.BYTES;
        while (p <= last) {
            long x = (long) Utf8JsonReader.LONGS.get(b, p);
            long quote = x ^ 0x2222222222222222L;
            long backslash = x ^ 0x5C5C5C5C5C5C5C5CL;
            long marks = (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)
                    | ((x - 0x2020202020202020L) & ~x)) & HIGH_BITS;
            if (marks != 0) {
                return p + (Long.numberOfTrailingZeros(marks) >>> 3);
            }
            p += Long.BYTES;
        }
        while (p < end) {
            int c = b[p] & 0xFF;
            if (c == '"' || c == '\\' || c < 0x20) {
                return p;
            }
            p++;
        }
        return end;
    }

    /**
     * Decodes the string whose content starts at {@code contentStart} and whose first backslash or
     * control character is at {@code special}; leaves the reader past the closing quote.
     */
    static String decode(Utf8JsonReader in, int contentStart, int special, boolean name) {
        byte[] b = in.buf;
        int end = in.end;
        StringBuilder text = new StringBuilder(special - contentStart + 16);
        appendUtf8(text, b, contentStart, special);
        int p = special;
        while (true) {
            int segment = p;
            while (p < end && b[p] != '"' && b[p] != '\\' && (b[p] & 0xFF) >= 0x20) {
                p++;
            }
            appendUtf8(text, b, segment, p);
            if (p == end) {
                in.pos = end;
                throw in.endOfInput(" in VALUE_STRING");
            }
            int c = b[p] & 0xFF;
            if (c == '"') {
                in.pos = p + 1;
                return text.toString();
            }
            if (c != '\\') {
                throw unquotedControl(in, p);
            }
            int decoded = text.length();
            p = unescape(in, p + 1, text);
            if (name && Character.isSurrogate(text.charAt(decoded))) {
                p = pairInName(in, p, text, text.charAt(decoded));
            }
        }
    }

    /**
     * Jackson's rule for a surrogate escaped in a field name: a high one must be followed at once by
     * an escaped low one, and a low one alone is an error. Returns the index after the pair.
     */
    private static int pairInName(Utf8JsonReader in, int p, StringBuilder text, char surrogate) {
        if (Character.isLowSurrogate(surrogate)) {
            throw new MalformedJsonException("Unexpected low surrogate in field name: 0x"
                    + Integer.toHexString(surrogate), p);
        }
        if (p >= in.end) {
            in.pos = in.end;
            throw in.endOfInput(" in field name");
        }
        if (in.buf[p] != '\\') {
            throw new MalformedJsonException("Broken surrogate pair in field name: expected '\\' to start low"
                    + " surrogate, got 0x" + Integer.toHexString(in.buf[p] & 0xFF), p);
        }
        int decoded = text.length();
        int after = unescape(in, p + 1, text);
        char low = text.charAt(decoded);
        if (!Character.isLowSurrogate(low)) {
            throw new MalformedJsonException(String.format("Broken surrogate pair in field name: expected low"
                    + " surrogate, got 0x%04X", (int) low), after);
        }
        return after;
    }

    /** Checks the rest of a string from {@code special} on; leaves the reader past the closing quote. */
    static void skip(Utf8JsonReader in, int special) {
        byte[] b = in.buf;
        int end = in.end;
        int p = special;
        while (p < end) {
            int c = b[p] & 0xFF;
            if (c == '"') {
                in.pos = p + 1;
                return;
            }
            if (c == '\\') {
                p = unescape(in, p + 1, null);
            } else if (c < 0x20) {
                throw unquotedControl(in, p);
            } else {
                p++;
            }
        }
        in.pos = end;
        throw in.endOfInput(" in VALUE_STRING");
    }

    /** Reads the escape whose letter is at {@code p}, appending it when {@code text} is given; returns the index after it. */
    private static int unescape(Utf8JsonReader in, int p, StringBuilder text) {
        byte[] b = in.buf;
        if (p >= in.end) {
            in.pos = in.end;
            throw in.endOfInput(" in character escape sequence");
        }
        char decoded;
        switch (b[p]) {
            case '"': decoded = '"'; break;
            case '\\': decoded = '\\'; break;
            case '/': decoded = '/'; break;
            case 'b': decoded = '\b'; break;
            case 'f': decoded = '\f'; break;
            case 'n': decoded = '\n'; break;
            case 'r': decoded = '\r'; break;
            case 't': decoded = '\t'; break;
            case 'u': {
                int value = 0;
                for (int i = p + 1; i <= p + 4; i++) {
                    if (i >= in.end) {
                        in.pos = in.end;
                        throw in.endOfInput(" in character escape sequence");
                    }
                    int digit = Character.digit(b[i], 16);
                    if (digit < 0 || b[i] < 0) {
                        in.pos = i;
                        throw in.unexpected("expected a hex-digit for character escape sequence");
                    }
                    value = (value << 4) | digit;
                }
                if (text != null) {
                    text.append((char) value);
                }
                return p + 5;
            }
            default:
                throw new MalformedJsonException("Unrecognized character escape "
                        + MalformedJsonException.describeChar(b, p, in.end), p);
        }
        if (text != null) {
            text.append(decoded);
        }
        return p + 1;
    }

    private static MalformedJsonException unquotedControl(Utf8JsonReader in, int p) {
        return new MalformedJsonException("Illegal unquoted character (" + MalformedJsonException.describeChar(in.buf, p,
                in.end) + "): has to be escaped using backslash to be included in string value", p);
    }

    private static void appendUtf8(StringBuilder text, byte[] b, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            for (int i = from; i < to; i++) {
                text.append((char) b[i]);
            }
        } else {
            text.append(new String(b, from, to - from, StandardCharsets.UTF_8));
        }
    }
}
