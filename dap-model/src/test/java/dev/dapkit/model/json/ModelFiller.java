package dev.dapkit.model.json;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Fills LSP4J model beans by reflection: every field gets a value, each a different one, nested
 * beans are filled down to a depth limit, arrays get two elements and maps two entries. The two
 * variants differ in every value: {@link Variant#FIRST} takes the left side of every {@code Either},
 * the first enum constants, plain strings and strings for {@code Object} fields;
 * {@link Variant#SECOND} takes the right side, the last enum constants, strings that need escaping
 * and maps for {@code Object} fields.
 *
 * <p>Values for {@code Object} fields hold no numbers: Gson reads every untyped number as a double,
 * so a number would not survive LSP4J's own round trip.
 */
final class ModelFiller {

    enum Variant { FIRST, SECOND }

    private static final int MAX_DEPTH = 3;

    private final Variant variant;
    private int counter;

    private ModelFiller(Variant variant) {
        this.variant = variant;
        this.counter = variant == Variant.FIRST ? 0 : 500;
    }

    /** A new {@code type} with every field set (beans nested deeper than the limit stay null). */
    static <T> T filled(Class<T> type, Variant variant) {
        return type.cast(new ModelFiller(variant).bean(type, 0));
    }

    /** Every instance field of {@code type} and its superclasses. */
    static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private Object bean(Class<?> type, int depth) {
        try {
            Object bean = type.getConstructor().newInstance();
            for (Field field : fieldsOf(type)) {
                field.set(bean, value(field.getGenericType(), field.getName(), depth));
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot fill " + type.getName(), e);
        }
    }

    private Object value(Type type, String hint, int depth) {
        if (type instanceof WildcardType wildcard) {
            return value(wildcard.getUpperBounds()[0], hint, depth);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (raw == Either.class) {
                return variant == Variant.FIRST
                        ? Either.forLeft(value(args[0], hint, depth))
                        : Either.forRight(value(args[1], hint, depth));
            }
            if (raw == Map.class) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(hint + "Key" + ++counter, value(args[1], hint, depth));
                map.put(hint + "Key" + ++counter, value(args[1], hint, depth));
                return map;
            }
            throw new IllegalStateException("no values for " + type + " (" + hint + ")");
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return ++counter;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return variant == Variant.FIRST;
        }
        if (raw == double.class || raw == Double.class) {
            return ++counter + 0.1;
        }
        if (raw == String.class) {
            return string(hint);
        }
        if (raw == Object.class) {
            return variant == Variant.FIRST ? string(hint) : untypedMap(hint);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            int index = (++counter) % constants.length;
            return constants[variant == Variant.FIRST ? index : constants.length - 1 - index];
        }
        if (raw.isArray()) {
            Object array = Array.newInstance(raw.getComponentType(), 2);
            for (int i = 0; i < 2; i++) {
                Array.set(array, i, value(raw.getComponentType(), hint, depth));
            }
            return array;
        }
        if (raw.getPackageName().equals(Lsp4jModelClasses.PACKAGE)) {
            return depth < MAX_DEPTH ? bean(raw, depth + 1) : null;
        }
        throw new IllegalStateException("no values for " + type + " (" + hint + ")");
    }

    private String string(String hint) {
        String plain = hint + "-" + ++counter;
        return variant == Variant.FIRST ? plain : plain + " <ä & \"é\">\n\t\u2028'=";
    }

    private Map<String, Object> untypedMap(String hint) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("flag", Boolean.TRUE);
        nested.put("list", List.of(string(hint), string(hint)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", string(hint));
        map.put("nested", nested);
        return map;
    }
}
