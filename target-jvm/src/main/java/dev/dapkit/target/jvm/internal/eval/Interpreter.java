package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Type;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import dev.dapkit.target.jvm.internal.eval.Expr.BinaryOperator;
import dev.dapkit.target.jvm.internal.eval.Expr.UnaryOperator;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates one syntax tree against a suspended frame, left to right as Java does. Owns the
 * per-evaluation collaborators (type lookup, conversions, calls, assignments), which ask it
 * back to evaluate sub-expressions.
 *
 * <p>Not thread-safe: one instance per evaluation, used on the evaluating thread.
 */
final class Interpreter {

    private final EvaluationScope scope;
    private final VirtualMachine vm;
    private final ObjectPins pins;
    private final MethodInvoker invoker;
    private final TypeLookup types;
    private final Conversions conversions;
    private final Operators operators;
    private final Names names;
    private final MethodCalls calls;
    private final Assignments assignments;
    private final ArrayCreation arrays;
    private final StringConversion strings;

    Interpreter(EvaluationScope scope, ObjectPins pins, Map<ThreadReference, PendingInvocation> busyThreads) throws EvaluationException {
        this.scope = scope;
        this.vm = scope.vm();
        this.pins = pins;
        this.invoker = new MethodInvoker(scope, pins, busyThreads);
        this.types = new TypeLookup(vm, scope.frame().location().declaringType());
        this.conversions = new Conversions(vm, types, invoker);
        StringConversion strings = new StringConversion(types, conversions, invoker);
        this.operators = new Operators(vm, types, conversions, strings, pins);
        this.names = new Names(this, scope, types);
        this.calls = new MethodCalls(this, types, conversions, invoker, pins);
        this.assignments = new Assignments(this, vm, conversions, operators, invoker);
        this.arrays = new ArrayCreation(this, types, conversions, pins);
        this.strings = strings;
    }

    EvaluationScope scope() {
        return scope;
    }

    Names names() {
        return names;
    }

    Conversions conversions() {
        return conversions;
    }

    MethodInvoker invoker() {
        return invoker;
    }

    StringConversion strings() {
        return strings;
    }

    Operand evaluate(Expr expr) throws EvaluationException {
        if (expr instanceof Expr.Literal) {
            return literal(((Expr.Literal) expr).value());
        }
        if (expr instanceof Expr.Name || expr instanceof Expr.FieldAccess || expr instanceof Expr.ArrayAccess) {
            return names.value(expr);
        }
        if (expr instanceof Expr.This) {
            ObjectReference self = scope.frame().thisObject();
            if (self == null) {
                throw new EvaluationException("cannot use this in a static context");
            }
            return new Operand(self, self.referenceType());
        }
        if (expr instanceof Expr.MethodCall) {
            return calls.call((Expr.MethodCall) expr);
        }
        if (expr instanceof Expr.NewObject) {
            return calls.construct((Expr.NewObject) expr);
        }
        if (expr instanceof Expr.NewArray) {
            return arrays.create((Expr.NewArray) expr);
        }
        if (expr instanceof Expr.Unary) {
            return unary((Expr.Unary) expr);
        }
        if (expr instanceof Expr.Binary) {
            return binary((Expr.Binary) expr);
        }
        if (expr instanceof Expr.Conditional) {
            Expr.Conditional conditional = (Expr.Conditional) expr;
            boolean condition = booleanOf(evaluate(conditional.condition()), "the condition of ?:");
            Expr chosen = condition ? conditional.whenTrue() : conditional.whenFalse();
            Expr other = condition ? conditional.whenFalse() : conditional.whenTrue();
            return promoteAgainstLiteral(evaluate(chosen), other);
        }
        if (expr instanceof Expr.Assignment) {
            return assignments.assign((Expr.Assignment) expr);
        }
        if (expr instanceof Expr.Cast) {
            Expr.Cast cast = (Expr.Cast) expr;
            return new Casts(types, conversions).cast(evaluate(cast.operand()), cast.type());
        }
        if (expr instanceof Expr.InstanceOf) {
            Expr.InstanceOf test = (Expr.InstanceOf) expr;
            return Operand.of(vm.mirrorOf(new Casts(types, conversions).isInstance(evaluate(test.operand()), test.type())));
        }
        if (expr instanceof Expr.ClassLiteral) {
            return classLiteral(((Expr.ClassLiteral) expr).type());
        }
        throw new EvaluationException("an array initializer is only allowed in an array creation, at column " + expr.column());
    }

