package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import dev.dapkit.target.jvm.internal.eval.Expr.BinaryOperator;
import dev.dapkit.target.jvm.internal.eval.Expr.UnaryOperator;

/**
 * Assignment, compound assignment and {@code ++}/{@code --} (JLS 15.26, 15.14.2, 15.15.1):
 * the variable is located first, then the right side is evaluated, then the value is
 * converted to the variable's declared type (compound assignment casts back implicitly, so
 * {@code b += 1} works on a {@code byte}) and stored.
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class Assignments {

    private final Interpreter interpreter;
    private final VirtualMachine vm;
    private final Conversions conversions;
    private final Operators operators;
    private final MethodInvoker invoker;

    Assignments(Interpreter interpreter, VirtualMachine vm, Conversions conversions, Operators operators,
            MethodInvoker invoker) {
        this.interpreter = interpreter;
        this.vm = vm;
        this.conversions = conversions;
        this.operators = operators;
        this.invoker = invoker;
    }

    Operand assign(Expr.Assignment assignment) throws EvaluationException {
        invoker.checkSideEffectsAllowed("assign variables");
        Variable variable = interpreter.names().variable(assignment.target());
        String declared = variable.declaredTypeName();
        Value stored;
        if (assignment.operator() == null) {
            Operand value = interpreter.evaluate(assignment.value());
            stored = conversions.assignable(value, declared, variable.description());
        } else {
            Operand current = variable.read();
            Operand right = interpreter.evaluate(assignment.value());
            Operand result = operators.binary(assignment.operator(), current, right);
            stored = castBack(result, declared, assignment.operator().symbol + "=", variable);
        }
        variable.write(stored);
        return result(stored, variable);
    }

    Operand increment(Expr.Unary unary) throws EvaluationException {
        UnaryOperator op = unary.operator();
        invoker.checkSideEffectsAllowed("change variables with " + op.symbol);
        Variable variable = interpreter.names().variable(unary.operand());
        Operand current = variable.read();
        Operand primitive = conversions.primitive(current, op.symbol);
        if (!TypeRelations.isNumeric(primitive.typeName())) {
            throw new EvaluationException("the operator " + op.symbol + " is undefined for the argument type "
                    + primitive.typeName());
        }
        boolean up = op == UnaryOperator.PRE_INCREMENT || op == UnaryOperator.POST_INCREMENT;
        Operand changed = operators.binary(up ? BinaryOperator.ADD : BinaryOperator.SUBTRACT, primitive,
                Operand.of(vm.mirrorOf(1)));
        Value stored = castBack(changed, variable.declaredTypeName(), op.symbol, variable);
        variable.write(stored);
        boolean prefix = op == UnaryOperator.PRE_INCREMENT || op == UnaryOperator.PRE_DECREMENT;
        return prefix ? result(stored, variable) : current;
    }

    /** The implicit cast of compound assignment: {@code (T) (v op x)}, boxing again for wrappers. */
    private Value castBack(Operand result, String declared, String operator, Variable variable) throws EvaluationException {
        if (TypeRelations.isPrimitiveName(declared)) {
            return conversions.convert(result.primitive(), declared);
        }
        String primitive = TypeRelations.primitiveOf(declared);
        if (primitive != null && result.isPrimitive()) {
            PrimitiveValue converted = conversions.convert(result.primitive(), primitive);
            return conversions.box(Operand.of(converted)).value();
        }
        if (Operators.isString(result)) {
            return conversions.assignable(result, declared, variable.description());
        }
        throw new EvaluationException("the operator " + operator + " is undefined for " + variable.description()
                + " of type " + TypeRelations.displayName(declared));
    }

    private static Operand result(Value stored, Variable variable) throws EvaluationException {
        Operand read = variable.read();
        return new Operand(stored, read.type());
    }
}
