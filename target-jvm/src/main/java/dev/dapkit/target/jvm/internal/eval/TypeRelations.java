package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ArrayType;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.ClassType;
import com.sun.jdi.InterfaceType;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.Type;
import java.util.List;
import java.util.Map;

/**
 * Java's type relations (JLS 4.10, 5.1.2, 5.1.7, 5.1.8) over JDI types. The target of a check
 * is a type name, so that types the debuggee has not loaded can still be tested against:
 * nothing is an instance of an unloaded class, and a parameter of an unloaded type accepts
 * only {@code null}.
 *
 * <p>Stateless; safe from any thread that may use the JDI mirrors involved.
 */
final class TypeRelations {

    private static final Map<String, String> WRAPPERS = Map.of(
            "boolean", "java.lang.Boolean", "byte", "java.lang.Byte", "char", "java.lang.Character",
            "short", "java.lang.Short", "int", "java.lang.Integer", "long", "java.lang.Long",
            "float", "java.lang.Float", "double", "java.lang.Double");

    private static final Map<String, String> PRIMITIVES = Map.of(
            "java.lang.Boolean", "boolean", "java.lang.Byte", "byte", "java.lang.Character", "char",
            "java.lang.Short", "short", "java.lang.Integer", "int", "java.lang.Long", "long",
            "java.lang.Float", "float", "java.lang.Double", "double");

    /** Widening primitive conversions (JLS 5.1.2), from each type to the types it widens to. */
    private static final Map<String, List<String>> WIDENING = Map.of(
            "byte", List.of("short", "int", "long", "float", "double"),
            "short", List.of("int", "long", "float", "double"),
            "char", List.of("int", "long", "float", "double"),
            "int", List.of("long", "float", "double"),
            "long", List.of("float", "double"),
            "float", List.of("double"),
            "double", List.of(),
            "boolean", List.of());

    private TypeRelations() {
    }

    static boolean isPrimitiveName(String name) {
        return WRAPPERS.containsKey(name);
    }

    /** {@code java.lang.Integer} for {@code int}; null for a non-primitive. */
    static String wrapperOf(String primitive) {
        return WRAPPERS.get(primitive);
    }

    /** {@code int} for {@code java.lang.Integer}; null for anything that is not a wrapper. */
    static String primitiveOf(String wrapper) {
        return PRIMITIVES.get(wrapper);
    }

    static boolean isNumeric(String primitive) {
        return isPrimitiveName(primitive) && !"boolean".equals(primitive);
    }

    static boolean isIntegral(String primitive) {
        return "byte".equals(primitive) || "short".equals(primitive) || "char".equals(primitive)
                || "int".equals(primitive) || "long".equals(primitive);
    }

    /** Identity or widening primitive conversion. */
    static boolean isPrimitiveAssignable(String from, String to) {
        return from.equals(to) || WIDENING.getOrDefault(from, List.of()).contains(to);
    }

    /**
     * Whether a reference type is the named type or one of its subtypes (JLS 4.10.2, 4.10.3):
     * superclasses, all superinterfaces, and for arrays {@code Object}, {@code Cloneable},
     * {@code Serializable} and covariant component types.
     */
    static boolean isSubtype(ReferenceType from, String to) {
        if (from.name().equals(to) || "java.lang.Object".equals(to)) {
            return true;
        }
        if (from instanceof ClassType) {
            ClassType type = (ClassType) from;
            for (ClassType c = type.superclass(); c != null; c = c.superclass()) {
                if (c.name().equals(to)) {
                    return true;
                }
            }
            return type.allInterfaces().stream().anyMatch(i -> i.name().equals(to));
        }
        if (from instanceof InterfaceType) {
            for (InterfaceType parent : ((InterfaceType) from).superinterfaces()) {
                if (isSubtype(parent, to)) {
                    return true;
                }
            }
            return false;
        }
        if (from instanceof ArrayType) {
            if ("java.lang.Cloneable".equals(to) || "java.io.Serializable".equals(to)) {
                return true;
            }
            return to.endsWith("[]") && isArrayComponentSubtype((ArrayType) from, to.substring(0, to.length() - 2));
        }
        return false;
    }

    private static boolean isArrayComponentSubtype(ArrayType from, String toComponent) {
        String fromComponent = from.componentTypeName();
        if (isPrimitiveName(fromComponent) || isPrimitiveName(toComponent)) {
            return fromComponent.equals(toComponent);
        }
        try {
            Type component = from.componentType();
            return component instanceof ReferenceType && isSubtype((ReferenceType) component, toComponent);
        } catch (ClassNotLoadedException e) {
            return fromComponent.equals(toComponent);
        }
    }

    /** Whether a static type (null = the null type) is assignable to a named type without boxing. */
    static boolean isAssignableStrict(Type from, String to) {
        if (from == null) {
            return !isPrimitiveName(to);
        }
        if (isPrimitiveName(from.name())) {
            return isPrimitiveName(to) && isPrimitiveAssignable(from.name(), to);
        }
        return !isPrimitiveName(to) && isSubtype((ReferenceType) from, to);
    }

    /** The text Java uses for a type in messages: {@code String} for {@code java.lang.String}. */
    static String displayName(String typeName) {
        if (typeName.startsWith("java.lang.") && typeName.indexOf('.', "java.lang.".length()) < 0) {
            return typeName.substring("java.lang.".length());
        }
        return typeName;
    }
}
