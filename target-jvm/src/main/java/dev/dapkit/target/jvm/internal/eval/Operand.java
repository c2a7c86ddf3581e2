package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.PrimitiveType;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.Type;
import com.sun.jdi.Value;

/**
 * A value during evaluation together with its compile-time type, which decides overloads,
 * string concatenation and field hiding as in Java. The static type is the declared type of
 * the variable, field or method it came from; when that type is not loaded in the debuggee,
 * the runtime type stands in for it.
 *
 * @param value the JDI value; null for Java {@code null} and for {@code void} results
 * @param type the static type; null for the null type
 */
record Operand(Value value, Type type) {

    static final Operand NULL = new Operand(null, null);

    /** An operand whose static type is its runtime type. */
    static Operand of(Value value) {
        return new Operand(value, value == null ? null : value.type());
    }

    String typeName() {
        return type == null ? "null" : type.name();
    }

    boolean isPrimitive() {
        return type instanceof PrimitiveType;
    }

    PrimitiveValue primitive() {
        return (PrimitiveValue) value;
    }
}
