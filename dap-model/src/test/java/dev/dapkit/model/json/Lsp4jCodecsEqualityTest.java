package dev.dapkit.model.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dapkit.model.internal.json.Lsp4jCodecs;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFrameFormat;
import org.eclipse.lsp4j.debug.ValueFormat;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves, for every bean class of LSP4J Debug (and arrays of them), that the fast codec writes the
 * very bytes the Jackson mapping writes and reads them back to objects equal to Jackson's.
 * {@link Lsp4jModelEqualityTest} proves the Jackson mapping equal to LSP4J's own.
 */
class Lsp4jCodecsEqualityTest {

    private static final ObjectMapper MAPPER = Lsp4jModule.configure(new ObjectMapper());
    /** Compares JSON texts as trees; a plain mapper, not the one under test. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private static Lsp4jModelClasses classes;
    private static Lsp4jCodecs codecs;

    @BeforeAll
    static void setUp() {
        classes = Lsp4jModelClasses.scan();
        codecs = new Lsp4jCodecs(MAPPER);
    }

    @Test
    void everyBeanClassAndArrayOfOneIsHandledButNothingElse() {
        for (Class<?> type : classes.beans()) {
            assertTrue(codecs.handles(type), type.getName());
            assertTrue(codecs.handles(type.arrayType()), type.getName() + "[]");
        }
        for (Class<?> type : classes.enums()) {
            assertFalse(codecs.handles(type), type.getName());
        }
        for (Class<?> type : List.of(String.class, Object.class, Map.class, Integer.class, int[].class, String[].class,
                Lsp4jCodecsEqualityTest.class)) {
            assertFalse(codecs.handles(type), type.getName());
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyBeanIsWrittenAndReadLikeJackson() {
        return classes.beans().stream().map(type -> DynamicContainer.dynamicContainer(type.getSimpleName(), Stream.of(
                DynamicTest.dynamicTest("empty",
                        () -> assertSameAsJackson(type.getConstructor().newInstance())),
                DynamicTest.dynamicTest("filled, Either left",
                        () -> assertSameAsJackson(ModelFiller.filled(type, ModelFiller.Variant.FIRST))),
                DynamicTest.dynamicTest("filled, Either right",
                        () -> assertSameAsJackson(ModelFiller.filled(type, ModelFiller.Variant.SECOND))),
                DynamicTest.dynamicTest("array with a null",
                        () -> assertSameAsJackson(arrayOf(type))))));
    }

    private static Object arrayOf(Class<?> type) {
        Object array = Array.newInstance(type, 3);
        Array.set(array, 0, ModelFiller.filled(type, ModelFiller.Variant.FIRST));
        Array.set(array, 2, ModelFiller.filled(type, ModelFiller.Variant.SECOND));
        return array;
    }

    private static void assertSameAsJackson(Object value) throws Exception {
        Class<?> type = value.getClass();
        byte[] jackson = MAPPER.writeValueAsBytes(value);
        byte[] ours = codecs.write(value);
        String jacksonText = new String(jackson, UTF_8);
        String ourText = new String(ours, UTF_8);
        assertAll(
                () -> assertEquals(TREES.readTree(jackson), TREES.readTree(ours), "trees differ"),
                () -> assertEquals(jacksonText, ourText, "bytes differ"),
                () -> assertEqualValues(value, codecs.read(type, jackson, 0, jackson.length), "read of " + jacksonText),
                () -> assertEqualValues(MAPPER.readValue(ours, type), codecs.read(type, ours, 0, ours.length),
                        "Jackson's read and ours of " + ourText));
    }

    private static void assertEqualValues(Object expected, Object actual, String message) {
        if (expected instanceof Object[] array) {
            assertArrayEquals(array, (Object[]) actual, message);
        } else {
            assertEquals(expected, actual, message);
        }
    }

    @Test
    void aBeanOfASubclassIsWrittenWithTheSubclassFieldsLikeJackson() throws Exception {
        StackFrameFormat format = new StackFrameFormat();
        format.setHex(true);
        format.setModule(true);
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(4);
        arguments.setFormat(format);
        assertEquals(MAPPER.writeValueAsString(arguments), new String(codecs.write(arguments), UTF_8));
        ValueFormat plain = new ValueFormat();
        plain.setHex(false);
        arguments.setFormat(plain);
        assertEquals(MAPPER.writeValueAsString(arguments), new String(codecs.write(arguments), UTF_8));
    }

    @Test
    void aSubclassOutsideLsp4jIsWrittenByJackson() throws Exception {
        StackFrame[] frames = {new OwnFrame()};
        frames[0].setName("mine");
        assertEquals(MAPPER.writeValueAsString(frames), new String(codecs.write(frames), UTF_8));
        assertTrue(new String(codecs.write(frames), UTF_8).contains("\"extra\":7"));
    }

    /** An adapter's own subclass of a model bean. */
    static final class OwnFrame extends StackFrame {
        @SuppressWarnings("unused")
        private final int extra = 7;
    }
}
