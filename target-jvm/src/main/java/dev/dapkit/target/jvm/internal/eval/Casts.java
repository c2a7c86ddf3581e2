package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ReferenceType;
import com.sun.jdi.Type;
import java.util.Optional;

/**
 * Casts and {@code instanceof} (JLS 5.5, 15.16, 15.20.2). Primitive casts convert; reference
 * casts are checked against the runtime type and fail as Java's
 * {@code ClassCastException} would; a cast between a primitive and a reference type boxes or
 * unboxes. A type that is not loaded has no instances, so testing against it is false.
 *
 * <p>Not thread-safe; one per use.
 */
final class Casts {

    private final TypeLookup types;
    private final Conversions conversions;

    Casts(TypeLookup types, Conversions conversions) {
        this.types = types;
        this.conversions = conversions;
    }

    Operand cast(Operand operand, TypeName target) throws EvaluationException {
        if (target.isPrimitive()) {
            Operand primitive = conversions.unboxIfWrapper(operand);
            if (!primitive.isPrimitive()) {
                throw cannotCast(operand, target);
            }
            String from = primitive.typeName();
            boolean unboxedExactly = !operand.isPrimitive() && !from.equals(target.name())
                    && !TypeRelations.isPrimitiveAssignable(from, target.name());
            if (unboxedExactly || "boolean".equals(from) != "boolean".equals(target.name())) {
                throw cannotCast(operand, target);
            }
            return Operand.of(conversions.convert(primitive.primitive(), target.name()));
        }
        if (operand.isPrimitive()) {
            String wrapper = TypeRelations.wrapperOf(operand.typeName());
            Optional<String> binary = types.binaryName(target);
            Optional<ReferenceType> wrapperType = types.byBinaryName(wrapper);
            if (binary.isEmpty() || wrapperType.isEmpty() || !TypeRelations.isSubtype(wrapperType.get(), binary.get())) {
                throw cannotCast(operand, target);
            }
            return conversions.box(operand);
        }
        Optional<String> binary = types.binaryName(target);
        Type targetType = binary.flatMap(types::byBinaryName).orElse(null);
        if (operand.value() == null) {
            return new Operand(null, targetType);
        }
        ReferenceType runtime = (ReferenceType) operand.value().type();
        if (binary.isEmpty() || !TypeRelations.isSubtype(runtime, binary.get())) {
            String targetName = binary.orElse(target.toString());
            throw new EvaluationException("java.lang.ClassCastException: class " + runtime.name()
                    + " cannot be cast to class " + targetName);
        }
        return new Operand(operand.value(), targetType == null ? runtime : targetType);
    }

    boolean isInstance(Operand operand, TypeName target) throws EvaluationException {
        if (operand.isPrimitive()) {
            throw new EvaluationException("incompatible conditional operand types " + operand.typeName() + " and " + target);
        }
        if (target.isPrimitive()) {
            throw new EvaluationException("instanceof needs a reference type, but " + target + " is primitive");
        }
        Optional<String> binary = types.binaryName(target);
        return operand.value() != null && binary.isPresent()
                && TypeRelations.isSubtype((ReferenceType) operand.value().type(), binary.get());
    }

    private static EvaluationException cannotCast(Operand operand, TypeName target) {
        return new EvaluationException("cannot cast from " + TypeRelations.displayName(operand.typeName()) + " to " + target);
    }
}
