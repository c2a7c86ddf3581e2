package dev.dapkit.server.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dapkit.model.RawJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the keys of a target's {@code launch} or {@code attach} arguments into typed values, and
 * fails with an error that names the key, what it holds and what was expected, e.g. {@code launch
 * argument "port" must be a TCP port (1 to 65535), e.g. 5678; it is "abc"}. The error's id is the
 * target's own: the reader is given the target's factory for "bad arguments" errors.
 *
 * <p>A key that is absent or {@code null} counts as absent everywhere. Immutable; thread-safe.
 */
public final class RequestArguments {

    private final String where;
    private final JsonNode tree;
    private final Function<String, TargetException> badArguments;

    private RequestArguments(String where, JsonNode tree, Function<String, TargetException> badArguments) {
        this.where = where;
        this.tree = tree;
        this.badArguments = badArguments;
    }

    /**
     * A reader of {@code arguments}.
     *
     * @param request the request's name for messages: {@code launch} or {@code attach}
     * @param arguments the request's arguments; null reads as an empty object
     * @param badArguments makes the target's error for a message that says what is wrong
     */
    public static RequestArguments of(String request, RawJson arguments,
            Function<String, TargetException> badArguments) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(badArguments, "badArguments");
        JsonNode tree = arguments == null || arguments.isNull() ? MissingNode.getInstance() : arguments.tree();
        return new RequestArguments(request + " argument ", tree, badArguments);
    }

    /** Whether {@code key} is present and not {@code null}. */
    public boolean has(String key) {
        JsonNode value = tree.get(key);
        return value != null && !value.isNull();
    }

    /** The object under {@code key}, read with the key's path in messages ({@code attach argument "connect" key "port"}). */
    public RequestArguments object(String key, String expected) throws TargetException {
        JsonNode value = tree.get(key);
        if (value == null || !value.isObject()) {
            throw invalid(key, expected);
        }
        return new RequestArguments(where + quoted(key) + " key ", value, badArguments);
    }

    /** A string that must be present and not blank; {@code expected} says what it is, for the error. */
    public String requiredString(String key, String expected) throws TargetException {
        String value = optionalString(key);
        if (value == null || value.isBlank()) {
            throw invalid(key, expected);
        }
        return value;
    }

    /** A string, or null when absent. */
    public String optionalString(String key) throws TargetException {
        JsonNode value = tree.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(key, "a string");
        }
        return value.asText();
    }

    /** A boolean, or {@code absent}. */
    public boolean bool(String key, boolean absent) throws TargetException {
        JsonNode value = tree.get(key);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw invalid(key, "true or false");
        }
        return value.asBoolean();
    }

    /** A whole number (a string of digits too, as launch.json variables give them), or {@code absent}. */
    public int integer(String key, int absent) throws TargetException {
        JsonNode value = tree.get(key);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (value.isTextual() && value.asText().strip().matches("\\d{1,9}")) {
            return Integer.parseInt(value.asText().strip());
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(key, "a whole number");
        }
        return value.asInt();
    }

    /** A TCP port, 1 to 65535 (0 too when {@code zeroAllowed}); required. */
    public int port(String key, boolean zeroAllowed) throws TargetException {
        String expected = "a TCP port (" + (zeroAllowed ? 0 : 1) + " to 65535), e.g. 5678";
        int port;
        try {
            port = integer(key, -1);
        } catch (TargetException notANumber) {
            throw invalid(key, expected);
        }
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw invalid(key, expected);
        }
        return port;
    }

    /**
     * A list of strings, or one string that {@code splitOne} turns into a list (a class path at the
     * path separator, a command line at blanks, ...); empty when absent. The list is mutable and the
     * caller's.
     */
    public List<String> strings(String key, Function<String, List<String>> splitOne) throws TargetException {
        JsonNode value = tree.get(key);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isTextual()) {
            for (String part : splitOne.apply(value.asText())) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
            return out;
        }
        if (!value.isArray()) {
            throw invalid(key, "a list of strings or one string");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isValueNode() || value.get(i).isNull()) {
                throw invalid(key + "[" + i + "]", "a string");
            }
            out.add(value.get(i).asText());
        }
        return out;
    }

    /** An object of strings; a null value stays null (it removes an environment variable). */
    public Map<String, String> stringMap(String key) throws TargetException {
        JsonNode value = tree.get(key);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw invalid(key, "an object of strings, e.g. {\"LANG\": \"C\"}");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode v = entry.getValue();
            if (v.isNull()) {
                map.put(entry.getKey(), null);
            } else if (v.isValueNode()) {
                map.put(entry.getKey(), v.asText());
            } else {
                throw invalid(key + "." + entry.getKey(), "a string");
            }
        }
        return map;
    }

    /** The keys present that are not in {@code known}, in order: for a target that logs what it ignores. */
    public List<String> unknownKeys(Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** The error for a key that holds something other than {@code expected}. */
    public TargetException invalid(String key, String expected) {
        JsonNode value = tree.get(key);
        String given = value == null ? "nothing" : value.toString();
        if (given.length() > 200) {
            given = given.substring(0, 200) + "...";
        }
        return badArguments.apply(where + quoted(key) + " must be " + expected + "; it is " + given);
    }

    private static String quoted(String key) {
        return '"' + key + '"';
    }
}
