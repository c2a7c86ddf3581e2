package dev.dapkit.model.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import dev.dapkit.model.DapJson;
import dev.dapkit.model.RawJson;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves, for every class in LSP4J Debug's model package, that dapkit's Jackson mapping writes the
 * same JSON as LSP4J's own Gson handler and that both read that JSON back to an equal object.
 */
class Lsp4jModelEqualityTest {

    /** LSP4J Debug 0.24.0: 146 top-level types. A different count means the scan or the jar changed. */
    private static final int BEANS = 116;
    private static final int ENUMS = 17;
    private static final int CONSTANT_HOLDERS = 13;

    private static final Gson GSON = new DebugMessageJsonHandler(Map.of()).getGson();
    /** Compares JSON texts as trees; deliberately not the mapper under test. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private static Lsp4jModelClasses classes;

    @BeforeAll
    static void scan() {
        classes = Lsp4jModelClasses.scan();
    }

    @Test
    void scanFindsEveryTypeOfThePackage() {
        assertAll(
                () -> assertEquals(BEANS, classes.beans().size(), () -> "beans: " + names(classes.beans())),
                () -> assertEquals(ENUMS, classes.enums().size(), () -> "enums: " + names(classes.enums())),
                () -> assertEquals(CONSTANT_HOLDERS, classes.constantHolders().size(),
                        () -> "constant holders: " + names(classes.constantHolders())));
    }

    @TestFactory
    Stream<DynamicContainer> everyBeanMapsLikeLsp4j() {
        return classes.beans().stream().map(type -> DynamicContainer.dynamicContainer(type.getSimpleName(), Stream.of(
                DynamicTest.dynamicTest("empty",
                        () -> assertSameMapping(newInstance(type))),
                DynamicTest.dynamicTest("filled, Either left",
                        () -> assertSameMapping(filled(type, ModelFiller.Variant.FIRST))),
                DynamicTest.dynamicTest("filled, Either right",
                        () -> assertSameMapping(filled(type, ModelFiller.Variant.SECOND))))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("enumConstants")
    void everyEnumConstantMapsLikeLsp4j(Enum<?> constant, String name) throws Exception {
        Class<?> type = constant.getDeclaringClass();
        String gsonJson = GSON.toJson(constant);
        String ourJson = RawJson.from(constant).toString();
        assertAll(
                () -> assertEquals(gsonJson, ourJson, name + ": JSON"),
                () -> assertEquals(constant, RawJson.parse(ourJson).bind(type), name + ": Jackson read"),
                () -> assertEquals(constant, GSON.fromJson(ourJson, type), name + ": Gson read"));
    }

    static Stream<Arguments> enumConstants() {
        return Lsp4jModelClasses.scan().enums().stream()
                .flatMap(e -> Arrays.stream(e.getEnumConstants()))
                .map(c -> (Enum<?>) c)
                .map(c -> Arguments.of(c, c.getDeclaringClass().getSimpleName() + "." + c.name()));
    }

    private static void assertSameMapping(Object original) throws Exception {
        Class<?> type = original.getClass();
        String name = type.getSimpleName();
        String gsonJson = GSON.toJson(original);
        RawJson ours = RawJson.from(original);
        String ourJson = ours.toString();
        assertAll(
                () -> assertEquals(TREES.readTree(gsonJson), TREES.readTree(ourJson),
                        () -> name + ": JSON differs from LSP4J's\n  Gson:    " + gsonJson + "\n  Jackson: " + ourJson),
                () -> assertEquals(original, DapJson.standard().bind(ours, type),
                        name + ": Jackson read of " + ourJson),
                () -> assertEquals(original, GSON.fromJson(ourJson, type), name + ": Gson read of " + ourJson));
    }

    private static Object filled(Class<?> type, ModelFiller.Variant variant) throws IllegalAccessException {
        Object bean = ModelFiller.filled(type, variant);
        for (Field field : ModelFiller.fieldsOf(type)) {
            assertNotNull(field.get(bean), () -> "the filler left " + type.getSimpleName() + "." + field.getName()
                    + " empty, so the test would not cover it");
        }
        assertTrue(ModelFiller.fieldsOf(type).isEmpty() || !GSON.toJson(bean).equals("{}"),
                () -> type.getSimpleName() + " was filled but Gson writes {}");
        return bean;
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        return type.getConstructor().newInstance();
    }

    private static String names(List<? extends Class<?>> types) {
        return types.stream().map(Class::getSimpleName).toList().toString();
    }
}
