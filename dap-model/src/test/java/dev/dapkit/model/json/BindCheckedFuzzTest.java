package dev.dapkit.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.DapJson;
import dev.dapkit.model.RawJson;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized differential test of {@link DapJson#bindChecked} against what the server did before it
 * existed: walk a Jackson tree for the first required field that is absent or null (fields LSP4J
 * marks {@code @NonNull} or declares primitive, in declared order, depth first, values of the wrong
 * kind passed over), then bind. Filled beans of every LSP4J class lose fields, get nulls, values of
 * the wrong kind and unknown fields at random (fixed seeds); both ways must give the same object or
 * the same message.
 */
class BindCheckedFuzzTest {

    private static final int CASES_PER_SEED = 3_000;
    private static final ObjectMapper MAPPER = DapJson.newObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode[] ODD_VALUES = {
        NODES.textNode("x"), NODES.numberNode(7), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
        NODES.nullNode(),
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void bindCheckedAgreesWithATreeWalkThenABind(long seed) throws Exception {
        Random random = new Random(seed);
        List<Class<?>> beans = Lsp4jModelClasses.scan().beans();
        int missing = 0;
        int bound = 0;
        int wrongKind = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Class<?> type = beans.get(random.nextInt(beans.size()));
            JsonNode tree = MAPPER.valueToTree(ModelFiller.filled(type, ModelFiller.Variant.values()[random.nextInt(2)]));
            int times = 1 + random.nextInt(3);
            for (int k = 0; k < times; k++) {
                mutate(tree, random);
            }
            String text = MAPPER.writeValueAsString(tree);
            String where = "seed " + seed + ", case " + i + ", " + type.getSimpleName() + ": " + text;
            switch (compare(type, text, tree, where)) {
                case MISSING -> missing++;
                case BOUND -> bound++;
                case WRONG_KIND -> wrongKind++;
            }
        }
        // every outcome must come up often, or the test proves little
        int tenth = CASES_PER_SEED / 10;
        assertTrue(missing > tenth && bound > tenth && wrongKind > tenth / 4,
                "missing " + missing + ", bound " + bound + ", wrong kind " + wrongKind);
    }

    private enum Outcome { MISSING, BOUND, WRONG_KIND }

    private static Outcome compare(Class<?> type, String text, JsonNode tree, String where) {
        RawJson raw = RawJson.parse(text);
        String expectedMissing = firstMissing(tree, type, "");
        Object checked = null;
        String checkedError = null;
        try {
            checked = DapJson.standard().bindChecked(raw, type);
        } catch (IllegalArgumentException e) {
            checkedError = e.getMessage();
        }
        if (expectedMissing != null) {
            assertEquals("required field '" + expectedMissing + "' is missing", checkedError, where);
            return Outcome.MISSING;
        }
        Object plain = null;
        String plainError = null;
        try {
            plain = DapJson.standard().bind(raw, type);
        } catch (IllegalArgumentException e) {
            plainError = e.getMessage();
        }
        assertEquals(plainError, checkedError, where);
        if (plainError == null && !Objects.equals(plain, checked)) {
            fail("different objects for " + where + "\n  bind:        " + plain + "\n  bindChecked: " + checked);
        }
        return plainError == null ? Outcome.BOUND : Outcome.WRONG_KIND;
    }

    /** Removes a field, nulls a value, puts a value of another kind or adds an unknown field, somewhere in the tree. */
    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int choice = random.nextInt(5);
            if (names.isEmpty() || choice == 4) {
                object.set("unknown" + random.nextInt(3), oddValue(random));
                return;
            }
            String name = names.get(random.nextInt(names.size()));
            switch (choice) {
                case 0, 1 -> object.remove(name);
                case 2 -> object.putNull(name);
                default -> object.set(name, oddValue(random));
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), random.nextBoolean() ? NODES.nullNode()
                    : oddValue(random));
        }
    }

    /** A copy, so that later mutations never change a value shared by two places (or by the tree itself). */
    private static JsonNode oddValue(Random random) {
        return ODD_VALUES[random.nextInt(ODD_VALUES.length)].deepCopy();
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                collect(it.next(), containers);
            }
        }
    }

    // The check the server made before bindChecked, kept here as the reference, with one change: it
    // took an object given for an enum as an enum's fields, and said its 'ordinal' was missing;
    // bindChecked leaves that to the binder ("must be a string, one of ...; got an object").

    private static String firstMissing(JsonNode json, Class<?> type, String path) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (type.isArray()) {
            if (!json.isArray()) {
                return null;
            }
            for (int i = 0; i < json.size(); i++) {
                String missing = firstMissing(json.get(i), type.getComponentType(), path + "[" + i + "]");
                if (missing != null) {
                    return missing;
                }
            }
            return null;
        }
        if (!json.isObject() || !isModel(type)) {
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                boolean required = f.getType().isPrimitive() || f.isAnnotationPresent(NonNull.class);
                String name = f.getName().endsWith("_") ? f.getName().substring(0, f.getName().length() - 1) : f.getName();
                JsonNode value = json.get(name);
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                if (value == null || value.isNull()) {
                    if (required) {
                        return fieldPath;
                    }
                    continue;
                }
                boolean nested = isModel(f.getType()) || (f.getType().isArray() && isModel(f.getType().getComponentType()));
                String missing = nested ? firstMissing(value, f.getType(), fieldPath) : null;
                if (missing != null) {
                    return missing;
                }
            }
        }
        return null;
    }

    private static boolean isModel(Class<?> type) {
        return type.getName().startsWith("org.eclipse.lsp4j.debug.") && !type.isEnum();
    }
}
