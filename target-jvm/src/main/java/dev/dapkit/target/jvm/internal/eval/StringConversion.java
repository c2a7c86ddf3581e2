package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ClassType;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import java.util.List;
import java.util.Optional;

/**
 * String conversion (JLS 5.1.11) as string concatenation and logpoints need it. Strings,
 * primitives and boxed primitives are converted in the debugger, which runs no code and
 * formats exactly as Java does ({@code 1.0}, {@code c}, {@code null}); any other object goes
 * through {@code String.valueOf(Object)} in the debuggee, so its own {@code toString()} runs.
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class StringConversion {

    private final TypeLookup types;
    private final Conversions conversions;
    private final MethodInvoker invoker;

    StringConversion(TypeLookup types, Conversions conversions, MethodInvoker invoker) {
        this.types = types;
        this.conversions = conversions;
        this.invoker = invoker;
    }

    String of(Operand operand) throws EvaluationException {
        Value value = operand.value();
        if (value == null) {
            return "null";
        }
        if (value instanceof StringReference) {
            return ((StringReference) value).value();
        }
        if (value instanceof PrimitiveValue) {
            return ofPrimitive((PrimitiveValue) value);
        }
        if (TypeRelations.primitiveOf(value.type().name()) != null) {
            return ofPrimitive(conversions.unboxIfWrapper(Operand.of(value)).primitive());
        }
        return viaValueOf((ObjectReference) value);
    }

    static String ofPrimitive(PrimitiveValue value) {
        switch (value.type().name()) {
            case "boolean": return Boolean.toString(value.booleanValue());
            case "char": return String.valueOf(value.charValue());
            case "float": return Float.toString(value.floatValue());
            case "double": return Double.toString(value.doubleValue());
            default: return Long.toString(value.longValue());
        }
    }

    private String viaValueOf(ObjectReference object) throws EvaluationException {
        Optional<ReferenceType> string = types.byBinaryName("java.lang.String");
        if (string.isEmpty()) {
            throw new EvaluationException("java.lang.String is not loaded in the debuggee");
        }
        ClassType type = (ClassType) string.get();
        List<Method> valueOf = type.methodsByName("valueOf", "(Ljava/lang/Object;)Ljava/lang/String;");
        invoker.checkSideEffectsAllowed("convert a " + TypeRelations.displayName(object.type().name())
                + " to a string (that calls its toString())");
        Value text = invoker.invoke("toString()", () -> type.invokeMethod(invoker.thread(), valueOf.get(0),
                List.of(object), ClassType.INVOKE_SINGLE_THREADED));
        return text instanceof StringReference ? ((StringReference) text).value() : "null";
    }
}
