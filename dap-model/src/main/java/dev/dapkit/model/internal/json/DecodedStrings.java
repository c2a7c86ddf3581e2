package dev.dapkit.model.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last string decoded of each length (modulo the number of slots) and where its bytes are in
 * the text: a string whose bytes equal those (a method name or a source path repeated by a
 * thousand stack frames) is the same {@code String} again, found by comparing bytes instead of
 * decoding and allocating. Only strings without escapes come here, so equal bytes mean equal text.
 * Besides, per field (a number the field's reader passes as a hint), the last string read for it:
 * the next value of that field is first compared with it in place, before any scan for its end.
 *
 * <p>Not thread-safe: belongs to one {@link Utf8JsonReader}, whose text never changes.
 */
final class DecodedStrings {

    private static final int SLOTS = 16;
    /** Hints are the fields' own numbers, modulo this; two fields sharing one only miss more often. */
    static final int HINTS = 64;

    private final String[] strings = new String[SLOTS];
    private final int[] starts = new int[SLOTS];
    private final int[] lengths = new int[SLOTS];
    /**
     * Per hint, the last string read for that field: the likeliest value of its next one. Made on
     * the first hint: the envelope reader, which passes none, never needs them.
     */
    private String[] hinted;
    private int[] hintedStarts;
    private int[] hintedLengths;

    /**
     * The string last {@linkplain #decode decoded} under {@code hint} when the string whose content
     * starts at {@code from} is that one again (same bytes, then the closing quote), else null.
     * Its byte length is then {@link #hintedLength}. No scan for the closing quote is needed: the
     * bytes compared hold no quote, backslash or control character, as they had none before.
     */
    String again(byte[] b, int from, int end, int hint) {
        String known = hinted == null ? null : hinted[hint];
        if (known == null) {
            return null;
        }
        int length = hintedLengths[hint];
        int close = from + length;
        int at = hintedStarts[hint];
        return close < end && b[close] == '"' && Arrays.equals(b, at, at + length, b, from, close) ? known : null;
    }

    int hintedLength(int hint) {
        return hintedLengths[hint];
    }

    /**
     * The string whose UTF-8 bytes, without escapes, are {@code b[from, from + length)}; remembered
     * under {@code hint} too unless that is -1.
     */
    String decode(byte[] b, int from, int length, int hint) {
        int slot = length & (SLOTS - 1);
        String s = strings[slot];
        int at = starts[slot];
        if (s == null || !Arrays.equals(b, at, at + lengths[slot], b, from, from + length)) {
            s = new String(b, from, length, StandardCharsets.UTF_8);
            strings[slot] = s;
            starts[slot] = from;
            lengths[slot] = length;
        }
        if (hint >= 0) {
            if (hinted == null) {
                hinted = new String[HINTS];
                hintedStarts = new int[HINTS];
                hintedLengths = new int[HINTS];
            }
            hinted[hint] = s;
            hintedStarts[hint] = from;
            hintedLengths[hint] = length;
        }
        return s;
    }
}
