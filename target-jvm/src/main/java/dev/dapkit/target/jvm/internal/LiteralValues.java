package dev.dapkit.target.jvm.internal;

import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import dev.dapkit.server.spi.TargetException;

/**
 * Parses the value a user types into {@code setVariable}, for a variable of a given type, as a
 * Java literal: numbers (with {@code 0x}, {@code 0b}, underscores, an {@code L}/{@code f}/{@code d}
 * suffix, a sign), {@code true}/{@code false}, chars ({@code 'a'}, {@code '\n'}, or a code),
 * strings in double quotes with Java escapes, and {@code null} for references. Anything richer is
 * an expression, for the evaluator. Stateless.
 */
final class LiteralValues {

    private LiteralValues() {
    }

    /**
     * The JDI value of {@code text} for a variable of type {@code typeName} (a Java type name such
     * as {@code int} or {@code java.lang.String}).
     */
    static Value parse(VirtualMachine vm, String typeName, String name, String text) throws TargetException {
        String t = text.strip();
        try {
            return switch (typeName) {
                case "boolean" -> vm.mirrorOf(bool(name, t));
                case "char" -> vm.mirrorOf(character(name, t));
                case "byte" -> vm.mirrorOf((byte) whole(t, Byte.MIN_VALUE, 0xFF));
                case "short" -> vm.mirrorOf((short) whole(t, Short.MIN_VALUE, 0xFFFF));
                case "int" -> vm.mirrorOf((int) whole(t, Integer.MIN_VALUE, 0xFFFF_FFFFL));
                case "long" -> vm.mirrorOf(whole(t, Long.MIN_VALUE, Long.MAX_VALUE));
                case "float" -> vm.mirrorOf(Float.parseFloat(decimal(t)));
                case "double" -> vm.mirrorOf(Double.parseDouble(decimal(t)));
                default -> reference(vm, typeName, name, t);
            };
        } catch (NumberFormatException e) {
            throw JvmErrors.cannotSet(name, "'" + t + "' is not a " + typeName + " literal");
        }
    }

    private static Value reference(VirtualMachine vm, String typeName, String name, String t) throws TargetException {
        if (t.equals("null")) {
            return null;
        }
        boolean stringTyped = typeName.equals("java.lang.String") || typeName.equals("java.lang.Object")
                || typeName.equals("java.lang.CharSequence");
        if (stringTyped && t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return vm.mirrorOf(unescape(name, t.substring(1, t.length() - 1)));
        }
        throw JvmErrors.cannotSet(name, "a " + ValueText.shortName(typeName) + " can be set to null"
                + (stringTyped ? " or a string in double quotes" : "") + " here; '" + t
                + "' needs the expression evaluator");
    }

    private static boolean bool(String name, String t) throws TargetException {
        return switch (t) {
            case "true" -> true;
            case "false" -> false;
            default -> throw JvmErrors.cannotSet(name, "'" + t + "' is not true or false");
        };
    }

    private static char character(String name, String t) throws TargetException {
        if (t.length() >= 3 && t.startsWith("'") && t.endsWith("'")) {
            String inner = unescape(name, t.substring(1, t.length() - 1));
            if (inner.length() == 1) {
                return inner.charAt(0);
            }
        } else if (t.length() == 1 && !Character.isDigit(t.charAt(0))) {
            return t.charAt(0);
        } else {
            long code = whole(t, 0, 0xFFFF);
            return (char) code;
        }
        throw JvmErrors.cannotSet(name, "'" + t + "' is not one char");
    }

    /** A whole number within [min, max] (max may exceed the signed range, for hex literals of the type's width). */
    private static long whole(String t, long min, long max) {
        String s = t.replace("_", "");
        if (s.endsWith("L") || s.endsWith("l")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        long value;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            value = Long.parseUnsignedLong(s.substring(2), 16);
        } else if (s.startsWith("0b") || s.startsWith("0B")) {
            value = Long.parseUnsignedLong(s.substring(2), 2);
        } else {
            value = Long.parseLong(s);
        }
        value = negative ? -value : value;
        if (value < min || (max != Long.MAX_VALUE && value > max)) {
            throw new NumberFormatException(t);
        }
        return value;
    }

    private static String decimal(String t) {
        String s = t.replace("_", "");
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        return last == 'f' || last == 'F' || last == 'd' || last == 'D' ? s.substring(0, s.length() - 1) : s;
    }

    private static String unescape(String name, String s) throws TargetException {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw JvmErrors.cannotSet(name, "the literal ends in a lone backslash");
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '0' -> out.append('\0');
                case 's' -> out.append(' ');
                case '\\', '\'', '"' -> out.append(e);
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw JvmErrors.cannotSet(name, "\\u needs four hex digits");
                    }
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw JvmErrors.cannotSet(name, "unknown escape \\" + e);
            }
        }
        return out.toString();
    }
}
