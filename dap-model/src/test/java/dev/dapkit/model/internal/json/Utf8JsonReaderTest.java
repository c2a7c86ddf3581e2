package dev.dapkit.model.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict grammar of {@link Utf8JsonReader}, checked against Jackson's default parser. */
class Utf8JsonReaderTest {

    private static final ObjectReader JACKSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Checks one whole value; returns the reader, at the end of the text. */
    private static Utf8JsonReader skipAll(String json) {
        byte[] utf8 = json.getBytes(UTF_8);
        Utf8JsonReader in = new Utf8JsonReader(utf8, 0, utf8.length);
        in.skipValue();
        if (in.peek() >= 0) {
            throw in.unexpected("expected the end of the input");
        }
        return in;
    }

    private static boolean jacksonAccepts(String json) {
        try {
            JACKSON.readTree(json.getBytes(UTF_8));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\":1,}`      | 7  | Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
        "`[1,]`            | 3  | Unexpected character (']' (code 93)): expected a valid value",
        "`[,1]`            | 1  | Unexpected character (',' (code 44)): expected a valid value",
        "`{,}`             | 1  | Unexpected character (',' (code 44)): was expecting double-quote to start field name",
        "`{\"a\" 1}`       | 5  | Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value",
        "`{\"a\":1 \"b\":2}` | 7 | Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
        "`[1 2]`           | 3  | Unexpected character ('2' (code 50)): was expecting comma to separate Array entries",
        "`{'a':1}`         | 1  | Unexpected character (''' (code 39)): was expecting double-quote to start field name",
        "`{a:1}`           | 1  | Unexpected character ('a' (code 97)): was expecting double-quote to start field name",
        "`hello`           | 0  | Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object or token",
        "`[tru]`           | 1  | Unrecognized token 'tru'",
        "`[truex]`         | 1  | Unrecognized token 'truex'",
        "`[nul]`           | 1  | Unrecognized token 'nul'",
        "`[NaN]`           | 4  | Non-standard token 'NaN'",
        "`[-Infinity]`     | 10 | Non-standard token '-Infinity'",
        "`[01]`            | 2  | Invalid numeric value: Leading zeroes not allowed",
        "`[-01]`           | 3  | Invalid numeric value: Leading zeroes not allowed",
        "`[1.]`            | 3  | Unexpected character (']' (code 93)) in numeric value: Decimal point not followed by a digit",
        "`[.5]`            | 1  | Unexpected character ('.' (code 46)): expected a valid value",
        "`[-]`             | 2  | Unexpected character (']' (code 93)) in numeric value: expected digit (0-9) to follow minus sign",
        "`[+1]`            | 1  | Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs",
        "`[1e]`            | 3  | Unexpected character (']' (code 93)) in numeric value: Exponent indicator not followed by a digit",
        "`[1e+]`           | 4  | Unexpected character (']' (code 93)) in numeric value: Exponent indicator not followed by a digit",
        "`[0x1]`           | 2  | Unexpected character ('x' (code 120)): was expecting comma to separate Array entries",
        "`[1.5.5]`         | 4  | Unexpected character ('.' (code 46)): was expecting comma to separate Array entries",
        "`[\"\\x\"]`       | 3  | Unrecognized character escape 'x' (code 120)",
        "`[\"\\u12G4\"]`   | 6  | Unexpected character ('G' (code 71)): expected a hex-digit for character escape sequence",
        "`[\"\\'\"]`       | 3  | Unrecognized character escape ''' (code 39)",
        "`{\"a\":[}`       | 6  | Unexpected close marker '}': expected ']' (for Array starting at [line: 1, column: 6])",
        "`{\"a\":1]`       | 6  | Unexpected close marker ']': expected '}' (for Object starting at [line: 1, column: 1])",
        "`[/*c*/1]`        | 1  | Unexpected character ('/' (code 47)): expected a valid value",
        "`{\"a\":1}}`      | 7  | Unexpected character ('}' (code 125)): expected the end of the input",
        "`{\"a\":1} x`     | 8  | Unexpected character ('x' (code 120)): expected the end of the input",
        "`{\"a\":1`        | 6  | Unexpected end-of-input: expected close marker for Object (start marker at [line: 1, column: 1])",
        "`{\"a\":`         | 5  | Unexpected end-of-input within/between Object entries",
        "`{\"a\":1,`       | 7  | Unexpected end-of-input within/between Object entries",
        "`[1,`             | 3  | Unexpected end-of-input within/between Array entries",
        "`[1`              | 2  | Unexpected end-of-input: expected close marker for Array (start marker at [line: 1, column: 1])",
        "`[\"abc`          | 5  | Unexpected end-of-input in VALUE_STRING",
        "`[\"ab\\`         | 5  | Unexpected end-of-input in character escape sequence",
        "`{\"ab`           | 4  | Unexpected end-of-input in field name",
        "`\n\n  [1}`       | 6  | Unexpected close marker '}': expected ']' (for Array starting at [line: 3, column: 3])",
        "`{\"\\ud800x\":1}`  | 8 | Broken surrogate pair in field name: expected '\\' to start low surrogate, got 0x78",
        "`{\"\\udc00\":1}`   | 8 | Unexpected low surrogate in field name: 0xdc00",
        "`{\"\\ud800\\n\":1}` | 10 | Broken surrogate pair in field name: expected low surrogate, got 0x000A"})
    void rejectsWhatJacksonRejectsSayingWhatAndWhere(String json, int index, String reason) {
        assertFalse(jacksonAccepts(json), "the table is wrong: Jackson accepts " + json);
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> skipAll(json));
        assertAll(
                () -> assertTrue(e.reason().startsWith(reason), e.reason()),
                () -> assertEquals(index, e.index(), e.reason()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[\"a\tb\"]", "[\"\u0001\"]", "[\"\u001f\"]", "{\"a\nb\":1}"})
    void rejectsUnescapedControlCharactersInStringsAndNames(String json) {
        assertFalse(jacksonAccepts(json));
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> skipAll(json));
        assertTrue(e.reason().startsWith("Illegal unquoted character ((CTRL-CHAR, code "), e.reason());
        assertTrue(e.reason().endsWith("has to be escaped using backslash to be included in string value"), e.reason());
    }

