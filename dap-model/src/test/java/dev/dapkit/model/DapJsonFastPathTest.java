package dev.dapkit.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dapkit.model.internal.json.JsonBindException;
import dev.dapkit.model.internal.json.Lsp4jCodecs;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.LaunchRequestArguments;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.RestartArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourcePresentationHint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast path {@link DapJson} takes for LSP4J beans: the shapes it hands to Jackson, what it does
 * with nulls, duplicates and unknown fields, the errors it reports, and how it reaches the fields.
 */
class DapJsonFastPathTest {

    private static final ObjectMapper JACKSON = DapJson.newObjectMapper();

    private static <T> T bind(String json, Class<T> type) {
        return RawJson.parse(json).bind(type);
    }

    /** What the fast path reads equals what Jackson reads, for a value of an unusual shape. */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Source      | `{\"name\":3,\"path\":1.50e1,\"origin\":true}`",
        "Source      | `{\"sourceReference\":\"3\"}`",
        "Source      | `{\"sourceReference\":3.0}`",
        "Source      | `{\"sourceReference\":-0.0}`",
        "Source      | `{\"presentationHint\":\"bogus\"}`",
        "Source      | `{\"presentationHint\":5}`",
        "Source      | `{\"adapterData\":{\"port\":5005,\"big\":12345678901234567,\"ratio\":0.10}}`",
        "Breakpoint  | `{\"verified\":1,\"id\":\"7\"}`",
        "Breakpoint  | `{\"verified\":\"true\"}`",
        "Breakpoint  | `{\"verified\":null,\"line\":null}`",
        "StackFrame  | `{\"id\":\"12\",\"line\":2.0,\"column\":null,\"name\":null}`",
        "Module      | `{\"id\":3.0,\"name\":\"m\"}`",
        "Module      | `{\"id\":\"x\",\"name\":\"m\"}`",
        "SetBreakpointsArguments | `{\"lines\":[1,2.0,\"3\"]}`",
        "SetBreakpointsArguments | `{\"lines\":[]}`",
        "RestartArguments | `{\"arguments\":{\"noDebug\":true,\"__restart\":{\"n\":1}}}`",
        "RestartArguments | `{\"arguments\":{\"__restart\":[1]}}`",
        "Capabilities | `{\"supportsStepBack\":true,\"exceptionBreakpointFilters\":[{\"filter\":\"f\",\"label\":\"l\",\"default\":true}]}`",
        "ExceptionBreakpointsFilter | `{\"filter\":\"f\",\"default_\":true}`",
        "StackTraceResponse | `{\"stackFrames\":[{\"id\":\"1\"},null],\"totalFrames\":\"2\"}`"})
    void unusualShapesReadAsJacksonReadsThem(String simpleName, String json) throws Exception {
        Class<?> type = Class.forName("org.eclipse.lsp4j.debug." + simpleName);
        assertTrue(new Lsp4jCodecs(JACKSON).handles(type));
        assertEquals(JACKSON.readValue(json, type), bind(json, type));
    }

    @Test
    void valuesThatNeedJacksonKeepTheirKindAndDigits() {
        Source source = bind("{\"adapterData\":{\"port\":5005,\"big\":12345678901234567,\"ratio\":0.10}}", Source.class);
        Map<?, ?> data = assertInstanceOf(Map.class, source.getAdapterData());
        assertAll(
                () -> assertEquals(5005, data.get("port")),
                () -> assertEquals(12345678901234567L, data.get("big")),
                () -> assertEquals(new BigDecimal("0.10"), data.get("ratio")));
    }

    @Test
    void nullsDuplicatesAndUnknownFieldsAreHandledLikeJackson() {
        StackFrame frame = bind("{\"id\":4,\"line\":9,\"line\":null,\"name\":\"a\",\"name\":\"b\",\"future\":"
                + "{\"deep\":[1,{\"x\":null}]},\"source\":null}", StackFrame.class);
        assertAll(
                () -> assertEquals(4, frame.getId()),
                () -> assertEquals(0, frame.getLine()),
                () -> assertEquals("b", frame.getName()),
                () -> assertNull(frame.getSource()));
        assertNull(bind("null", StackFrame.class));
        assertArrayEquals(new StackFrame[] {null}, bind(" [ null ] ", StackFrame[].class));
    }

    @Test
    void escapedNamesMatchTheirProperties() {
        assertEquals(SourcePresentationHint.EMPHASIZE,
                bind("{\"presentation\\u0048int\":\"emphasize\"}", Source.class).getPresentationHint());
    }

    @Test
    void writingLeavesNullsOutAndRenamesKeywordFields() {
        ExceptionBreakpointsFilter filter = new ExceptionBreakpointsFilter();
        filter.setFilter("f");
        filter.setDefault_(true);
        assertEquals("{\"filter\":\"f\",\"default\":true}", RawJson.from(filter).toString());
        assertEquals("{\"id\":0,\"line\":0,\"column\":0}", RawJson.from(new StackFrame()).toString());
    }

    @Test
    void writingEitherAndObjectValuesMatchesJackson() throws Exception {
        Module module = new Module();
        module.setId(Either.forRight("m1"));
        module.setName("n");
        assertEquals(JACKSON.writeValueAsString(module), RawJson.from(module).toString());
        module.setId(Either.forLeft(7));
        assertEquals(JACKSON.writeValueAsString(module), RawJson.from(module).toString());
        RestartArguments restart = new RestartArguments();
        LaunchRequestArguments launch = new LaunchRequestArguments();
        launch.setNoDebug(true);
        launch.set__restart(Map.of("n", List.of(1, "two")));
        restart.setArguments(Either.forLeft(launch));
        assertEquals(JACKSON.writeValueAsString(restart), RawJson.from(restart).toString());
    }

    @Test
    void bindingErrorsNameThePathAndTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bind(
                "{\"stackFrames\":[{\"id\":1,\"line\":2},{\"id\":2,\"line\":2.5}]}", StackTraceResponse.class));
        assertEquals("cannot bind {\"stackFrames\":[{\"id\":1,\"line\":2},{\"id\":2,\"line\":2.5}]} to "
                + "org.eclipse.lsp4j.debug.StackTraceResponse at $.stackFrames[1].line: 2.5 is not an int", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bind("{\"lines\":[1,null]}", SetBreakpointsArguments.class));
        assertEquals("cannot bind {\"lines\":[1,null]} to org.eclipse.lsp4j.debug.SetBreakpointsArguments at $.lines: "
                + "element 1 of an int array is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bind("[{\"id\":{}}]", Module[].class));
        assertTrue(e.getMessage().startsWith("cannot bind [{\"id\":{}}] to org.eclipse.lsp4j.debug.Module[] at $[0].id: "
                + "cannot read Either<Integer, String> from an object"), e.getMessage());
    }

    @Test
    void theReasonIsJacksonsWhereJacksonDecides() throws Exception {
        String json = "{\"verified\":\"maybe\"}";
        JsonMappingException jackson = assertThrows(JsonMappingException.class, () -> JACKSON.readValue(json,
                Breakpoint.class));
        IllegalArgumentException ours = assertThrows(IllegalArgumentException.class, () -> bind(json, Breakpoint.class));
        assertEquals("cannot bind " + json + " to org.eclipse.lsp4j.debug.Breakpoint at $.verified: "
                + jackson.getOriginalMessage(), ours.getMessage());
    }

    @Test
    void writingErrorsComeFromJacksonWithTheTypeThatFailed() {
        Source source = new Source();
        source.setAdapterData(Optional.of("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RawJson.from(source));
        assertTrue(e.getMessage().startsWith("cannot write org.eclipse.lsp4j.debug.Source as JSON: Java 8 optional"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DapJson.standard().writeValueAsBytes(source));
    }

    /** The cause of a binding error, and how an emoji is written, show which path was taken. */
    @Test
    void lsp4jBeansAndArraysOfThemTakeTheFastPathOtherTypesJackson() {
        IllegalArgumentException fast = assertThrows(IllegalArgumentException.class,
                () -> bind("{\"line\":2.5}", StackFrame.class));
        assertInstanceOf(JsonBindException.class, fast.getCause());
        fast = assertThrows(IllegalArgumentException.class, () -> bind("[{\"line\":2.5}]", StackFrame[].class));
        assertInstanceOf(JsonBindException.class, fast.getCause());
        IllegalArgumentException jackson = assertThrows(IllegalArgumentException.class,
                () -> RawJson.parse("[{\"line\":2.5}]").bind(new TypeReference<List<StackFrame>>() { }));
        assertInstanceOf(JsonMappingException.class, jackson.getCause());
        StackFrame frame = new StackFrame();
        frame.setName("\ud83d\ude00");
        assertTrue(RawJson.from(frame).toString().contains("\"\ud83d\ude00\""), "written as UTF-8 by the fast path");
        assertTrue(new String(DapJson.standard().writeValueAsBytes(new StackFrame[] {frame}), UTF_8)
                .contains("\"\ud83d\ude00\""));
        assertEquals("[{\"name\":\"\\uD83D\\uDE00\"}]", RawJson.from(List.of(Map.of("name", "\ud83d\ude00"))).toString(),
                "Jackson escapes it");
    }

    @Test
    void writeValueAsBytesAndRawJsonAgree() {
        StackFrame frame = new StackFrame();
        frame.setName("f\u00e9\ud83d\ude00");
        byte[] bytes = DapJson.standard().writeValueAsBytes(frame);
        assertEquals(RawJson.from(frame), RawJson.parse(new String(bytes, UTF_8)));
        assertEquals(bytes.length, RawJson.from(frame).byteLength());
    }

    /**
     * LSP4J is an automatic module (module path) or in the unnamed module (class path): either way
     * its private fields are reached through a private lookup, without {@code setAccessible}.
     */
    @Test
    void fieldsAreReachedWithoutMakingThemAccessible() throws Exception {
        new Lsp4jCodecs(JACKSON).write(new StackFrame());
        Field name = StackFrame.class.getDeclaredField("name");
        assertFalse(name.canAccess(new StackFrame()), "the codec must not have called setAccessible");
        assertTrue(!StackFrame.class.getModule().isNamed() || StackFrame.class.getModule().getDescriptor().isAutomatic());
    }

    @Test
    void classesCompiledByManyThreadsAtOnceWorkForAll() throws Exception {
        Lsp4jCodecs codecs = new Lsp4jCodecs(JACKSON);
        String json = "{\"stackFrames\":[{\"id\":1,\"name\":\"a\",\"source\":{\"path\":\"/p\"},\"line\":3}],"
                + "\"totalFrames\":1}";
        byte[] utf8 = json.getBytes(UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> codecs.read(StackTraceResponse.class, utf8, 0, utf8.length)));
            }
            Object expected = JACKSON.readValue(json, StackTraceResponse.class);
            for (Future<Object> result : results) {
                assertEquals(expected, result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
