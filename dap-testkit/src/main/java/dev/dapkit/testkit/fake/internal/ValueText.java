package dev.dapkit.testkit.fake.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How values of the toy language are written. The values are {@code Long} (int), {@code String}
 * (str), {@code Boolean} (bool), null (None), {@code List} (list), {@code Map} (map),
 * {@link ObjectValue} and {@link FunctionDef}. A list, map or object that contains itself is
 * written {@code [...]}, {@code {...}} or {@code Type{...}} where it recurs.
 */
public final class ValueText {

    private ValueText() {
    }

    /** The type's name: {@code int}, {@code str}, {@code bool}, {@code None}, {@code list}, {@code map}, {@code function} or an object's type. */
    public static String typeName(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "map";
        }
        return value instanceof ObjectValue o ? o.type() : "function";
    }

    /** The form {@code print} and {@code str()} write: strings as they are, anything else as {@link #repr}. */
    public static String str(Object value) {
        return value instanceof String s ? s : repr(value, Integer.MAX_VALUE);
    }

    /** The form a debugger shows: strings quoted; cut after about {@code limit} characters, ending in {@code ...}. */
    public static String repr(Object value, int limit) {
        StringBuilder out = new StringBuilder();
        write(out, value, Collections.newSetFromMap(new IdentityHashMap<>()), limit);
        return out.length() > limit ? out.substring(0, limit) + "..." : out.toString();
    }

    private static void write(StringBuilder out, Object value, Set<Object> open, int limit) {
        if (out.length() > limit) {
            return;
        }
        if (value instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\t", "\\t")).append('"');
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof List<?> list) {
            if (enter(out, open, list, "[...]")) {
                out.append('[');
                for (int i = 0; i < list.size() && out.length() <= limit; i++) {
                    out.append(i == 0 ? "" : ", ");
                    write(out, list.get(i), open, limit);
                }
                out.append(']');
                open.remove(list);
            }
        } else if (value instanceof Map<?, ?> map) {
            if (enter(out, open, map, "{...}")) {
                entries(out, map, open, limit, true);
                open.remove(map);
            }
        } else if (value instanceof ObjectValue o) {
            if (enter(out, open, o, o.type() + "{...}")) {
                out.append(o.type());
                entries(out, o.fields(), open, limit, false);
                open.remove(o);
            }
        } else {
            out.append(value == null ? "None" : value.toString());
        }
    }

    private static boolean enter(StringBuilder out, Set<Object> open, Object container, String recurring) {
        if (open.add(container)) {
            return true;
        }
        out.append(recurring);
        return false;
    }

    private static void entries(StringBuilder out, Map<?, ?> entries, Set<Object> open, int limit, boolean quoteKeys) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            if (out.length() > limit) {
                break;
            }
            out.append(first ? "" : ", ");
            first = false;
            if (quoteKeys) {
                write(out, e.getKey(), open, limit);
            } else {
                out.append(e.getKey());
            }
            out.append(": ");
            write(out, e.getValue(), open, limit);
        }
        out.append('}');
    }
}
