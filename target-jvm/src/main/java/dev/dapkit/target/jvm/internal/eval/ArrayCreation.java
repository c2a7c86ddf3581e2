package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.ArrayType;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.Type;
import com.sun.jdi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code new T[n][m]} and {@code new T[]{...}} through {@link ArrayType#newInstance(int)}.
 * The array type must already be loaded in the debuggee (JDI cannot load it); every array of
 * a type that the program has used is.
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class ArrayCreation {

    private final Interpreter interpreter;
    private final TypeLookup types;
    private final Conversions conversions;
    private final ObjectPins pins;

    ArrayCreation(Interpreter interpreter, TypeLookup types, Conversions conversions, ObjectPins pins) {
        this.interpreter = interpreter;
        this.types = types;
        this.conversions = conversions;
        this.pins = pins;
    }

    Operand create(Expr.NewArray creation) throws EvaluationException {
        interpreter.invoker().checkSideEffectsAllowed("create arrays");
        ArrayType type = (ArrayType) types.resolve(creation.type());
        if (creation.initializer() != null) {
            return new Operand(fill(type, creation.initializer()), type);
        }
        List<Integer> lengths = new ArrayList<>();
        for (Expr dimension : creation.dimensions()) {
            Operand length = interpreter.conversions().primitive(interpreter.evaluate(dimension), "[]");
            if (!TypeRelations.isIntegral(length.typeName()) || "long".equals(length.typeName())) {
                throw new EvaluationException("type mismatch: an array dimension must be an int, but is " + length.typeName());
            }
            int n = length.primitive().intValue();
            if (n < 0) {
                throw new EvaluationException("java.lang.NegativeArraySizeException: " + n);
            }
            lengths.add(n);
        }
        return new Operand(allocate(type, lengths, 0), type);
    }

    private ArrayReference allocate(ArrayType type, List<Integer> lengths, int level) throws EvaluationException {
        ArrayReference array = pins.pin(type.newInstance(lengths.get(level)));
        if (level + 1 < lengths.size()) {
            ArrayType component = componentArray(type);
            for (int i = 0; i < lengths.get(level); i++) {
                store(array, i, allocate(component, lengths, level + 1));
            }
        }
        return array;
    }

    private ArrayReference fill(ArrayType type, Expr.ArrayInitializer initializer) throws EvaluationException {
        List<Expr> elements = initializer.elements();
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Expr element = elements.get(i);
            if (element instanceof Expr.ArrayInitializer) {
                values.add(fill(componentArray(type), (Expr.ArrayInitializer) element));
            } else {
                Operand value = interpreter.evaluate(element);
                values.add(conversions.assignable(value, type.componentTypeName(), "array element [" + i + "]"));
            }
        }
        ArrayReference array = pins.pin(type.newInstance(values.size()));
        for (int i = 0; i < values.size(); i++) {
            store(array, i, values.get(i));
        }
        return array;
    }

    private ArrayType componentArray(ArrayType type) throws EvaluationException {
        String name = type.componentTypeName();
        if (!name.endsWith("[]")) {
            throw new EvaluationException("an array initializer cannot be an element of " + TypeRelations.displayName(type.name()));
        }
        try {
            Type component = type.componentType();
            if (component instanceof ArrayType) {
                return (ArrayType) component;
            }
        } catch (ClassNotLoadedException e) {
            // Looked up by name below, which finds it if any class loader has it.
        }
        Optional<ReferenceType> byName = types.byBinaryName(name);
        if (byName.isPresent() && byName.get() instanceof ArrayType) {
            return (ArrayType) byName.get();
        }
        throw new EvaluationException("the type " + TypeRelations.displayName(name) + " is not loaded in the debuggee");
    }

    private static void store(ArrayReference array, int index, Value value) throws EvaluationException {
        try {
            array.setValue(index, value);
        } catch (InvalidTypeException | ClassNotLoadedException e) {
            throw new EvaluationException("cannot store array element [" + index + "]: " + e.getMessage(), e);
        }
    }
}