    @Test
    void rejectsControlCharactersBetweenTokensButTheFourWhitespaces() {
        assertFalse(jacksonAccepts("[1,\f2]"));
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> skipAll("[1,\f2]"));
        assertEquals("Illegal character ((CTRL-CHAR, code 12)): only regular white space (\\r, \\n, \\t) is allowed "
                + "between tokens", e.reason());
        skipAll(" \t\r\n[ 1 ,\t2 ,\r\n3 ] \n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-0", "-0.0", "1e5", "1E+5", "1e-5", "123.456e-789", "2147483648", "-2147483649",
        "12345678901234567890123", "\"\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\"", "\"\\ud800\"", "\"\\udc00x\"",
        "\"\u007f\u00e9\u4e2d\ud83d\ude00\"", "{\"\\ud83d\\ude00\":1}", "{\"\u4e2d\":[]}", "[[[{}]]]", "{\"a\":{\"a\":1},\"a\":2}",
        "true", "false", "null", " [ null , true ] "})
    void acceptsWhatJacksonAccepts(String json) {
        assertTrue(jacksonAccepts(json), "the table is wrong: Jackson rejects " + json);
        skipAll(json);
    }

    @Test
    void nestingUpToJacksonsLimitIsFineOneMoreIsNot() {
        String deepest = "[".repeat(Utf8JsonReader.MAX_DEPTH) + "]".repeat(Utf8JsonReader.MAX_DEPTH);
        assertTrue(jacksonAccepts(deepest));
        skipAll(deepest);
        String tooDeep = "{\"a\":" + "[".repeat(Utf8JsonReader.MAX_DEPTH) + "]".repeat(Utf8JsonReader.MAX_DEPTH) + "}";
        assertFalse(jacksonAccepts(tooDeep));
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> skipAll(tooDeep));
        assertEquals("Document nesting depth (1001) exceeds the maximum allowed (1000, from "
                + "`StreamReadConstraints.getMaxNestingDepth()`)", e.reason());
        assertEquals(5 + 999 + 1, e.index());
    }

    @Test
    void numbersAndNamesLongerThanJacksonsLimitsAreRejected() {
        String longest = "[" + "9".repeat(1000) + "]";
        assertTrue(jacksonAccepts(longest));
        skipAll(longest);
        for (String tooLong : new String[] {"[" + "9".repeat(1001) + "]", "[1." + "5".repeat(1000) + "]"}) {
            assertFalse(jacksonAccepts(tooLong));
            MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> skipAll(tooLong));
            assertTrue(e.reason().startsWith("Number value length (1001) exceeds the maximum allowed (1000"), e.reason());
        }
        String longName = "{\"" + "n".repeat(50_001) + "\":1}";
        assertFalse(jacksonAccepts(longName));
        assertTrue(assertThrows(MalformedJsonException.class, () -> skipAll(longName)).reason()
                .startsWith("Name length (50001) exceeds the maximum allowed (50000"));
    }

    @Test
    void stringsDecodeEscapesSurrogatePairsAndMultibyteUtf8LikeJackson() throws Exception {
        String[] texts = {"\"plain\"", "\"\\u4e2d\\u6587 \\ud83d\\ude00 \\uD83D\\uDE00\"", "\"\u4e2d\u6587 \ud83d\ude00\"",
            "\"lone \\ud800 and \\udc00\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"mixed \u00e9\\n\u4e2d\\u0000\ud83d\ude00\""};
        for (String text : texts) {
            byte[] utf8 = text.getBytes(UTF_8);
            String ours = new Utf8JsonReader(utf8, 0, utf8.length).readString();
            assertEquals(new ObjectMapper().readValue(utf8, String.class), ours, text);
        }
        byte[] escapedPair = "\"\\ud83d\\ude00\"".getBytes(UTF_8);
        assertEquals("\ud83d\ude00", new Utf8JsonReader(escapedPair, 0, escapedPair.length).readString());
    }

    @Test
    void readsFromTheMiddleOfAnArrayAndReportsIndexesInIt() {
        byte[] utf8 = "xx[1,]yy".getBytes(UTF_8);
        Utf8JsonReader in = new Utf8JsonReader(utf8, 2, 4);
        MalformedJsonException e = assertThrows(MalformedJsonException.class, in::skipValue);
        assertEquals(5, e.index());
        assertEquals("line 1, column 4", MalformedJsonException.lineAndColumn(utf8, 2, e.index()));
    }

    @Test
    void aByteOrderMarkIsSkippedOnlyAtTheStart() {
        byte[] utf8 = "\ufeff[1]".getBytes(UTF_8);
        Utf8JsonReader in = new Utf8JsonReader(utf8, 0, utf8.length);
        in.skipByteOrderMark();
        in.skipValue();
        assertEquals(-1, in.peek());
        assertThrows(MalformedJsonException.class, () -> skipAll("[\ufeff1]"));
    }

    @Test
    void numbersThatFitAnIntAreReadInPlace() {
        String[] ints = {"0", "-0", "7", "-2147483648", "2147483647", "123456789", "1234567890"};
        for (String text : ints) {
            byte[] utf8 = text.getBytes(UTF_8);
            Utf8JsonReader in = new Utf8JsonReader(utf8, 0, utf8.length);
            assertTrue(in.scanInt(), text);
            assertEquals(Integer.parseInt(text), in.numberInt(), text);
        }
        for (String text : new String[] {"2147483648", "-2147483649", "1.0", "1e2", "12345678901234567890"}) {
            byte[] utf8 = text.getBytes(UTF_8);
            assertFalse(new Utf8JsonReader(utf8, 0, utf8.length).scanInt(), text);
        }
    }
}
