package dev.dapkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static int firstInvalid(byte[] b) {
        return Utf8Check.firstInvalid(b, 0, b.length);
    }

    private static String reasonFor(int... values) {
        byte[] b = bytes(values);
        int at = firstInvalid(b);
        assertTrue(at >= 0, "expected invalid UTF-8");
        return Utf8Check.describeInvalid(b, at, b.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
            0x10000, 0x1F600, 0x10FFFF})
    void acceptsEveryLengthUpToTheLastCodePoint(int codePoint) {
        byte[] b = ("x" + new String(Character.toChars(codePoint)) + "y").getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, firstInvalid(b));
    }

    @Test
    void findsABadByteAtEveryPositionOfALongAsciiRunAndOffset() {
        for (int offset = 0; offset < 9; offset++) {
            for (int bad = 0; bad < 40; bad++) {
                byte[] text = new byte[offset + 40];
                java.util.Arrays.fill(text, (byte) 'a');
                text[offset + bad] = (byte) 0xFF;
                assertEquals(offset + bad, Utf8Check.firstInvalid(text, offset, 40), "offset " + offset + ", bad " + bad);
                text[offset + bad] = (byte) 0xC3;
                if (bad < 39) {
                    text[offset + bad + 1] = (byte) 0xA9;
                    assertEquals(-1, Utf8Check.firstInvalid(text, offset, 40), "valid é at " + bad);
                }
            }
        }
    }

    @Test
    void acceptsMixedText() {
        assertEquals(-1, firstInvalid("{\"output\":\"中文 😀 é\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, firstInvalid(new byte[0]));
    }

    @Test
    void rejectsOverlongEncodings() {
        assertEquals(1, firstInvalid(bytes('a', 0xC0, 0xAF)));
        assertEquals("overlong 2-byte encoding C0 AF", reasonFor(0xC0, 0xAF));
        assertEquals("overlong 2-byte encoding C1 BF", reasonFor(0xC1, 0xBF));
        assertEquals("overlong 3-byte encoding E0 80 80", reasonFor(0xE0, 0x80, 0x80));
        assertEquals("overlong 3-byte encoding E0 9F BF", reasonFor(0xE0, 0x9F, 0xBF));
        assertEquals("overlong 4-byte encoding F0 80 80 80", reasonFor(0xF0, 0x80, 0x80, 0x80));
        assertEquals("overlong 4-byte encoding F0 8F BF BF", reasonFor(0xF0, 0x8F, 0xBF, 0xBF));
    }

    @Test
    void rejectsSurrogates() {
        assertEquals("UTF-16 surrogate ED A0 80 encoded as UTF-8", reasonFor(0xED, 0xA0, 0x80));
        assertEquals("UTF-16 surrogate ED BF BF encoded as UTF-8", reasonFor(0xED, 0xBF, 0xBF));
        // a CESU-8 pair is two surrogates, not one code point
        assertEquals(0, firstInvalid(bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80)));
        assertEquals(-1, firstInvalid(bytes(0xED, 0x9F, 0xBF)));
        assertEquals(-1, firstInvalid(bytes(0xEE, 0x80, 0x80)));
    }

    @Test
    void rejectsCodePointsAboveTheLast() {
        assertEquals("code point above U+10FFFF (F4 90 80 80)", reasonFor(0xF4, 0x90, 0x80, 0x80));
        assertEquals("byte 0xF5 never appears in UTF-8", reasonFor(0xF5, 0x80, 0x80, 0x80));
        assertEquals("byte 0xFF never appears in UTF-8", reasonFor(0xFF));
    }

    @Test
    void rejectsLoneContinuationBytes() {
        assertEquals(2, firstInvalid(bytes('a', 'b', 0x80, 'c')));
        assertEquals("continuation byte 0xBF without a lead byte", reasonFor(0xBF));
        // one continuation too many after a complete sequence
        assertEquals(2, firstInvalid(bytes(0xC3, 0xA9, 0xA9)));
    }

    @Test
    void rejectsSequencesTruncatedAtTheEnd() {
        assertEquals(1, firstInvalid(bytes('a', 0xC3)));
        assertEquals("sequence E4 B8 is cut off by the end of the text", reasonFor(0xE4, 0xB8));
        assertEquals("sequence F0 9F 98 is cut off by the end of the text", reasonFor('x', 0xF0, 0x9F, 0x98));
    }

    @Test
    void rejectsLeadBytesWithoutEnoughContinuations() {
        assertEquals("lead byte 0xE4 is not followed by enough continuation bytes (E4 41 42)",
                reasonFor(0xE4, 0x41, 0x42));
        assertEquals(0, firstInvalid(bytes(0xF0, 0x9F, 0x41, 0x80)));
    }

    @Test
    void checksOnlyTheSliceAndReportsAbsoluteIndexes() {
        byte[] b = bytes(0xFF, 'a', 0xE4, 0xB8, 0xAD, 'b', 0xFF);
        assertEquals(-1, Utf8Check.firstInvalid(b, 1, 5));
        assertEquals(6, Utf8Check.firstInvalid(b, 1, 6));
        // the slice ends inside the 3-byte sequence
        assertEquals(2, Utf8Check.firstInvalid(b, 1, 3));
        assertEquals("sequence E4 B8 is cut off by the end of the text", Utf8Check.describeInvalid(b, 2, 4));
    }

    /** Every 1- and 2-byte input, and every 3- and 4-byte input with a multi-byte lead, agrees with the JDK. */
    @Test
    void agreesWithTheJdkDecoderExhaustively() {
        CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int checked = 0;
        for (int a = 0; a < 256; a++) {
            checked += compare(jdk, bytes(a));
            for (int b = 0; b < 256; b++) {
                checked += compare(jdk, bytes(a, b));
            }
        }
        for (int a = 0xE0; a <= 0xEF; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    checked += compare(jdk, bytes(a, b, c));
                }
            }
        }
        int[] tails = {0x41, 0x80, 0x8F, 0x90, 0xBF, 0xC0};
        for (int a = 0xF0; a <= 0xF7; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c : tails) {
                    for (int d : tails) {
                        checked += compare(jdk, bytes(a, b, c, d));
                    }
                }
            }
        }
        assertTrue(checked > 1_000_000);
    }

    private static final CharBuffer DECODED = CharBuffer.allocate(8);

    private static int compare(CharsetDecoder jdk, byte[] input) {
        // the CoderResult form, not decode(ByteBuffer): a million thrown exceptions would be slow
        jdk.reset();
        DECODED.clear();
        ByteBuffer in = ByteBuffer.wrap(input);
        CoderResult result = jdk.decode(in, DECODED, true);
        boolean jdkValid = !result.isError() && !in.hasRemaining() && !jdk.flush(DECODED).isError();
        boolean ours = firstInvalid(input) < 0;
        if (ours != jdkValid) {
            throw new AssertionError("disagree on " + hex(input) + ": JDK valid=" + jdkValid + ", ours=" + ours);
        }
        return 1;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X ", x & 0xFF));
        }
        return sb.toString().trim();
    }
}
