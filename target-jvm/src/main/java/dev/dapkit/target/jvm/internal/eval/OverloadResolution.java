package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses the method or constructor a call denotes (JLS 15.12.2), from the static types of
 * the arguments: phase 1 allows only subtyping and primitive widening, phase 2 adds boxing
 * and unboxing, phase 3 adds variable arity; within the first phase that finds applicable
 * methods, the most specific one wins, and a tie is reported with the candidates.
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class OverloadResolution {

    /** The chosen method, and whether its last parameter collects the trailing arguments. */
    record Choice(Method method, boolean variableArity) {}

    private final TypeLookup types;

    OverloadResolution(TypeLookup types) {
        this.types = types;
    }

    /**
     * @param candidates the methods (or constructors) of that name, synthetic ones excluded
     * @param callName {@code foo} or, for a constructor, the class's simple name
     * @param owner the type named in messages
     * @param constructor whether messages should speak of a constructor
     */
    Choice choose(List<Method> candidates, List<Operand> arguments, String callName, String owner,
            boolean constructor) throws EvaluationException {
        String call = callName + argumentList(arguments);
        String kind = constructor ? "constructor" : "method";
        if (candidates.isEmpty()) {
            throw new EvaluationException(constructor
                    ? "the constructor " + call + " is undefined"
                    : "the method " + call + " is undefined for the type " + TypeRelations.displayName(owner));
        }
        for (int phase = 1; phase <= 3; phase++) {
            List<Method> applicable = new ArrayList<>();
            for (Method candidate : candidates) {
                if (isApplicable(candidate, arguments, phase)) {
                    applicable.add(candidate);
                }
            }
            if (!applicable.isEmpty()) {
                return new Choice(mostSpecific(applicable, arguments.size(), phase == 3, call, owner), phase == 3);
            }
        }
        if (candidates.size() == 1) {
            throw new EvaluationException("the " + kind + " " + signature(candidates.get(0), callName)
                    + (constructor ? "" : " in the type " + TypeRelations.displayName(owner))
                    + " is not applicable for the arguments " + argumentList(arguments));
        }
        throw new EvaluationException("no " + kind + " " + callName + " in the type " + TypeRelations.displayName(owner)
                + " is applicable for the arguments " + argumentList(arguments) + "; candidates: "
                + candidates.stream().map(m -> signature(m, callName)).collect(Collectors.joining(", ")));
    }

    private boolean isApplicable(Method method, List<Operand> arguments, int phase) throws EvaluationException {
        List<String> parameters = method.argumentTypeNames();
        int n = parameters.size();
        if (phase < 3) {
            if (n != arguments.size()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!accepts(arguments.get(i), parameters.get(i), phase == 2)) {
                    return false;
                }
            }
            return true;
        }
        if (!method.isVarArgs() || arguments.size() < n - 1) {
            return false;
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (!accepts(arguments.get(i), parameterType(parameters, i, true), true)) {
                return false;
            }
        }
        return true;
    }

    /** Strict invocation (identity, widening) and, when {@code loose}, boxing and unboxing too. */
    private boolean accepts(Operand argument, String parameter, boolean loose) throws EvaluationException {
        if (TypeRelations.isAssignableStrict(argument.type(), parameter)) {
            return true;
        }
        if (!loose || argument.type() == null) {
            return false;
        }
        if (argument.isPrimitive()) {
            Optional<ReferenceType> wrapper = types.byBinaryName(TypeRelations.wrapperOf(argument.typeName()));
            return wrapper.isPresent() && TypeRelations.isSubtype(wrapper.get(), parameter);
        }
        String unboxed = TypeRelations.primitiveOf(argument.typeName());
        return unboxed != null && TypeRelations.isPrimitiveName(parameter)
                && TypeRelations.isPrimitiveAssignable(unboxed, parameter);
    }

    /** The type of parameter {@code i}, the variable-arity component standing for trailing ones. */
    static String parameterType(List<String> parameters, int i, boolean variableArity) {
        int last = parameters.size() - 1;
        if (variableArity && i >= last) {
            String array = parameters.get(last);
            return array.substring(0, array.length() - 2);
        }
        return parameters.get(i);
    }

    private Method mostSpecific(List<Method> applicable, int k, boolean variableArity, String call, String owner)
            throws EvaluationException {
        if (applicable.size() == 1) {
            return applicable.get(0);
        }
        List<Method> maximal = new ArrayList<>();
        for (Method m : applicable) {
            boolean beaten = false;
            for (Method other : applicable) {
                if (other != m && moreSpecific(other, m, k, variableArity) && !moreSpecific(m, other, k, variableArity)) {
                    beaten = true;
                    break;
                }
            }
            if (!beaten) {
                maximal.add(m);
            }
        }
        if (maximal.size() == 1) {
            return maximal.get(0);
        }
        List<String> first = maximal.get(0).argumentTypeNames();
        if (maximal.stream().allMatch(m -> m.argumentTypeNames().equals(first))) {
            return maximal.stream().filter(m -> !m.isAbstract()).findFirst().orElse(maximal.get(0));
        }
        throw new EvaluationException("the call " + call + " is ambiguous for the type " + TypeRelations.displayName(owner)
                + "; candidates: " + maximal.stream().map(m -> signature(m, m.isConstructor()
                        ? simpleName(owner) : m.name())).collect(Collectors.joining(", ")));
    }

    /** JLS 15.12.2.5 for non-generic methods: each parameter type of m1 is a subtype of m2's. */
    private boolean moreSpecific(Method m1, Method m2, int k, boolean variableArity) {
        List<String> p1 = m1.argumentTypeNames();
        List<String> p2 = m2.argumentTypeNames();
        int length = variableArity && p2.size() == k + 1 ? k + 1 : k;
        for (int i = 0; i < length; i++) {
            if (!isMoreSpecificType(parameterType(p1, i, variableArity), parameterType(p2, i, variableArity))) {
                return false;
            }
        }
        return true;
    }

    private boolean isMoreSpecificType(String s, String t) {
        if (s.equals(t)) {
            return true;
        }
        if (TypeRelations.isPrimitiveName(s) || TypeRelations.isPrimitiveName(t)) {
            return TypeRelations.isPrimitiveName(s) && TypeRelations.isPrimitiveName(t)
                    && TypeRelations.isPrimitiveAssignable(s, t);
        }
        Optional<ReferenceType> type = types.byBinaryName(s);
        return type.isPresent() && TypeRelations.isSubtype(type.get(), t);
    }

    static String argumentList(List<Operand> arguments) {
        return arguments.stream().map(a -> TypeRelations.displayName(a.typeName()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code foo(int, String...)}. */
    static String signature(Method method, String name) {
        List<String> parameters = method.argumentTypeNames().stream().map(TypeRelations::displayName)
                .collect(Collectors.toCollection(ArrayList::new));
        if (method.isVarArgs() && !parameters.isEmpty()) {
            int last = parameters.size() - 1;
            String array = parameters.get(last);
            parameters.set(last, array.substring(0, array.length() - 2) + "...");
        }
        return name + "(" + String.join(", ", parameters) + ")";
    }

    static String simpleName(String typeName) {
        return typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
    }
}
