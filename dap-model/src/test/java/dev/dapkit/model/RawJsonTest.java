package dev.dapkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RawJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"null", "12", "\"s\"", " {\"a\":[1,{}]} ", "[]", "\n\ttrue\n"})
    void parseKeepsOneValueAsItIs(String json) {
        RawJson raw = RawJson.parse(json);
        assertEquals(json, raw.toString());
        assertEquals(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, raw.byteLength());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{}|true", "' \n\t{\"a\":1}'|true", "[{}]|false", "'\"{\"'|false", "null|false", "7|false"})
    void isObjectLooksPastLeadingWhitespace(String json, boolean object) {
        assertEquals(object, RawJson.parse(json).isObject(), json);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 2          | more than one JSON value: another one starts at line 1, column 3",
            "{} []        | more than one JSON value: another one starts at line 1, column 4",
            "'{\"a\":1}x' | not valid JSON at line 1, column",
            "garbage      | not valid JSON at line 1, column",
            "'{\"a\":'    | not valid JSON at line 1, column 6: Unexpected end-of-input",
            "'{\"a\" 1}'  | not valid JSON at line 1, column 6",
            "''           | empty JSON text",
            "'   '        | empty JSON text"})
    void parseRejectsAnythingButOneValue(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RawJson.parse(json));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void bindingToAWrongTypeSaysWhatWhereAndWhy() {
        RawJson raw = RawJson.parse("{\"id\":1,\"name\":\"f\",\"line\":\"x\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> raw.bind(StackFrame.class));
        assertEquals("cannot bind {\"id\":1,\"name\":\"f\",\"line\":\"x\"} to org.eclipse.lsp4j.debug.StackFrame"
                + " at $.line: expected an int, got the string \"x\"", e.getMessage());
    }

    @Test
    void bindingErrorsDeepInsideNameThePath() {
        RawJson raw = RawJson.parse("{\"stackFrames\":[{\"id\":1},{\"source\":{\"presentationHint\":true}}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> raw.bind(StackTraceResponse.class));
        assertTrue(e.getMessage().contains("to org.eclipse.lsp4j.debug.StackTraceResponse at"
                + " $.stackFrames[1].source.presentationHint: org.eclipse.lsp4j.debug.SourcePresentationHint must be"
                + " a string, one of \"normal\", \"emphasize\", \"deemphasize\"; got a boolean"), e.getMessage());
    }

    @Test
    void bindingAnArrayToABeanNamesBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RawJson.parse("[1]").bind(StackFrame.class));
        assertTrue(e.getMessage().startsWith("cannot bind [1] to org.eclipse.lsp4j.debug.StackFrame: "),
                e.getMessage());
    }

    @Test
    void longValuesAreAbbreviatedInMessages() {
        String json = "{\"line\":\"" + "x".repeat(200) + "\"}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RawJson.parse(json).bind(StackFrame.class));
        assertTrue(e.getMessage().startsWith("cannot bind {\"line\":\"xxx"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void nullBindsToNothing() {
        RawJson raw = RawJson.parse("null");
        assertTrue(raw.isNull());
        assertNull(raw.bind(Void.class));
        assertNull(raw.bind(StackFrame.class));
        assertFalse(RawJson.parse("\"null\"").isNull());
    }

    @Test
    void equalityIsByteEquality() {
        assertEquals(RawJson.parse("{\"a\":1}"), RawJson.from(java.util.Map.of("a", 1)));
        assertEquals(RawJson.parse("{\"a\":1}").hashCode(), RawJson.from(java.util.Map.of("a", 1)).hashCode());
        assertFalse(RawJson.parse("{\"a\":1}").equals(RawJson.parse("{\"a\": 1}")));
    }
}