    /**
     * Only one branch of {@code ?:} is evaluated, but Java types the result from both
     * (JLS 15.25). Without static typing of the other branch, the common case is covered: when
     * it is a numeric literal, binary numeric promotion applies ({@code b ? i : 2.0} is a double),
     * except that an int literal that fits keeps a byte, short or char branch's type.
     */
    private Operand promoteAgainstLiteral(Operand chosen, Expr other) throws EvaluationException {
        if (!(other instanceof Expr.Literal)) {
            return chosen;
        }
        Object literal = ((Expr.Literal) other).value();
        if (!(literal instanceof Number || literal instanceof Character)) {
            return chosen;
        }
        Operand unboxed = conversions.unboxIfWrapper(chosen);
        if (!unboxed.isPrimitive() || !TypeRelations.isNumeric(unboxed.typeName())) {
            return chosen;
        }
        String own = unboxed.typeName();
        String literalType = literal(literal).typeName();
        boolean narrowKept = literal instanceof Integer && !"int".equals(own) && TypeRelations.isIntegral(own)
                && !"long".equals(own) && fits((Integer) literal, own);
        String target = narrowKept ? own : own.equals(literalType) ? own : PrimitiveArithmetic.promote(own, literalType);
        return Operand.of(conversions.convert(unboxed.primitive(), target));
    }

    private static boolean fits(int value, String type) {
        switch (type) {
            case "byte": return value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case "short": return value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            default: return value >= Character.MIN_VALUE && value <= Character.MAX_VALUE;
        }
    }

    private Operand literal(Object value) throws EvaluationException {
        if (value == null) {
            return Operand.NULL;
        }
        if (value instanceof String) {
            Value string = pins.pin(vm.mirrorOf((String) value));
            return new Operand(string, types.byBinaryName("java.lang.String").orElse(null));
        }
        if (value instanceof Integer) {
            return Operand.of(vm.mirrorOf((Integer) value));
        }
        if (value instanceof Long) {
            return Operand.of(vm.mirrorOf((Long) value));
        }
        if (value instanceof Float) {
            return Operand.of(vm.mirrorOf((Float) value));
        }
        if (value instanceof Double) {
            return Operand.of(vm.mirrorOf((Double) value));
        }
        if (value instanceof Character) {
            return Operand.of(vm.mirrorOf((Character) value));
        }
        return Operand.of(vm.mirrorOf((Boolean) value));
    }

    private Operand unary(Expr.Unary unary) throws EvaluationException {
        UnaryOperator op = unary.operator();
        if (op == UnaryOperator.PRE_INCREMENT || op == UnaryOperator.PRE_DECREMENT
                || op == UnaryOperator.POST_INCREMENT || op == UnaryOperator.POST_DECREMENT) {
            return assignments.increment(unary);
        }
        return operators.unary(op, evaluate(unary.operand()));
    }

    private Operand binary(Expr.Binary binary) throws EvaluationException {
        BinaryOperator op = binary.operator();
        if (op == BinaryOperator.CONDITIONAL_AND || op == BinaryOperator.CONDITIONAL_OR) {
            boolean left = booleanOf(evaluate(binary.left()), "the left operand of " + op.symbol);
            if (left == (op == BinaryOperator.CONDITIONAL_OR)) {
                return Operand.of(vm.mirrorOf(left));
            }
            return Operand.of(vm.mirrorOf(booleanOf(evaluate(binary.right()), "the right operand of " + op.symbol)));
        }
        Operand left = evaluate(binary.left());
        Operand right = evaluate(binary.right());
        return operators.binary(op, left, right);
    }

    /** A boolean or Boolean operand's value, else an error naming where a boolean was needed. */
    boolean booleanOf(Operand operand, String where) throws EvaluationException {
        Operand unboxed = conversions.unboxIfWrapper(operand);
        if (!"boolean".equals(unboxed.typeName())) {
            throw new EvaluationException("type mismatch: " + where + " must be a boolean, but is "
                    + TypeRelations.displayName(operand.typeName()));
        }
        return unboxed.primitive().booleanValue();
    }

    private Operand classLiteral(TypeName name) throws EvaluationException {
        Optional<ReferenceType> classType = types.byBinaryName("java.lang.Class");
        if (name.dimensions() == 0 && (TypeName.isPrimitiveName(name.name()) || "void".equals(name.name()))) {
            String wrapper = "void".equals(name.name()) ? "java.lang.Void" : TypeRelations.wrapperOf(name.name());
            ReferenceType wrapperType = types.byBinaryName(wrapper).orElseThrow(() ->
                    new EvaluationException("cannot get " + name + ".class: " + wrapper + " is not loaded in the debuggee"));
            Field typeField = wrapperType.fieldByName("TYPE");
            return new Operand(wrapperType.getValue(typeField), classType.orElse(null));
        }
        Type type = types.resolve(name);
        ObjectReference classObject = ((ReferenceType) type).classObject();
        return new Operand(classObject, classType.orElse(classObject.referenceType()));
    }
}
