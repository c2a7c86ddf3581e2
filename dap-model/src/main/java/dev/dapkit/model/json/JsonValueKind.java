package dev.dapkit.model.json;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;

/**
 * The kinds of JSON value that an {@link Either} branch can be told apart by. The mapping from Java
 * types follows LSP4J's {@code EitherTypeAdapter}, except that enums are strings: every enum in
 * LSP4J Debug is written as a string.
 */
enum JsonValueKind {
    OBJECT("an object", "objects"),
    ARRAY("an array", "arrays"),
    STRING("a string", "strings"),
    NUMBER("a number", "numbers"),
    BOOLEAN("a boolean", "booleans"),
    NULL("null", "null");

    private final String description;
    private final String plural;

    JsonValueKind(String description, String plural) {
        this.description = description;
        this.plural = plural;
    }

    /** "a number" */
    String description() {
        return description;
    }

    /** "numbers" */
    String plural() {
        return plural;
    }

    /** The kind of value that starts at {@code token}, or null for a token that starts none. */
    static JsonValueKind of(JsonToken token) {
        if (token == null) {
            return null;
        }
        switch (token) {
            case START_OBJECT:
            case FIELD_NAME:
            case END_OBJECT:
                return OBJECT;
            case START_ARRAY:
                return ARRAY;
            case VALUE_STRING:
                return STRING;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return NUMBER;
            case VALUE_TRUE:
            case VALUE_FALSE:
                return BOOLEAN;
            case VALUE_NULL:
                return NULL;
            default:
                return null;
        }
    }

    /** The kinds a value of {@code type} is written as; a nested {@code Either} accepts those of both branches. */
    static Set<JsonValueKind> acceptedBy(JavaType type) {
        Set<JsonValueKind> kinds = EnumSet.noneOf(JsonValueKind.class);
        collect(type, kinds);
        return kinds;
    }

    private static void collect(JavaType type, Set<JsonValueKind> kinds) {
        Class<?> raw = type.getRawClass();
        if (Either.class.isAssignableFrom(raw)) {
            for (JavaType branch : type.findTypeParameters(Either.class)) {
                collect(branch, kinds);
            }
        } else if (raw.isArray() || Collection.class.isAssignableFrom(raw) || Tuple.class.isAssignableFrom(raw)) {
            kinds.add(ARRAY);
        } else if (raw == Boolean.class || raw == boolean.class) {
            kinds.add(BOOLEAN);
        } else if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != char.class)) {
            kinds.add(NUMBER);
        } else if (raw == String.class || raw == Character.class || raw == char.class || raw.isEnum()) {
            kinds.add(STRING);
        } else {
            kinds.add(OBJECT);
        }
    }

    /** "a number or a string", for error messages. */
    static String describe(Set<JsonValueKind> kinds) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        for (JsonValueKind kind : kinds) {
            if (i > 0) {
                text.append(i == kinds.size() - 1 ? " or " : ", ");
            }
            text.append(kind.description);
            i++;
        }
        return text.toString();
    }
}
