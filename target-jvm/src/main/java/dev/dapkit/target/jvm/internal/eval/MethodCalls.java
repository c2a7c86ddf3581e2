package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.ArrayType;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.ClassType;
import com.sun.jdi.InterfaceType;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.Type;
import com.sun.jdi.Value;
import com.sun.jdi.VoidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Method calls and class instance creation: finds the candidates, lets
 * {@link OverloadResolution} choose, converts the arguments (boxing, unboxing, widening,
 * packing variable-arity arguments into an array) and runs the call through the
 * {@link MethodInvoker} with {@code INVOKE_SINGLE_THREADED}, so other threads stay suspended.
 * Instance methods dispatch virtually, as in Java.
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class MethodCalls {

    private final Interpreter interpreter;
    private final TypeLookup types;
    private final Conversions conversions;
    private final MethodInvoker invoker;
    private final ObjectPins pins;
    private final OverloadResolution overloads;

    MethodCalls(Interpreter interpreter, TypeLookup types, Conversions conversions, MethodInvoker invoker, ObjectPins pins) {
        this.interpreter = interpreter;
        this.types = types;
        this.conversions = conversions;
        this.invoker = invoker;
        this.pins = pins;
        this.overloads = new OverloadResolution(types);
    }

    Operand call(Expr.MethodCall call) throws EvaluationException {
        if (call.target() == null) {
            return unqualified(call);
        }
        Names.Resolved target = interpreter.names().resolve(call.target());
        if (target instanceof Names.TypeRef) {
            ReferenceType type = ((Names.TypeRef) target).type();
            List<Operand> arguments = arguments(call);
            OverloadResolution.Choice choice = choose(methods(type, call.name()), arguments, call.name(), type);
            if (!choice.method().isStatic()) {
                throw nonStatic(choice.method(), type);
            }
            return invokeStatic(choice, arguments);
        }
        Operand receiver = interpreter.names().variableOrValue(target, call.target());
        return onReceiver(receiver, call);
    }

    /**
     * {@code m(args)}: searched in the class of {@code this}, then in the classes of the
     * enclosing instances, then (for static methods) in the current and enclosing classes;
     * the innermost class that has a method of that name decides (JLS 15.12.1).
     */
    private Operand unqualified(Expr.MethodCall call) throws EvaluationException {
        ObjectReference self = interpreter.scope().frame().thisObject();
        List<Operand> arguments = arguments(call);
        for (ObjectReference object = self; object != null; object = Names.enclosingInstance(object)) {
            List<Method> candidates = methods(object.referenceType(), call.name());
            if (!candidates.isEmpty()) {
                OverloadResolution.Choice choice = choose(candidates, arguments, call.name(), object.referenceType());
                return choice.method().isStatic() ? invokeStatic(choice, arguments) : invokeVirtual(object, choice, arguments);
            }
        }
        ReferenceType current = types.currentType();
        for (String typeName = current.name(); ; typeName = typeName.substring(0, typeName.lastIndexOf('$'))) {
            Optional<ReferenceType> type = typeName.equals(current.name()) ? Optional.of(current) : types.byBinaryName(typeName);
            List<Method> candidates = type.isPresent() ? methods(type.get(), call.name()) : List.of();
            if (!candidates.isEmpty()) {
                OverloadResolution.Choice choice = choose(candidates, arguments, call.name(), type.get());
                if (!choice.method().isStatic()) {
                    throw nonStatic(choice.method(), type.get());
                }
                return invokeStatic(choice, arguments);
            }
            if (typeName.lastIndexOf('$') <= typeName.lastIndexOf('.')) {
                break;
            }
        }
        throw new EvaluationException("the method " + call.name() + OverloadResolution.argumentList(arguments)
                + " is undefined for the type " + TypeRelations.displayName((self == null ? current : self.referenceType()).name()));
    }

    private static EvaluationException nonStatic(Method method, ReferenceType type) {
        return new EvaluationException("cannot make a static reference to the non-static method "
                + OverloadResolution.signature(method, method.name()) + " from the type " + TypeRelations.displayName(type.name()));
    }

    private Operand onReceiver(Operand receiver, Expr.MethodCall call) throws EvaluationException {
        Value value = receiver.value();
        String what = call.name() + "()";
        if (value == null) {
            throw new EvaluationException("java.lang.NullPointerException: cannot invoke \"" + what + "\" because "
                    + Names.describe(call.target()) + " is null");
        }
        if (value instanceof PrimitiveValue) {
            throw new EvaluationException("cannot invoke " + what + " on the primitive type " + receiver.typeName());
        }
        ObjectReference object = (ObjectReference) value;
        List<Operand> arguments = arguments(call);
        ReferenceType runtime = object.referenceType();
        List<Method> candidates = List.of();
        ReferenceType owner = runtime;
        if (receiver.type() instanceof ReferenceType && !(value instanceof ArrayReference)) {
            owner = (ReferenceType) receiver.type();
            candidates = methods(owner, call.name());
        }
        if (candidates.isEmpty()) {
            // Interfaces do not list Object's methods, and arrays have none: ask the object itself.
            owner = value instanceof ArrayReference ? types.byBinaryName("java.lang.Object").orElse(runtime) : runtime;
            candidates = methods(owner, call.name());
        }
        OverloadResolution.Choice choice = choose(candidates, arguments, call.name(), owner);
        return choice.method().isStatic() ? invokeStatic(choice, arguments) : invokeVirtual(object, choice, arguments);
    }

    Operand construct(Expr.NewObject creation) throws EvaluationException {
        Type type = types.resolve(creation.type());
        if (!(type instanceof ClassType) || ((ClassType) type).isAbstract()) {
            throw new EvaluationException("cannot instantiate the type " + TypeRelations.displayName(type.name()));
        }
        ClassType classType = (ClassType) type;
        List<Method> constructors = classType.methods().stream()
                .filter(m -> m.isConstructor() && !m.isSynthetic()).collect(Collectors.toList());
        List<Operand> arguments = arguments(creation.arguments());
        String simpleName = OverloadResolution.simpleName(classType.name());
        OverloadResolution.Choice choice = overloads.choose(constructors, arguments, simpleName, classType.name(), true);
        List<Value> values = convert(choice, arguments);
        Value created = invoker.invoke("new " + simpleName + "()", () -> classType.newInstance(
                invoker.thread(), choice.method(), values, ClassType.INVOKE_SINGLE_THREADED));
        return new Operand(created, classType);
    }

    private OverloadResolution.Choice choose(List<Method> candidates, List<Operand> arguments, String name,
            ReferenceType owner) throws EvaluationException {
        return overloads.choose(candidates, arguments, name, owner.name(), false);
    }

    private Operand invokeStatic(OverloadResolution.Choice choice, List<Operand> arguments) throws EvaluationException {
        Method method = choice.method();
        List<Value> values = convert(choice, arguments);
        ReferenceType declaring = method.declaringType();
        String what = method.name() + "()";
        Value result;
        if (declaring instanceof ClassType) {
            result = invoker.invoke(what, () -> ((ClassType) declaring).invokeMethod(
                    invoker.thread(), method, values, ClassType.INVOKE_SINGLE_THREADED));
        } else {
            result = invoker.invoke(what, () -> ((InterfaceType) declaring).invokeMethod(
                    invoker.thread(), method, values, ClassType.INVOKE_SINGLE_THREADED));
        }
        return returned(method, result);
    }

    private Operand invokeVirtual(ObjectReference object, OverloadResolution.Choice choice, List<Operand> arguments)
            throws EvaluationException {
        Method method = choice.method();
        List<Value> values = convert(choice, arguments);
        Value result = invoker.invoke(method.name() + "()", () -> object.invokeMethod(
                invoker.thread(), method, values, ObjectReference.INVOKE_SINGLE_THREADED));
        return returned(method, result);
    }

    private static Operand returned(Method method, Value result) {
        if (result instanceof VoidValue || "void".equals(method.returnTypeName())) {
            return new Operand(null, result == null ? null : result.type());
        }
        try {
            return new Operand(result, method.returnType());
        } catch (ClassNotLoadedException e) {
            return Operand.of(result);
        }
    }

    private static List<Method> methods(ReferenceType type, String name) {
        return type.methodsByName(name).stream()
                .filter(m -> !m.isSynthetic() && !m.isConstructor() && !m.isStaticInitializer())
                .collect(Collectors.toList());
    }

    private List<Operand> arguments(Expr.MethodCall call) throws EvaluationException {
        return arguments(call.arguments());
    }

    private List<Operand> arguments(List<Expr> expressions) throws EvaluationException {
        List<Operand> arguments = new ArrayList<>();
        for (Expr argument : expressions) {
            arguments.add(interpreter.evaluate(argument));
        }
        return arguments;
    }

    /** Converts arguments to the parameter types, packing trailing ones into an array for varargs. */
    private List<Value> convert(OverloadResolution.Choice choice, List<Operand> arguments) throws EvaluationException {
        Method method = choice.method();
        List<String> parameters = method.argumentTypeNames();
        String name = method.isConstructor() ? "the constructor" : method.name() + "()";
        List<Value> values = new ArrayList<>();
        int fixed = choice.variableArity() ? parameters.size() - 1 : parameters.size();
        for (int i = 0; i < fixed; i++) {
            values.add(conversions.assignable(arguments.get(i), parameters.get(i), "argument " + (i + 1) + " of " + name));
        }
        if (choice.variableArity()) {
            String arrayTypeName = parameters.get(fixed);
            Optional<ReferenceType> arrayType = types.byBinaryName(arrayTypeName);
            if (arrayType.isEmpty()) {
                throw new EvaluationException("cannot call " + name + ": the array type "
                        + TypeRelations.displayName(arrayTypeName) + " for its variable arguments is not loaded in the debuggee");
            }
            invoker.checkSideEffectsAllowed("call " + name);
            ArrayReference array = pins.pin(((ArrayType) arrayType.get()).newInstance(arguments.size() - fixed));
            String component = OverloadResolution.parameterType(parameters, fixed, true);
            for (int i = fixed; i < arguments.size(); i++) {
                Value element = conversions.assignable(arguments.get(i), component, "argument " + (i + 1) + " of " + name);
                try {
                    array.setValue(i - fixed, element);
                } catch (InvalidTypeException | ClassNotLoadedException e) {
                    throw new EvaluationException("cannot pass argument " + (i + 1) + " of " + name + ": " + e.getMessage(), e);
                }
            }
            values.add(array);
        }
        return values;
    }
}
