package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.InterfaceType;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetVariable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;
import org.eclipse.lsp4j.debug.VariablePresentationHintKind;

/**
 * Turns JDI values into the variables a client shows: primitives and strings as leaves; arrays,
 * collections and maps with their elements as paged indexed children (collections and maps by
 * their content, with their fields under {@code (raw)}); boxed numbers and enum constants by their
 * value; other objects by their fields, with {@code toString()} one click away (a lazy child) when
 * the class overrides it. Nothing here reads more than the value shown needs; children are read
 * when the client expands them.
 *
 * <p>Thread-safe (holds no mutable state of its own).
 */
final class ValueView {

    private final MethodInvoker invoker;
    private final TargetContext context;

    ValueView(MethodInvoker invoker, TargetContext context) {
        this.invoker = invoker;
        this.context = context;
    }

    MethodInvoker invoker() {
        return invoker;
    }

    /** Runs a method without arguments in the debuggee, bounded and cancellable by the current request. */
    Value invoke(ThreadReference thread, ObjectReference object, String name, String signature) throws TargetException {
        return invoker.invoke(thread, object, name, signature, context.currentRequest());
    }

    /**
     * The variable for a value.
     *
     * @param evaluateName an expression for the value, or null
     * @param thread the stopped thread, in which methods of the value may run for its children
     */
    TargetVariable variable(String name, Value value, String evaluateName, ThreadReference thread) {
        TargetVariable variable = of(name, value, thread, evaluateName);
        return evaluateName == null ? variable : variable.withEvaluateName(evaluateName);
    }

    private TargetVariable of(String name, Value value, ThreadReference thread, String evaluateName) {
        if (value == null) {
            return TargetVariable.leaf(name, "null", null);
        }
        String type = ValueText.typeName(value.type());
        if (value instanceof PrimitiveValue || value instanceof StringReference) {
            return TargetVariable.leaf(name, ValueText.of(value), type);
        }
        if (value instanceof ArrayReference array) {
            return TargetVariable.structured(name, ValueText.of(array), type,
                    new ArrayElements(array, this, thread, evaluateName)).withIndexedVariables(array.length());
        }
        ObjectReference object = (ObjectReference) value;
        ReferenceType objectType = object.referenceType();
        ObjectFields fields = new ObjectFields(object, this, thread, evaluateName);
        boolean collection = isA(objectType, "java.util.Collection");
        if (collection || isA(objectType, "java.util.Map")) {
            int size = size(object, thread);
            String shown = SourcePaths.simpleName(objectType.name()) + (size >= 0 ? " (size " + size + ")" : "");
            TargetVariable variable = TargetVariable.structured(name, shown, type, collection
                    ? new CollectionElements(object, this, thread, fields) : new MapEntries(object, this, thread, fields));
            return size >= 0 ? variable.withIndexedVariables(size).withNamedVariables(1) : variable;
        }
        return TargetVariable.structured(name, ValueText.of(object), type, fields);
    }

    /** The lazy child that calls {@code toString()} when the client asks, or null when the class does not override it. */
    TargetVariable toStringChild(ObjectReference object, ThreadReference thread) {
        if (!(object.referenceType() instanceof ClassType type)) {
            return null;
        }
        Method toString = type.concreteMethodByName("toString", "()Ljava/lang/String;");
        if (toString == null || toString.declaringType().name().equals("java.lang.Object")) {
            return null;
        }
        VariablePresentationHint hint = new VariablePresentationHint();
        hint.setKind(VariablePresentationHintKind.VIRTUAL);
        hint.setLazy(true);
        return TargetVariable.structured("toString()", "(call toString())", "String",
                new ToStringResult(object, this, thread)).withPresentationHint(hint);
    }

    /** The size of a collection or map: its {@code size} field when it has one, else {@code size()}; -1 when unknown. */
    int size(ObjectReference object, ThreadReference thread) {
        Value field = fieldValue(object, "size");
        if (field instanceof IntegerValue size) {
            return size.value();
        }
        try {
            return invoke(thread, object, "size", "()I") instanceof IntegerValue size ? size.value() : -1;
        } catch (TargetException e) {
            return -1;
        }
    }

    /** Whether a type is, extends or implements the named class or interface. */
    static boolean isA(ReferenceType type, String name) {
        if (type.name().equals(name)) {
            return true;
        }
        if (type instanceof ClassType c) {
            for (ClassType s = c.superclass(); s != null; s = s.superclass()) {
                if (s.name().equals(name)) {
                    return true;
                }
            }
            return c.allInterfaces().stream().anyMatch(i -> i.name().equals(name));
        }
        if (type instanceof InterfaceType i) {
            return i.superinterfaces().stream().anyMatch(s -> isA(s, name));
        }
        return false;
    }

    /** The value of an instance field declared by the object's class or a superclass (private ones too), or null. */
    static Value fieldValue(ObjectReference object, String name) {
        ReferenceType type = object.referenceType();
        for (ClassType c = type instanceof ClassType ct ? ct : null; c != null; c = c.superclass()) {
            for (Field field : c.fields()) {
                if (!field.isStatic() && field.name().equals(name)) {
                    return object.getValue(field);
                }
            }
        }
        return null;
    }
}
