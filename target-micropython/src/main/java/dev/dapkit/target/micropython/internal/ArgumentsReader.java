package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of {@code launch} and {@code attach} arguments, failing with a message that names
 * the key, what it holds and what was expected. Not thread-safe; one use.
 */
public final class ArgumentsReader {

    private final String request;
    private final JsonNode tree;

    public ArgumentsReader(String request, RawJson arguments) {
        this.request = request;
        this.tree = arguments == null || arguments.isNull() ? MissingNode.getInstance() : arguments.tree();
    }

    private ArgumentsReader(String request, JsonNode tree) {
        this.request = request;
        this.tree = tree;
    }

    public boolean has(String key) {
        JsonNode value = tree.get(key);
        return value != null && !value.isNull();
    }

    /** The object under {@code key}, read with the key's path in messages. */
    public ArgumentsReader object(String key, String what) throws TargetException {
        JsonNode value = tree.get(key);
        if (value == null || !value.isObject()) {
            throw invalid(key, what);
        }
        return new ArgumentsReader(request + " argument \"" + key + "\" key", value);
    }

    public String requiredString(String key, String what) throws TargetException {
        String value = optionalString(key);
        if (value == null || value.isBlank()) {
            throw invalid(key, what);
        }
        return value;
    }

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

    /** A port number, 1 to 65535 (0 too when {@code zeroAllowed}). */
    public int port(String key, boolean zeroAllowed) throws TargetException {
        int port = integer(key, -1);
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw invalid(key, "a TCP port (" + (zeroAllowed ? 0 : 1) + " to 65535), e.g. 5678");
        }
        return port;
    }

    public List<String> strings(String key) throws TargetException {
        JsonNode value = tree.get(key);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isTextual()) {
            for (String part : value.asText().trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return out;
        }
        if (!value.isArray()) {
            throw invalid(key, "a list of strings");
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

    /** The keys present that are not in {@code known}, in order. */
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
        String where = request.endsWith(" key") ? request + " \"" + key + "\"" : request + " argument \"" + key + "\"";
        return MicroPythonErrors.badArguments(where + " must be " + expected + "; it is " + given);
    }
}
