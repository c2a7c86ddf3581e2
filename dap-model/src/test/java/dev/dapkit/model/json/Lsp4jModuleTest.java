package dev.dapkit.model.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.AttachRequestArguments;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ChecksumAlgorithm;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.LaunchRequestArguments;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ProcessEventArgumentsStartMethod;
import org.eclipse.lsp4j.debug.ProgressUpdateEventArguments;
import org.eclipse.lsp4j.debug.RestartArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourcePresentationHint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of {@link Lsp4jModule}, each checked against LSP4J's own Gson handler where it has one. */
class Lsp4jModuleTest {

    private static final Gson GSON = new DebugMessageJsonHandler(Map.of()).getGson();
    private static final ObjectMapper MAPPER = Lsp4jModule.configure(new ObjectMapper());

    private static <T> T read(String json, Class<T> type) throws Exception {
        return MAPPER.readValue(json, type);
    }

    private static String messageOf(Class<?> type, String json) {
        return assertThrows(JsonMappingException.class, () -> read(json, type)).getOriginalMessage();
    }

    @Nested
    class Eithers {

        @ParameterizedTest
        @ValueSource(strings = {"{\"id\":7,\"name\":\"m\"}", "{\"id\":\"7\",\"name\":\"m\"}",
                "{\"id\":3.0,\"name\":\"m\"}"})
        void numberIsLeftAndStringIsRightLikeLsp4j(String json) throws Exception {
            Module ours = read(json, Module.class);
            assertEquals(GSON.fromJson(json, Module.class), ours);
            assertEquals(json.contains("\"7\""), ours.getId().isRight());
        }

        @Test
        void kindThatFitsNeitherSideNamesBoth() {
            String message = messageOf(Module.class, "{\"id\":true,\"name\":\"m\"}");
            assertEquals("cannot read Either<Integer, String> from a boolean: expected a number (Integer) or a string"
                    + " (String)", message);
        }

        @Test
        void fractionIsNoIntegerLeft() {
            assertTrue(messageOf(Module.class, "{\"id\":2.5}").contains("2.5 is not an int"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "{\"arguments\":{\"noDebug\":true}}                       | launch",
                "{\"arguments\":{\"noDebug\":null}}                       | launch",
                "{\"arguments\":{\"x\":[1],\"noDebug\":false,\"y\":{}}}    | launch",
                "{\"arguments\":{}}                                       | attach",
                "{\"arguments\":{\"__restart\":{\"noDebug\":true}}}        | attach",
                "{\"arguments\":{\"__restart\":\"noDebug\"}}               | attach"})
        void restartArgumentsAreLaunchArgumentsExactlyWhenTheyHaveNoDebugLikeLsp4j(String json, String expected)
                throws Exception {
            RestartArguments ours = read(json, RestartArguments.class);
            assertEquals(GSON.fromJson(json, RestartArguments.class), ours);
            assertEquals(expected.equals("launch"), ours.getArguments().isLeft());
        }

        @Test
        void restartArgumentsKeepEveryFieldWhenReplayed() throws Exception {
            RestartArguments ours = read("{\"arguments\":{\"__restart\":{\"port\":5005},\"noDebug\":true}}",
                    RestartArguments.class);
            LaunchRequestArguments launch = ours.getArguments().getLeft();
            assertEquals(Boolean.TRUE, launch.getNoDebug());
            assertEquals(Map.of("port", 5005), launch.get__restart());
        }

        @Test
        void restartArgumentsMustBeAnObject() {
            assertEquals("cannot read Either<LaunchRequestArguments, AttachRequestArguments> from a number:"
                    + " expected an object (LaunchRequestArguments) or an object (AttachRequestArguments)",
                    messageOf(RestartArguments.class, "{\"arguments\":5}"));
        }

        @Test
        void twoObjectTypesWithoutARuleAreAnErrorLikeLsp4j() {
            JsonMappingException e = assertThrows(JsonMappingException.class,
                    () -> MAPPER.readValue("{\"id\":1}", new TypeReference<Either<Source, Breakpoint>>() { }));
            assertEquals("cannot read Either<Source, Breakpoint> from an object: both Source and Breakpoint are"
                    + " written as objects and nothing tells them apart", e.getOriginalMessage());
        }

        @Test
        void nestedEitherTakesTheKindsOfBothItsSides() throws Exception {
            TypeReference<Either<Integer, Either<String, Boolean>>> type = new TypeReference<>() { };
            assertEquals(Either.forLeft(1), MAPPER.readValue("1", type));
            assertEquals(Either.forRight(Either.forLeft("a")), MAPPER.readValue("\"a\"", type));
            assertEquals(Either.forRight(Either.forRight(true)), MAPPER.readValue("true", type));
            assertEquals("true", MAPPER.writeValueAsString(Either.forRight(Either.forRight(true))));
        }

        @Test
        void either3IsReadAsEither3() throws Exception {
            TypeReference<Either3<Integer, String, int[]>> type = new TypeReference<>() { };
            Either3<Integer, String, int[]> third = MAPPER.readValue("[4,5]", type);
            assertAll(
                    () -> assertEquals(Either3.forFirst(4), MAPPER.readValue("4", type)),
                    () -> assertEquals(Either3.forSecond("x"), MAPPER.readValue("\"x\"", type)),
                    () -> assertArrayEquals(new int[] {4, 5}, third.getThird()),
                    () -> assertEquals("[4,5]", MAPPER.writeValueAsString(third)));
        }

        @Test
        void nullIsNoEither() throws Exception {
            assertNull(read("{\"id\":null}", Module.class).getId());
            assertEquals("{}", MAPPER.writeValueAsString(new Module()));
        }
    }

