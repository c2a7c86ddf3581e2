package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.ArrayType;
import com.sun.jdi.CharValue;
import com.sun.jdi.ClassObjectReference;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import com.sun.jdi.VoidValue;

/**
 * A one-line display of an evaluation result that runs no code in the debuggee: strings
 * quoted with Java escapes ({@code "a\n"}), chars quoted ({@code 'c'}), numbers as Java
 * prints them, boxed primitives by their value, arrays as {@code int[3]}, classes as
 * {@code class java.lang.String}, other objects as {@code Point (id=42)}. The target core
 * owns the display of variables and their children; this covers evaluate's result line.
 *
 * <p>Stateless; call on the session thread (it reads from the debuggee).
 */
public final class ValueFormatter {

    private ValueFormatter() {
    }

    /** The display of an evaluation result; a {@code void} call displays as an empty string. */
    public static String format(EvaluationResult result) {
        return result.isVoid() ? "" : format(result.value());
    }

    public static String format(Value value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof VoidValue) {
            return "";
        }
        if (value instanceof StringReference) {
            return quote(((StringReference) value).value(), '"');
        }
        if (value instanceof CharValue) {
            return quote(String.valueOf(((CharValue) value).value()), '\'');
        }
        if (value instanceof PrimitiveValue) {
            return StringConversion.ofPrimitive((PrimitiveValue) value);
        }
        if (value instanceof ArrayReference) {
            ArrayReference array = (ArrayReference) value;
            String component = ((ArrayType) array.type()).componentTypeName();
            int bracket = component.indexOf('[');
            String element = bracket < 0 ? component : component.substring(0, bracket);
            String rest = bracket < 0 ? "" : component.substring(bracket);
            return simpleName(element) + "[" + array.length() + "]" + rest;
        }
        if (value instanceof ClassObjectReference) {
            return "class " + ((ClassObjectReference) value).reflectedType().name();
        }
        ObjectReference object = (ObjectReference) value;
        String typeName = object.referenceType().name();
        if (TypeRelations.primitiveOf(typeName) != null) {
            Field field = object.referenceType().fieldByName("value");
            Value boxed = field == null ? null : object.getValue(field);
            if (boxed != null) {
                return format(boxed);
            }
        }
        return simpleName(typeName) + " (id=" + object.uniqueID() + ")";
    }

    private static String simpleName(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    /** Java source escapes, so the display could be pasted back as a literal. */
    static String quote(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n': out.append("\\n"); break;
                case '\t': out.append("\\t"); break;
                case '\r': out.append("\\r"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\\': out.append("\\\\"); break;
                default:
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append(quote).toString();
    }
}
