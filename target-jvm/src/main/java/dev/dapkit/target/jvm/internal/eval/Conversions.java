package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.Type;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import java.util.List;
import java.util.Optional;

/**
 * Java's conversions between JDI values (JLS chapter 5): primitive widening and narrowing,
 * boxing (through the wrapper's {@code valueOf} in the debuggee, which is what Java does and
 * keeps the {@code Integer} cache identity) and unboxing (by reading the wrapper's
 * {@code value} field, which runs no code).
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class Conversions {

    private final VirtualMachine vm;
    private final TypeLookup types;
    private final MethodInvoker invoker;

    Conversions(VirtualMachine vm, TypeLookup types, MethodInvoker invoker) {
        this.vm = vm;
        this.types = types;
        this.invoker = invoker;
    }

    /** The primitive inside a wrapper, or the operand itself when it is not a wrapper. */
    Operand unboxIfWrapper(Operand operand) throws EvaluationException {
        if (operand.isPrimitive() || operand.type() == null) {
            return operand;
        }
        String primitive = TypeRelations.primitiveOf(operand.typeName());
        if (primitive == null && operand.value() != null) {
            primitive = TypeRelations.primitiveOf(operand.value().type().name());
        }
        if (primitive == null) {
            return operand;
        }
        if (operand.value() == null) {
            throw new EvaluationException("java.lang.NullPointerException: cannot unbox a null "
                    + TypeRelations.displayName(operand.typeName()));
        }
        ObjectReference box = (ObjectReference) operand.value();
        Field value = box.referenceType().fieldByName("value");
        return Operand.of(box.getValue(value));
    }

    /** The operand as a primitive (unboxed if needed), or an error naming the operator. */
    Operand primitive(Operand operand, String operator) throws EvaluationException {
        Operand unboxed = unboxIfWrapper(operand);
        if (!unboxed.isPrimitive()) {
            throw new EvaluationException("the operator " + operator + " is undefined for the type "
                    + TypeRelations.displayName(operand.typeName()));
        }
        return unboxed;
    }

    /** Casting conversion between primitives ({@code (byte) 300}); boolean converts only to boolean. */
    PrimitiveValue convert(PrimitiveValue value, String to) throws EvaluationException {
        String from = value.type().name();
        if (from.equals(to)) {
            return value;
        }
        if ("boolean".equals(from) || "boolean".equals(to)) {
            throw new EvaluationException("cannot cast from " + from + " to " + to);
        }
        switch (to) {
            case "byte": return vm.mirrorOf(value.byteValue());
            case "char": return vm.mirrorOf(value.charValue());
            case "short": return vm.mirrorOf(value.shortValue());
            case "int": return vm.mirrorOf(value.intValue());
            case "long": return vm.mirrorOf(value.longValue());
            case "float": return vm.mirrorOf(value.floatValue());
            case "double": return vm.mirrorOf(value.doubleValue());
            default: throw new EvaluationException("cannot cast from " + from + " to " + to);
        }
    }

    /** Boxes a primitive by calling {@code Wrapper.valueOf(p)} in the debuggee. */
    Operand box(Operand primitive) throws EvaluationException {
        String name = primitive.typeName();
        String wrapperName = TypeRelations.wrapperOf(name);
        Optional<ReferenceType> wrapper = types.byBinaryName(wrapperName);
        if (wrapper.isEmpty() || !(wrapper.get() instanceof ClassType)) {
            throw new EvaluationException("cannot box " + name + ": " + wrapperName + " is not loaded in the debuggee");
        }
        ClassType type = (ClassType) wrapper.get();
        String signature = "(" + primitive.type().signature() + ")L" + wrapperName.replace('.', '/') + ";";
        List<Method> valueOf = type.methodsByName("valueOf", signature);
        if (valueOf.isEmpty()) {
            throw new EvaluationException("cannot box " + name + ": " + wrapperName + ".valueOf(" + name + ") is missing");
        }
        String what = TypeRelations.displayName(wrapperName) + ".valueOf()";
        invoker.checkSideEffectsAllowed("box the " + name + " value " + primitive.value());
        Value boxed = invoker.invoke(what, () -> type.invokeMethod(invoker.thread(), valueOf.get(0),
                List.of(primitive.value()), ClassType.INVOKE_SINGLE_THREADED));
        return new Operand(boxed, type);
    }

    /**
     * Assignment conversion (JLS 5.2) of {@code operand} to the named type, as for a variable
     * or a parameter. An {@code int} that fits also narrows to {@code byte}, {@code short} or
     * {@code char}, as a constant would in Java.
     *
     * @param what names the destination in messages, e.g. {@code the local variable x}
     */
    Value assignable(Operand operand, String targetType, String what) throws EvaluationException {
        if (TypeRelations.isPrimitiveName(targetType)) {
            Operand unboxed = unboxIfWrapper(operand);
            if (unboxed.isPrimitive()) {
                PrimitiveValue value = unboxed.primitive();
                String from = unboxed.typeName();
                if (TypeRelations.isPrimitiveAssignable(from, targetType) || fitsAsConstant(value, targetType)) {
                    return convert(value, targetType);
                }
            }
            throw mismatch(operand, targetType, what);
        }
        if (operand.value() == null) {
            if (operand.isPrimitive()) {
                throw mismatch(operand, targetType, what);
            }
            return null;
        }
        if (operand.isPrimitive()) {
            String wrapper = TypeRelations.wrapperOf(operand.typeName());
            Optional<ReferenceType> wrapperType = types.byBinaryName(wrapper);
            if (wrapperType.isPresent() && TypeRelations.isSubtype(wrapperType.get(), targetType)) {
                return box(operand).value();
            }
            String narrowed = TypeRelations.primitiveOf(targetType);
            if (narrowed != null && fitsAsConstant(operand.primitive(), narrowed)) {
                return box(Operand.of(convert(operand.primitive(), narrowed))).value();
            }
            throw mismatch(operand, targetType, what);
        }
        Type type = operand.type();
        if (type instanceof ReferenceType && TypeRelations.isSubtype((ReferenceType) type, targetType)
                || TypeRelations.isSubtype((ReferenceType) operand.value().type(), targetType)) {
            return operand.value();
        }
        throw mismatch(operand, targetType, what);
    }

    private static boolean fitsAsConstant(PrimitiveValue value, String target) {
        if (!"int".equals(value.type().name()) && !"short".equals(value.type().name())
                && !"char".equals(value.type().name()) && !"byte".equals(value.type().name())) {
            return false;
        }
        int v = value.intValue();
        switch (target) {
            case "byte": return v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case "short": return v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case "char": return v >= Character.MIN_VALUE && v <= Character.MAX_VALUE;
            default: return false;
        }
    }

    private static EvaluationException mismatch(Operand operand, String targetType, String what) {
        return new EvaluationException("type mismatch: cannot convert from "
                + TypeRelations.displayName(operand.typeName()) + " to " + TypeRelations.displayName(targetType)
                + " for " + what);
    }
}