    @Nested
    class Enums {

        @ParameterizedTest
        @ValueSource(strings = {"\"bogus\"", "\"Normal\"", "\"NORMAL\"", "5", "2.5"})
        void valueThatNamesNoConstantReadsAsNullLikeLsp4j(String value) throws Exception {
            String json = "{\"name\":\"s\",\"presentationHint\":" + value + "}";
            Source ours = read(json, Source.class);
            assertNull(ours.getPresentationHint());
            assertEquals(GSON.fromJson(json, Source.class), ours);
        }

        @Test
        void serializedNamesAreTheOnlyNamesLikeLsp4j() throws Exception {
            String json = "{\"algorithm\":\"md5\",\"checksum\":\"c\"}";
            assertNull(read(json, org.eclipse.lsp4j.debug.Checksum.class).getAlgorithm());
            assertNull(GSON.fromJson(json, org.eclipse.lsp4j.debug.Checksum.class).getAlgorithm());
            assertEquals(ChecksumAlgorithm.MD5,
                    read("{\"algorithm\":\"MD5\"}", org.eclipse.lsp4j.debug.Checksum.class).getAlgorithm());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"true | a boolean", "{} | an object", "[\"normal\"] | an array"})
        void valueOfAnotherKindNamesTheEnumAndItsValues(String value, String kind) {
            assertEquals("org.eclipse.lsp4j.debug.SourcePresentationHint must be a string, one of \"normal\","
                    + " \"emphasize\", \"deemphasize\"; got " + kind,
                    messageOf(Source.class, "{\"presentationHint\":" + value + "}"));
        }

        @Test
        void multiWordConstantsAreLowerCamel() throws Exception {
            assertEquals("\"attachForSuspendedLaunch\"",
                    MAPPER.writeValueAsString(ProcessEventArgumentsStartMethod.ATTACH_FOR_SUSPENDED_LAUNCH));
            assertEquals(SourcePresentationHint.DEEMPHASIZE, MAPPER.readValue("\"deemphasize\"",
                    SourcePresentationHint.class));
        }

        @ParameterizedTest
        @CsvSource({"STATEMENT, statement", "READ_WRITE, readWrite", "A__B, aB", "SHA_256, sha256", "X_, x",
                "UNIX_TIMESTAMP_UTC, unixTimestampUtc"})
        void lowerCamelFollowsLsp4jsRule(String constant, String wire) {
            assertEquals(wire, Lsp4jEnumNames.lowerCamel(constant));
        }

        @Test
        void enumsOutsideLsp4jKeepJacksonsHandling() throws Exception {
            assertEquals("\"DARK_RED\"", MAPPER.writeValueAsString(Colour.DARK_RED));
            assertEquals(Colour.DARK_RED, MAPPER.readValue("\"DARK_RED\"", Colour.class));
        }
    }

    enum Colour { DARK_RED }

    @Nested
    class Integers {

        @ParameterizedTest
        @ValueSource(strings = {"3", "3.0", "\"3\"", "\"3.0\"", "3e0", "-0.0"})
        void integralNumbersAreAcceptedLikeLsp4j(String value) throws Exception {
            String json = "{\"sourceReference\":" + value + "}";
            assertEquals(GSON.fromJson(json, Source.class), read(json, Source.class));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "3.5         | 3.5 is not an int",
                "2147483648  | 2147483648 is out of the range of int",
                "1e10        | 1e10 is not an int",
                "\"x\"       | expected an int, got the string \"x\"",
                "true        | expected an int, got a boolean"})
        void otherValuesAreErrorsLikeLsp4j(String value, String message) {
            String json = "{\"sourceReference\":" + value + "}";
            assertThrows(RuntimeException.class, () -> GSON.fromJson(json, Source.class));
            assertEquals(message, messageOf(Source.class, json));
        }

        @ParameterizedTest
        @ValueSource(strings = {"3.5", "2147483648", "\"x\"", "true"})
        void primitiveIntFieldsFollowTheSameRules(String value) {
            String json = "{\"id\":1,\"name\":\"f\",\"line\":" + value + "}";
            assertThrows(RuntimeException.class, () -> GSON.fromJson(json, StackFrame.class));
            assertEquals(messageOf(Source.class, "{\"sourceReference\":" + value + "}"),
                    messageOf(StackFrame.class, json));
        }

