package dev.dapkit.model.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last string decoded of each length (modulo the number of slots) and where its bytes are in
 * the text: a string whose bytes equal those (a method name or a source path repeated by a
 * thousand stack frames) is the same {@code String} again, found by comparing bytes instead of
 * decoding and allocating. Only strings without escapes come here, so equal bytes mean equal text.
 *
 * <p>Not thread-safe: belongs to one {@link Utf8JsonReader}, whose text never changes.
 */
final class DecodedStrings {

    private static final int SLOTS = 16;

    private final String[] strings = new String[SLOTS];
    private final int[] starts = new int[SLOTS];
    private final int[] lengths = new int[SLOTS];

    /** The string whose UTF-8 bytes, without escapes, are {@code b[from, from + length)}. */
    String decode(byte[] b, int from, int length) {
        int slot = length & (SLOTS - 1);
        String known = strings[slot];
        int at = starts[slot];
        if (known != null && Arrays.equals(b, at, at + lengths[slot], b, from, from + length)) {
            return known;
        }
        String s = new String(b, from, length, StandardCharsets.UTF_8);
        strings[slot] = s;
        starts[slot] = from;
        lengths[slot] = length;
        return s;
    }
}
