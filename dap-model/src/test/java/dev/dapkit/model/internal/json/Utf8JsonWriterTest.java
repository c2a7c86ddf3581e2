package dev.dapkit.model.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8JsonWriter}'s output, compared with Jackson's. */
class Utf8JsonWriterTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static String written(String s) {
        Utf8JsonWriter out = new Utf8JsonWriter(4);
        out.writeString(s);
        return new String(out.toByteArray(), UTF_8);
    }

    @Test
    void everyAsciiCharacterIsEscapedExactlyAsJacksonEscapesIt() throws Exception {
        for (char c = 0; c < 0x80; c++) {
            String s = "a" + c + "b";
            assertEquals(JACKSON.writeValueAsString(s), written(s), "char " + (int) c);
        }
        assertEquals("\"\\u0000\\u001F\\n\\t\\r\\b\\f\\\"\\\\/\u007f\"", written("\u0000\u001f\n\t\r\b\f\"\\/\u007f"));
    }

    @Test
    void nonAsciiIsWrittenAsUtf8LikeJackson() throws Exception {
        String s = "h\u00e9llo \u4e2d\u6587 \u2028 \u00ff \u07ff \u0800 \uffff";
        assertArrayEquals(JACKSON.writeValueAsBytes(s), bytes(s));
    }

    @Test
    void surrogatePairsAreWrittenAsFourByteUtf8WhichJacksonWritesAsTwoEscapes() throws Exception {
        String s = "x\ud83d\ude00y\udbff\udfff";
        assertEquals("\"x\ud83d\ude00y\udbff\udfff\"", written(s));
        assertArrayEquals(new byte[] {'"', 'x', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 'y',
            (byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF, '"'}, bytes(s));
        assertEquals("\"x\\uD83D\\uDE00y\\uDBFF\\uDFFF\"", new String(JACKSON.writeValueAsBytes(s), UTF_8));
        assertEquals(s, JACKSON.readValue(bytes(s), String.class));
    }

    @Test
    void unpairedSurrogatesAreEscapedLikeJackson() throws Exception {
        for (String s : new String[] {"a\ud800b", "\udc00", "\ud800\ud800", "\ude00\ud83d", "end\ud83d"}) {
            assertArrayEquals(JACKSON.writeValueAsBytes(s), bytes(s), s);
            assertEquals(s, JACKSON.readValue(bytes(s), String.class));
        }
    }

    @Test
    void randomStringsSurviveTheRoundTripAndMatchJacksonOutsideSurrogates() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            boolean surrogates = false;
            for (int j = 0; j < length; j++) {
                int kind = random.nextInt(6);
                char c = (char) (kind == 0 ? random.nextInt(0x20) : kind == 1 ? random.nextInt(0x80)
                        : kind == 2 ? random.nextInt(0x800) : kind == 3 ? random.nextInt(0x10000) : 'a' + random.nextInt(26));
                surrogates |= Character.isSurrogate(c);
                s.append(c);
                if (kind == 5 && random.nextBoolean()) {
                    s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    surrogates = true;
                }
            }
            String text = s.toString();
            assertEquals(text, JACKSON.readValue(bytes(text), String.class), "round trip of case " + i);
            byte[] utf8 = bytes(text);
            assertEquals(text, new Utf8JsonReader(utf8, 0, utf8.length).readString(), "our round trip of case " + i);
            if (!surrogates) {
                assertArrayEquals(JACKSON.writeValueAsBytes(text), bytes(text), "case " + i);
            }
        }
    }

    @Test
    void intsAreWrittenLikeIntegerToString() {
        int[] values = {0, -1, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 99_999, 100_000, 999_999_999, 1_000_000_000,
            Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -10, -100};
        for (int value : values) {
            assertEquals(Integer.toString(value), writtenInt(value));
        }
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            int value = random.nextInt() >> random.nextInt(32);
            assertEquals(Integer.toString(value), writtenInt(value));
        }
    }

    private static String writtenInt(int value) {
        Utf8JsonWriter out = new Utf8JsonWriter(1);
        out.writeInt(value);
        return new String(out.toByteArray(), UTF_8);
    }

    @Test
    void doublesAreWrittenLikeJacksonWritesThemNonFiniteOnesAsStrings() throws Exception {
        double[] values = {0.0, -0.0, 0.1, 1.0, 100.0, 1e20, 1e-5, 123.456, Double.MAX_VALUE, Double.MIN_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double value : values) {
            Utf8JsonWriter out = new Utf8JsonWriter(1);
            out.writeDouble(value);
            assertEquals(JACKSON.writeValueAsString(value), new String(out.toByteArray(), UTF_8));
        }
    }

    @Test
    void theBufferGrowsFromAnySize() {
        Utf8JsonWriter out = new Utf8JsonWriter(0);
        String s = "x".repeat(10_000);
        out.writeString(s);
        out.writeByte(',');
        out.writeInt(42);
        assertEquals("\"" + s + "\",42", new String(out.toByteArray(), UTF_8));
        assertEquals(10_005, out.size());
    }

    private static byte[] bytes(String s) {
        Utf8JsonWriter out = new Utf8JsonWriter(16);
        out.writeString(s);
        return out.toByteArray();
    }
}
