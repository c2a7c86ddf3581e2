package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.server.EngineError;
import java.util.Map;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The errors a request's arguments get, in the words the client sees. */
class ArgumentsBinderTest {

    private static Request request(String command, String arguments) {
        return new Request(3, command, arguments == null ? null : RawJson.parse(arguments), Map.of());
    }

    private static String refusal(String command, String arguments, Class<?> type) {
        RequestFailure failure = assertThrows(RequestFailure.class, () -> ArgumentsBinder.bind(request(command, arguments), type));
        assertEquals(EngineError.INVALID_ARGUMENTS.id(), failure.error().id());
        return failure.error().formatted();
    }

    @Test
    void argumentsThatFitAreBoundOnce() {
        VariablesArguments args = ArgumentsBinder.bind(request("variables", "{\"variablesReference\":1000,\"count\":0}"),
                VariablesArguments.class);
        assertEquals(1000, args.getVariablesReference());
        assertEquals(0, args.getCount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "ABSENT", value = {
            "ABSENT                  | threadId",
            "null                    | threadId",
            "{}                      | threadId",
            "{\"threadId\":null}     | threadId",
            "{\"levels\":\"many\"}   | threadId"})
    void aMissingRequiredFieldIsNamed(String arguments, String field) {
        assertEquals("invalid arguments for 'stackTrace' (seq 3): required field '" + field + "' is missing",
                refusal("stackTrace", arguments, StackTraceArguments.class));
    }

    @Test
    void aMissingFieldOfAnArrayElementIsNamedWithItsPath() {
        assertEquals("invalid arguments for 'setBreakpoints' (seq 3): required field 'breakpoints[1].line' is missing",
                refusal("setBreakpoints", "{\"source\":{\"path\":\"/a.py\"},\"breakpoints\":[{\"line\":1},{\"column\":2}]}",
                        SetBreakpointsArguments.class));
    }

    @Test
    void aValueOfTheWrongKindIsReportedWithItsPath() {
        String text = refusal("stackTrace", "{\"threadId\":\"one\"}", StackTraceArguments.class);
        assertTrue(text.startsWith("invalid arguments for 'stackTrace' (seq 3): cannot bind {\"threadId\":\"one\"} to "
                + "org.eclipse.lsp4j.debug.StackTraceArguments at $.threadId: "), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[{\"threadId\":1}] | array", "'\"x\"' | string", "7 | number", "true | boolean"})
    void argumentsThatAreNotAnObjectAreRefusedFirst(String arguments, String kind) {
        assertEquals("invalid arguments for 'stackTrace' (seq 3): 'arguments' must be an object, got " + kind,
                refusal("stackTrace", arguments, StackTraceArguments.class));
    }

    @Test
    void rawAndVoidArgumentsAreNotBound() {
        Request request = request("custom", "{\"any\":[1]}");
        assertSame(request.arguments(), ArgumentsBinder.bind(request, RawJson.class));
        assertEquals("{}", ArgumentsBinder.bind(request("custom", null), RawJson.class).toString());
        assertNull(ArgumentsBinder.bind(request, Void.class));
    }

    @Test
    void aGenericTypeIsBoundWithNothingRequired() {
        Object launch = ArgumentsBinder.bind(request("launch", "{\"program\":\"a.py\"}"),
                new TypeReference<Map<String, Object>>() { }.getType());
        assertEquals(Map.of("program", "a.py"), launch);
    }
}
