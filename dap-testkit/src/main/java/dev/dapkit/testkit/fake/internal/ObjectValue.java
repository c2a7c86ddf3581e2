package dev.dapkit.testkit.fake.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object of the toy language: a type name and mutable fields, made by {@code Point{x: 1, y: 2}}.
 * Compared by identity. Not thread-safe: only the running debuggee thread, or an evaluation while
 * the debuggee is suspended, touches it.
 */
public final class ObjectValue {

    private final String type;
    private final Map<String, Object> fields;

    public ObjectValue(String type, Map<String, Object> fields) {
        this.type = type;
        this.fields = new LinkedHashMap<>(fields);
    }

    public String type() {
        return type;
    }

    /** The fields, in the order written; the map is live. */
    public Map<String, Object> fields() {
        return fields;
    }
}
