package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What the toy language's operators do to values; every misuse raises a {@link RaisedError}. Stateless. */
final class Operators {

    private static final Set<String> ORDERINGS = Set.of("<", "<=", ">", ">=");

    private Operators() {
    }

    /** False, None, 0, "" and empty lists and maps are false; everything else is true. */
    static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long n) {
            return n != 0;
        }
        if (v instanceof String || v instanceof List || v instanceof Map) {
            return size(v) > 0;
        }
        return v != null;
    }

    /** {@code ==}: scalars by value; lists, maps and objects by identity, so cyclic values compare safely. */
    static boolean same(Object l, Object r) {
        boolean scalar = l == null || l instanceof Long || l instanceof String || l instanceof Boolean;
        return scalar ? Objects.equals(l, r) : l == r;
    }

    static Object binary(String op, Object l, Object r) {
        if (op.equals("==") || op.equals("!=")) {
            return same(l, r) == op.equals("==");
        }
        if ("+".equals(op) && l instanceof String a && r instanceof String b) {
            return a + b;
        }
        boolean ints = l instanceof Long && r instanceof Long;
        if (!ints && !(l instanceof String && r instanceof String && ORDERINGS.contains(op))) {
            throw new RaisedError("cannot use " + op + " on " + ValueText.typeName(l) + " and " + ValueText.typeName(r));
        }
        if (ORDERINGS.contains(op)) {
            int c = ints ? Long.compare((Long) l, (Long) r) : ((String) l).compareTo((String) r);
            return op.equals("<") ? c < 0 : op.equals("<=") ? c <= 0 : op.equals(">") ? c > 0 : c >= 0;
        }
        long a = (Long) l;
        long b = (Long) r;
        if (b == 0 && (op.equals("/") || op.equals("%"))) {
            throw new RaisedError("division by zero");
        }
        try {
            return switch (op) {
                case "+" -> Math.addExact(a, b);
                case "-" -> Math.subtractExact(a, b);
                case "*" -> Math.multiplyExact(a, b);
                case "/" -> a / b;
                default -> a % b;
            };
        } catch (ArithmeticException e) {
            throw new RaisedError("integer overflow in " + a + " " + op + " " + b);
        }
    }

    /** {@code len()}: the size of a list, map or string. */
    static long size(Object value) {
        if (value instanceof List<?> l) {
            return l.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        if (value instanceof String s) {
            return s.length();
        }
        throw new RaisedError("len() needs a list, map or str, not " + ValueText.typeName(value));
    }

    /** What {@code for} walks: a copy of a list, or a map's keys. */
    static List<Object> iterate(Object value) {
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return new ArrayList<>(value instanceof Map<?, ?> m ? m.keySet() : (List<?>) value);
        }
        throw new RaisedError("cannot loop over " + ValueText.typeName(value));
    }

    static Object field(Object target, String name) {
        if (target instanceof ObjectValue o && o.fields().containsKey(name)) {
            return o.fields().get(name);
        }
        throw new RaisedError(ValueText.typeName(target) + " has no field '" + name + "'");
    }

    static Object index(Object target, Object key) {
        if (target instanceof List<?> list) {
            return list.get(position(key, list.size()));
        }
        if (target instanceof Map<?, ?> map && map.containsKey(key)) {
            return map.get(key);
        }
        throw new RaisedError(target instanceof Map ? "key " + ValueText.repr(key, 80) + " is not in the map"
                : ValueText.typeName(target) + " cannot be indexed");
    }

    static int position(Object key, int size) {
        if (!(key instanceof Long i) || i < 0 || i >= size) {
            throw new RaisedError("index " + ValueText.repr(key, 80) + " is not an int in 0.." + (size - 1));
        }
        return i.intValue();
    }

    static Object mapKey(Object key) {
        if (key instanceof Long || key instanceof String || key instanceof Boolean) {
            return key;
        }
        throw new RaisedError("a map key must be an int, str or bool, not " + ValueText.typeName(key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> mutable(List<?> list) {
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> mutable(Map<?, ?> map) {
        return (Map<Object, Object>) map;
    }
}
