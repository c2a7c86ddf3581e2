package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.ArrayType;
import com.sun.jdi.CharValue;
import com.sun.jdi.ClassType;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.StringReference;
import com.sun.jdi.Type;
import com.sun.jdi.Value;
import java.util.Set;

/**
 * How values look to the user, as a Java programmer writes them: numbers and booleans as they are,
 * chars and strings quoted and escaped, {@code null}, boxes by the value they hold, enum constants
 * by name, arrays as {@code int[3]}, other objects as {@code Point@12} (the JVM's object id).
 * Nothing here runs code in the debuggee (it may read a field). Stateless.
 */
final class ValueText {

    /** The classes whose objects show the primitive value they hold. */
    static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Float", "java.lang.Double");

    /** Longer strings are cut in the value shown (the whole text is one {@code toString()} away). */
    static final int MAX_STRING = 8192;
    private static final int BRIEF_STRING = 80;

    private ValueText() {
    }

    /** The value as shown in a variable. */
    static String of(Value value) {
        return of(value, MAX_STRING);
    }

    /** The value kept short, for messages and descriptions. */
    static String brief(Value value) {
        return of(value, BRIEF_STRING);
    }

    private static String of(Value value, int maxString) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharValue c) {
            return "'" + escape(String.valueOf(c.value()), '\'') + "'";
        }
        if (value instanceof PrimitiveValue) {
            return value.toString();
        }
        if (value instanceof StringReference s) {
            return quote(s.value(), maxString);
        }
        if (value instanceof ArrayReference array) {
            return arrayName(array.type(), array.length());
        }
        ObjectReference object = (ObjectReference) value;
        String type = object.referenceType().name();
        if (BOXES.contains(type)) {
            return of(ValueView.fieldValue(object, "value"), maxString);
        }
        if (object.referenceType() instanceof ClassType c && c.isEnum()) {
            Value name = ValueView.fieldValue(object, "name");
            if (name instanceof StringReference constant) {
                return constant.value();
            }
        }
        return SourcePaths.simpleName(type) + "@" + object.uniqueID();
    }

    /** A string as a Java literal, cut after {@code max} characters. */
    static String quote(String text, int max) {
        boolean cut = text.length() > max;
        return "\"" + escape(cut ? text.substring(0, max) : text, '"') + "\"" + (cut ? "..." : "");
    }

    /** {@code int[3]} for an {@code int[]} of length 3; {@code int[2][]} for an {@code int[][]}. */
    static String arrayName(Type type, int length) {
        String name = shortName(type.name());
        int bracket = name.indexOf('[');
        return name.substring(0, bracket) + "[" + length + "]" + name.substring(bracket + 2);
    }

    /** The type name to show: without {@code java.lang.}, otherwise whole. */
    static String typeName(Type type) {
        return shortName(type.name());
    }

    /** A type name without {@code java.lang.} (only for the package itself, not its subpackages). */
    static String shortName(String name) {
        if (name.startsWith("java.lang.") && name.indexOf('.', "java.lang.".length()) < 0) {
            return name.substring("java.lang.".length());
        }
        return name;
    }

    /** The element type name of an array type, e.g. {@code int} for {@code int[]}. */
    static String componentName(ArrayType type) {
        return shortName(type.componentTypeName());
    }

    private static String escape(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
