package dev.dapkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ModuleEventArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.StackFrameFormat;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DapJson#bindChecked}: DAP's required properties (LSP4J's {@code @NonNull} and primitive
 * fields) must be present and not null, in nested objects and array elements too; everything else
 * binds as {@link DapJson#bind} binds it.
 */
class DapJsonBindCheckedTest {

    private static <T> T bindChecked(String json, Class<T> type) {
        return DapJson.standard().bindChecked(RawJson.parse(json), type);
    }

    private static String missing(String json, Class<?> type) {
        return assertThrows(IllegalArgumentException.class, () -> bindChecked(json, type)).getMessage();
    }

    @Test
    void aMissingPrimitiveIsNamed() {
        assertEquals("required field 'threadId' is missing", missing("{\"levels\":5}", StackTraceArguments.class));
        assertEquals("required field 'threadId' is missing", missing("{}", StackTraceArguments.class));
    }

    @Test
    void aPrimitiveThatIsPresentMayBeZero() {
        StackTraceArguments args = bindChecked("{\"threadId\":0,\"levels\":5}", StackTraceArguments.class);
        assertEquals(0, args.getThreadId());
        assertEquals(5, args.getLevels());
        BreakpointEventArguments event = bindChecked("{\"reason\":\"changed\",\"breakpoint\":{\"verified\":false}}",
                BreakpointEventArguments.class);
        assertFalse(event.getBreakpoint().isVerified());
    }

    @Test
    void anExplicitNullIsMissing() {
        assertEquals("required field 'threadId' is missing", missing("{\"threadId\":null}", StackTraceArguments.class));
        assertEquals("required field 'source' is missing",
                missing("{\"source\":null,\"breakpoints\":[{\"line\":1}]}", SetBreakpointsArguments.class));
    }

    @Test
    void aRequiredPropertyOfANestedObjectIsNamedWithItsPath() {
        assertEquals("required field 'module.name' is missing",
                missing("{\"reason\":\"new\",\"module\":{\"id\":1}}", ModuleEventArguments.class));
        assertEquals("required field 'breakpoint.verified' is missing",
                missing("{\"reason\":\"changed\",\"breakpoint\":{\"id\":1}}", BreakpointEventArguments.class));
    }

    @Test
    void aRequiredPropertyOfAnArrayElementIsNamedWithItsIndex() {
        assertEquals("required field 'breakpoints[1].line' is missing", missing(
                "{\"source\":{\"path\":\"/a.py\"},\"breakpoints\":[{\"line\":1},{\"column\":2}]}",
                SetBreakpointsArguments.class));
    }

    @Test
    void optionalValuesMayBeAbsentOrNull() {
        SetBreakpointsArguments args = bindChecked(
                "{\"source\":{\"path\":\"/a.py\"},\"breakpoints\":[null,{\"line\":3,\"condition\":null}],\"lines\":null}",
                SetBreakpointsArguments.class);
        assertEquals("/a.py", args.getSource().getPath());
        assertNull(args.getBreakpoints()[0]);
        assertEquals(3, args.getBreakpoints()[1].getLine());
        assertNull(args.getLines());
    }

    @Test
    void unknownPropertiesAreIgnoredWhateverTheyHold() {
        StackTraceArguments args = bindChecked(
                "{\"extra\":{\"threadId\":null},\"threadId\":4,\"more\":[{},null],\"format\":{\"unknown\":null}}",
                StackTraceArguments.class);
        assertEquals(4, args.getThreadId());
        assertNull(args.getFormat().getLine());
    }

    @Test
    void aTypeWithoutRequiredPropertiesTakesAnyObject() {
        assertNull(bindChecked("{}", StackFrameFormat.class).getLine());
        assertInstanceOf(ConfigurationDoneArguments.class, bindChecked("{\"x\":[1]}", ConfigurationDoneArguments.class));
    }

    @Test
    void aClassOutsideTheModelIsBoundWithNothingRequired() {
        assertEquals(Map.of("threadId", 1), bindChecked("{\"threadId\":1}", Map.class));
    }

    @Test
    void aPropertyGivenTwiceCountsWithItsLastValue() {
        assertEquals("required field 'threadId' is missing",
                missing("{\"threadId\":1,\"threadId\":null}", StackTraceArguments.class));
        assertEquals(2, bindChecked("{\"threadId\":null,\"threadId\":2}", StackTraceArguments.class).getThreadId());
    }

    @Test
    void aValueOfTheWrongKindIsReportedByTheBinder() {
        String message = missing("{\"threadId\":\"one\"}", StackTraceArguments.class);
        assertTrue(message.startsWith("cannot bind {\"threadId\":\"one\"} to org.eclipse.lsp4j.debug.StackTraceArguments"
                + " at $.threadId: "), message);
    }

    /** As the check over a whole tree before binding did, whatever the order of the properties in the text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"levels\":\"many\"}                                              | threadId",
            "{\"format\":{\"line\":7},\"threadId\":null}                        | threadId",
            "{\"breakpoints\":[{}]}                                             | source",
            "{\"breakpoints\":[{\"line\":\"x\"},{}],\"source\":{}}              | breakpoints[1].line",
            "{\"breakpoints\":[{},{}],\"source\":{}}                            | breakpoints[0].line",
            "{\"lines\":\"x\",\"source\":{\"path\":7},\"breakpoints\":[{}]}     | breakpoints[0].line"})
    void aMissingPropertyIsReportedBeforeAWrongKindAndInFieldOrder(String json, String field) {
        Class<?> type = json.contains("breakpoints") ? SetBreakpointsArguments.class : StackTraceArguments.class;
        assertEquals("required field '" + field + "' is missing", missing(json, type));
    }

    @Test
    void bindStaysLenient() {
        assertEquals(0, RawJson.parse("{\"levels\":5}").bind(StackTraceArguments.class).getThreadId());
        SetBreakpointsArguments args = RawJson.parse("{\"breakpoints\":[{}]}").bind(SetBreakpointsArguments.class);
        assertNull(args.getSource());
        assertEquals(0, args.getBreakpoints()[0].getLine());
    }

    /**
     * Every request's arguments, given as {@code {}}, are refused for the first field that LSP4J
     * declares primitive or {@code @NonNull}, found here by reflection; or bound when there is none.
     */
    @Test
    void everyRequestNamesItsFirstRequiredFieldWhenGivenNothing() {
        List<String> checked = new ArrayList<>();
        for (CommandBinding command : MessageRegistry.standard().commands()) {
            if (!(command.argumentsType() instanceof Class<?> type) || !type.getPackageName().equals("org.eclipse.lsp4j.debug")) {
                continue;
            }
            String required = firstRequiredField(type);
            if (required == null) {
                assertInstanceOf(type, bindChecked("{}", type), command.command());
            } else {
                assertEquals("required field '" + required + "' is missing", missing("{}", type), command.command());
                checked.add(command.command());
            }
        }
        assertTrue(checked.containsAll(List.of("stackTrace", "variables", "setBreakpoints", "evaluate", "continue")),
                checked.toString());
    }

    private static String firstRequiredField(Class<?> type) {
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && (f.getType().isPrimitive() || f.isAnnotationPresent(NonNull.class))) {
                String name = f.getName();
                return name.endsWith("_") ? name.substring(0, name.length() - 1) : name;
            }
        }
        return null;
    }
}
