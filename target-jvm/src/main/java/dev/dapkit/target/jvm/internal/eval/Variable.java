package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.Type;
import com.sun.jdi.Value;

/**
 * Something an expression can read and assign: a local variable, a field, an array element.
 * The parts that locate it (the object, the array, the index) were evaluated once when it
 * was resolved, so {@code a[i++] += 1} evaluates {@code i++} once. A local is written through
 * a freshly fetched frame, since evaluating the right-hand side may have invoked a method.
 *
 * <p>Not thread-safe; lives for one evaluation.
 */
sealed interface Variable {

    Operand read() throws EvaluationException;

    /** Stores a value already converted to {@link #declaredTypeName()}. */
    void write(Value value) throws EvaluationException;

    String declaredTypeName();

    /** How messages name it: {@code the local variable x}, {@code the field Point.x}. */
    String description();

    /** The static type of a value read from a declaration whose type may not be loaded. */
    private static Operand typed(Value value, TypeSource source) {
        try {
            return new Operand(value, source.type());
        } catch (ClassNotLoadedException e) {
            return Operand.of(value);
        }
    }

    /** {@code LocalVariable::type} and {@code Field::type}, which throw when the type is not loaded. */
    interface TypeSource {
        Type type() throws ClassNotLoadedException;
    }

    private static EvaluationException writeFailure(String description, Exception cause) {
        return new EvaluationException("cannot assign " + description + ": " + cause.getMessage(), cause);
    }

    record Local(EvaluationScope scope, LocalVariable variable) implements Variable {
        @Override
        public Operand read() throws EvaluationException {
            return typed(scope.frame().getValue(variable), variable::type);
        }

        @Override
        public void write(Value value) throws EvaluationException {
            try {
                scope.frame().setValue(variable, value);
            } catch (InvalidTypeException | ClassNotLoadedException e) {
                throw writeFailure(description(), e);
            }
        }

        @Override
        public String declaredTypeName() {
            return variable.typeName();
        }

        @Override
        public String description() {
            return "the local variable " + variable.name();
        }
    }

    record InstanceField(ObjectReference object, Field field) implements Variable {
        @Override
        public Operand read() {
            return typed(object.getValue(field), field::type);
        }

        @Override
        public void write(Value value) throws EvaluationException {
            checkNotFinal(field, description());
            try {
                object.setValue(field, value);
            } catch (InvalidTypeException | ClassNotLoadedException | IllegalArgumentException e) {
                throw writeFailure(description(), e);
            }
        }

        @Override
        public String declaredTypeName() {
            return field.typeName();
        }

        @Override
        public String description() {
            return "the field " + TypeRelations.displayName(field.declaringType().name()) + "." + field.name();
        }
    }

    record StaticField(ReferenceType type, Field field) implements Variable {
        @Override
        public Operand read() {
            return typed(type.getValue(field), field::type);
        }

        @Override
        public void write(Value value) throws EvaluationException {
            checkNotFinal(field, description());
            if (!(field.declaringType() instanceof ClassType)) {
                throw new EvaluationException("cannot assign " + description() + ": interface fields are constant");
            }
            try {
                ((ClassType) field.declaringType()).setValue(field, value);
            } catch (InvalidTypeException | ClassNotLoadedException | IllegalArgumentException e) {
                throw writeFailure(description(), e);
            }
        }

        @Override
        public String declaredTypeName() {
            return field.typeName();
        }

        @Override
        public String description() {
            return "the field " + TypeRelations.displayName(field.declaringType().name()) + "." + field.name();
        }
    }

    record ArrayElement(ArrayReference array, int index) implements Variable {
        @Override
        public Operand read() {
            Value value = array.getValue(index);
            com.sun.jdi.ArrayType type = (com.sun.jdi.ArrayType) array.type();
            return typed(value, type::componentType);
        }

        @Override
        public void write(Value value) throws EvaluationException {
            try {
                array.setValue(index, value);
            } catch (InvalidTypeException | ClassNotLoadedException e) {
                throw writeFailure(description(), e);
            }
        }

        @Override
        public String declaredTypeName() {
            return ((com.sun.jdi.ArrayType) array.type()).componentTypeName();
        }

        @Override
        public String description() {
            return "the array element [" + index + "]";
        }
    }

    /** An array's {@code length}: readable, never assignable. */
    record ArrayLength(ArrayReference array) implements Variable {
        @Override
        public Operand read() {
            return Operand.of(array.virtualMachine().mirrorOf(array.length()));
        }

        @Override
        public void write(Value value) throws EvaluationException {
            throw new EvaluationException("the final field length of an array cannot be assigned");
        }

        @Override
        public String declaredTypeName() {
            return "int";
        }

        @Override
        public String description() {
            return "the array length";
        }
    }

    private static void checkNotFinal(Field field, String description) throws EvaluationException {
        if (field.isFinal()) {
            throw new EvaluationException(description.replace("the field", "the final field") + " cannot be assigned");
        }
    }
}
