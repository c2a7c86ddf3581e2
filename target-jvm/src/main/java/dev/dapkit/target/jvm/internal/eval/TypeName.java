package dev.dapkit.target.jvm.internal.eval;

import java.util.Set;

/**
 * A type as written in an expression (a cast, {@code instanceof}, {@code new}, a class
 * literal): a primitive or a possibly qualified class name, with array dimensions. Type
 * arguments are not kept: the debuggee only knows erased types.
 *
 * @param name {@code int}, {@code String}, {@code java.util.Map.Entry}: dots as written
 * @param dimensions the number of {@code []} pairs
 */
record TypeName(String name, int dimensions) {

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    static boolean isPrimitiveName(String name) {
        return PRIMITIVES.contains(name);
    }

    /** True for a primitive type without dimensions ({@code int}, not {@code int[]}). */
    boolean isPrimitive() {
        return dimensions == 0 && PRIMITIVES.contains(name);
    }

    TypeName elementType() {
        return new TypeName(name, dimensions - 1);
    }

    @Override
    public String toString() {
        return name + "[]".repeat(dimensions);
    }
}
