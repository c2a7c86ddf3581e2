package dev.dapkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * Finds the first required field that a JSON value lacks, for LSP4J's model classes: DAP's
 * required properties are the fields LSP4J marks {@link NonNull} or declares primitive (a missing
 * {@code threadId} would otherwise bind silently to 0). Nested model objects and arrays of them are
 * checked too, so the error can name {@code breakpoints[1].line}.
 *
 * <p>Thread-safe; what it learns of each class is computed once.
 */
final class RequiredFields {

    private static final String LSP4J_MODEL = "org.eclipse.lsp4j.debug.";

    private static final ClassValue<List<FieldRule>> RULES = new ClassValue<>() {
        @Override
        protected List<FieldRule> computeValue(Class<?> type) {
            return rulesOf(type);
        }
    };

    private RequiredFields() {
    }

    /**
     * The path of the first required field missing in {@code json}, read as {@code type}, or null
     * when none is missing. Values of the wrong kind are left for the binder to report.
     */
    static String firstMissing(JsonNode json, Class<?> type) {
        return firstMissing(json, type, "");
    }

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
        for (FieldRule rule : RULES.get(type)) {
            JsonNode value = json.get(rule.jsonName());
            String fieldPath = path.isEmpty() ? rule.jsonName() : path + "." + rule.jsonName();
            if (value == null || (value.isNull() && rule.required())) {
                if (rule.required()) {
                    return fieldPath;
                }
                continue;
            }
            String missing = firstMissing(value, rule.type(), fieldPath);
            if (missing != null) {
                return missing;
            }
        }
        return null;
    }

    private static boolean isModel(Class<?> type) {
        return type.getName().startsWith(LSP4J_MODEL);
    }

    private static List<FieldRule> rulesOf(Class<?> type) {
        List<FieldRule> rules = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                boolean required = f.getType().isPrimitive() || f.isAnnotationPresent(NonNull.class);
                boolean nested = isModel(f.getType()) || (f.getType().isArray() && isModel(f.getType().getComponentType()));
                if (required || nested) {
                    rules.add(new FieldRule(jsonName(f), f.getType(), required));
                }
            }
        }
        return List.copyOf(rules);
    }

    /** LSP4J appends {@code _} to fields named after Java keywords ({@code default_}); JSON has no underscore. */
    private static String jsonName(Field f) {
        String name = f.getName();
        return name.endsWith("_") ? name.substring(0, name.length() - 1) : name;
    }

    private record FieldRule(String jsonName, Class<?> type, boolean required) {
    }
}
