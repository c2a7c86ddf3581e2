package dev.dapkit.target.jvm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the keys of {@code launch} and {@code attach} arguments, accepting the forms VS Code users
 * write (a list or one string for paths and command lines), and failing with a message that names
 * the key, what it holds and what was expected. Not thread-safe; one use.
 */
public final class ArgumentsReader {

    private final String request;
    private final JsonNode tree;

    public ArgumentsReader(String request, RawJson arguments) {
        this.request = request;
        this.tree = arguments == null || arguments.isNull() ? MissingNode.getInstance() : arguments.tree();
    }

    /** The {@code java} executable of a JDK or JRE home folder. */
    public static String javaOf(String javaHome) {
        boolean windows = File.separatorChar == '\\';
        return Path.of(javaHome, "bin", windows ? "java.exe" : "java").toString();
    }

    public boolean has(String key) {
        JsonNode value = tree.get(key);
        return value != null && !value.isNull();
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
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid(key, "a whole number");
        }
        return value.asInt();
    }

    /** Paths as a list of strings, or one string with the platform's path separator; empty when absent. */
    public List<String> pathList(String key) throws TargetException {
        JsonNode value = tree.get(key);
        List<String> paths = new ArrayList<>();
        if (value == null || value.isNull()) {
            return paths;
        }
        if (value.isTextual()) {
            for (String part : value.asText().split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(part);
                }
            }
            return paths;
        }
        return strings(key, value);
    }

    /** A command line as a list of strings, or one string split at blanks (quotes keep blanks); empty when absent. */
    public List<String> commandLine(String key) throws TargetException {
        JsonNode value = tree.get(key);
        if (value == null || value.isNull()) {
            return new ArrayList<>();
        }
        if (value.isTextual()) {
            return CommandLineSplitter.split(value.asText());
        }
        return strings(key, value);
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

    private List<String> strings(String key, JsonNode value) throws TargetException {
        if (!value.isArray()) {
            throw invalid(key, "a list of strings or one string");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isValueNode() || value.get(i).isNull()) {
                throw invalid(key + "[" + i + "]", "a string");
            }
            out.add(value.get(i).asText());
        }
        return out;
    }

    /** The error for a key that holds something other than {@code expected}. */
    public TargetException invalid(String key, String expected) {
        JsonNode value = tree.get(key);
        String given = value == null ? "nothing" : value.toString();
        if (given.length() > 200) {
            given = given.substring(0, 200) + "...";
        }
        return JvmErrors.badArguments(request + " argument \"" + key + "\" must be " + expected + "; it is " + given);
    }
}
