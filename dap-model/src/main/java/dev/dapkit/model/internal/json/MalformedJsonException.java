package dev.dapkit.model.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * JSON text that breaks RFC 8259's grammar (or one of Jackson's default limits), with the byte
 * index in the reader's array where the problem is. The reasons are worded like Jackson's, so a
 * peer sees the same explanation whichever reader found the problem.
 */
public final class MalformedJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int index;

    MalformedJsonException(String reason, int index) {
        super(reason);
        this.index = index;
    }

    /** The index in the reader's array where the problem is (or, for a truncated text, its end). */
    public int index() {
        return index;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return getMessage();
    }

    /**
     * {@code "line 2, column 5"} for {@code index}, counting from {@code start} of {@code utf8}: lines
     * end at LF, CR or CRLF, columns count bytes from 1, as Jackson's locations do.
     */
    public static String lineAndColumn(byte[] utf8, int start, int index) {
        int[] at = lineAndColumnOf(utf8, start, index);
        return "line " + at[0] + ", column " + at[1];
    }

    /** Jackson's {@code [line: 1, column: 6]} for where a container opened. */
    static String marker(byte[] utf8, int start, int index) {
        int[] at = lineAndColumnOf(utf8, start, index);
        return "[line: " + at[0] + ", column: " + at[1] + "]";
    }

    /** Letters, digits, {@code _}, {@code $} and anything beyond ASCII continue a bare word. */
    static boolean isTokenPart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c >= 0x80;
    }

    static int[] lineAndColumnOf(byte[] utf8, int start, int index) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < index; i++) {
            if (utf8[i] == '\n' || (utf8[i] == '\r' && (i + 1 >= index || utf8[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }

    /** The error for the byte at {@code index}, where a value should start. */
    static MalformedJsonException notAValue(byte[] utf8, int index, int end) {
        int c = index < end ? utf8[index] & 0xFF : -1;
        if (c < 0) {
            return new MalformedJsonException("Unexpected end-of-input: expected a value", end);
        }
        if (c == '+') {
            return new MalformedJsonException("Unexpected character (" + describeChar(utf8, index, end) + ") in numeric"
                    + " value: JSON spec does not allow numbers to have plus signs: enable "
                    + "`JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow", index);
        }
        if (isTokenPart(c) && c != '$' && c != '_') {
            return unrecognizedToken(utf8, index, end);
        }
        return unexpected(utf8, index, end,
                "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    /** The error for the byte at {@code index}, which is not what {@code expectation} says. */
    static MalformedJsonException unexpected(byte[] utf8, int index, int end, String expectation) {
        if (index >= end) {
            return new MalformedJsonException("Unexpected end-of-input", end);
        }
        int c = utf8[index] & 0xFF;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return new MalformedJsonException("Illegal character (" + describeChar(utf8, index, end)
                    + "): only regular white space (\\r, \\n, \\t) is allowed between tokens", index);
        }
        return new MalformedJsonException("Unexpected character (" + describeChar(utf8, index, end) + "): "
                + expectation, index);
    }

    /** The error for a bare word starting at {@code start}: Jackson's "Unrecognized token" or "Non-standard token". */
    static MalformedJsonException unrecognizedToken(byte[] utf8, int start, int end) {
        int p = start;
        if (p < end && utf8[p] == '-') {
            p++;
        }
        while (p < end && p - start < 256 && isTokenPart(utf8[p] & 0xFF)) {
            p++;
        }
        String token = new String(utf8, start, p - start, StandardCharsets.UTF_8);
        if (token.equals("NaN") || token.equals("Infinity") || token.equals("-Infinity")) {
            return new MalformedJsonException("Non-standard token '" + token
                    + "': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow", p);
        }
        return new MalformedJsonException("Unrecognized token '" + token + "': was expecting (JSON String, Number,"
                + " Array, Object or token 'null', 'true' or 'false')", start);
    }

    /**
     * Jackson's description of the character starting at {@code index}: {@code 'x' (code 120)},
     * {@code (CTRL-CHAR, code 9)} or, beyond Latin-1, {@code '中' (code 20013 / 0x4e2d)}.
     */
    static String describeChar(byte[] utf8, int index, int end) {
        int cp = codePointAt(utf8, index, end);
        if (Character.isISOControl(cp)) {
            return "(CTRL-CHAR, code " + cp + ")";
        }
        String text = new String(Character.toChars(cp));
        if (cp > 255) {
            return "'" + text + "' (code " + cp + " / 0x" + Integer.toHexString(cp) + ")";
        }
        return "'" + text + "' (code " + cp + ")";
    }

    private static int codePointAt(byte[] utf8, int index, int end) {
        int b = utf8[index] & 0xFF;
        if (b < 0x80) {
            return b;
        }
        int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        String s = new String(utf8, index, Math.min(length, end - index), StandardCharsets.UTF_8);
        return s.isEmpty() ? b : s.codePointAt(0);
    }
}