        @Test
        void intArraysFollowTheSameRules() throws Exception {
            String json = "{\"lines\":[1,2.0,\"3\"]}";
            assertArrayEquals(new int[] {1, 2, 3}, read(json, SetBreakpointsArguments.class).getLines());
            assertArrayEquals(new int[] {1, 2, 3}, GSON.fromJson(json, SetBreakpointsArguments.class).getLines());
            assertEquals("1.5 is not an int", messageOf(SetBreakpointsArguments.class, "{\"lines\":[1,1.5]}"));
            assertEquals("element 1 of an int array is null",
                    messageOf(SetBreakpointsArguments.class, "{\"lines\":[1,null]}"));
        }

        @Test
        void nullLeavesAPrimitiveAtZeroLikeLsp4j() throws Exception {
            String json = "{\"id\":null,\"name\":\"f\",\"line\":4,\"column\":null}";
            StackFrame ours = read(json, StackFrame.class);
            assertEquals(0, ours.getId());
            assertEquals(4, ours.getLine());
            assertEquals(GSON.fromJson(json, StackFrame.class), ours);
        }
    }

    @Nested
    class Fields {

        @Test
        void keywordFieldLosesItsUnderscoreLikeLsp4j() throws Exception {
            ExceptionBreakpointsFilter filter = new ExceptionBreakpointsFilter();
            filter.setFilter("f");
            filter.setLabel("l");
            filter.setDefault_(true);
            String json = MAPPER.writeValueAsString(filter);
            assertEquals("{\"filter\":\"f\",\"label\":\"l\",\"default\":true}", json);
            assertEquals(filter, read(json, ExceptionBreakpointsFilter.class));
            assertEquals(GSON.toJson(filter), json);
        }

        @Test
        void doubleUnderscoreNamesStayLikeLsp4j() throws Exception {
            AttachRequestArguments attach = new AttachRequestArguments();
            attach.set__restart("r");
            assertEquals("{\"__restart\":\"r\"}", MAPPER.writeValueAsString(attach));
            assertEquals(GSON.toJson(attach), MAPPER.writeValueAsString(attach));
        }

        @Test
        void fieldsOutsideLsp4jKeepTheirNames() throws Exception {
            assertEquals("{\"default_\":1}", MAPPER.writeValueAsString(new Own()));
        }

        @Test
        void nullMapValuesAreLeftOutLikeLsp4j() throws Exception {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("gone", null);
            data.put("kept", "k");
            Source source = new Source();
            source.setAdapterData(data);
            assertEquals("{\"adapterData\":{\"kept\":\"k\"}}", MAPPER.writeValueAsString(source));
            assertEquals(GSON.toJson(source), MAPPER.writeValueAsString(source));
        }

        @Test
        void unknownPropertiesAreIgnored() throws Exception {
            assertEquals(new Source(), read("{\"future\":{\"a\":[1]},\"other\":2}", Source.class));
        }
    }

    static final class Own {
        @SuppressWarnings("unused")
        private final int default_ = 1;
    }

    @Nested
    class Numbers {

        @Test
        void untypedNumbersKeepTheirKindAndDigits() throws Exception {
            String json = "{\"adapterData\":{\"port\":5005,\"big\":12345678901234567,\"ratio\":0.10,\"huge\":1e400}}";
            Source source = read(json, Source.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) source.getAdapterData();
            assertAll(
                    () -> assertEquals(5005, data.get("port")),
                    () -> assertEquals(12345678901234567L, data.get("big")),
                    () -> assertEquals(new BigDecimal("0.10"), data.get("ratio")),
                    () -> assertInstanceOf(BigDecimal.class, data.get("huge")),
                    () -> assertEquals(json.replace("1e400", "1E+400"), MAPPER.writeValueAsString(source)));
        }

        @Test
        void treesKeepTheirDigits() throws Exception {
            String json = "{\"a\":5005,\"b\":12345678901234567,\"c\":1.50,\"d\":0.1}";
            assertEquals(json, MAPPER.writeValueAsString(MAPPER.readTree(json)));
            assertTrue(MAPPER.readTree(json).get("a").isInt());
        }

        @Test
        void doubleFieldsStayDouble() throws Exception {
            ProgressUpdateEventArguments progress = read("{\"percentage\":0.1}", ProgressUpdateEventArguments.class);
            assertEquals(Double.valueOf(0.1), progress.getPercentage());
        }

        @Test
        void untypedListsKeepIntegers() throws Exception {
            List<Object> list = MAPPER.readValue("[1,2.5,12345678901234567]", new TypeReference<List<Object>>() { });
            assertEquals(List.of(1, new BigDecimal("2.5"), 12345678901234567L), list);
        }
    }

    @Nested
    class OwnTypes {

        record LaunchSettings(String program, int port, List<String> args) { }

        @Test
        void recordsBindAndWrite() throws Exception {
            LaunchSettings settings = new LaunchSettings("app.py", 5678, List.of("-v"));
            String json = MAPPER.writeValueAsString(settings);
            assertEquals("{\"program\":\"app.py\",\"port\":5678,\"args\":[\"-v\"]}", json);
            assertEquals(settings, read(json, LaunchSettings.class));
        }
    }
}
