package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import dev.dapkit.target.jvm.internal.eval.Expr.BinaryOperator;
import dev.dapkit.target.jvm.internal.eval.Expr.UnaryOperator;
import java.util.Objects;

/**
 * Type rules of Java's unary and binary operators (JLS 15.15 to 15.24) over operands that
 * are already evaluated: unboxing, string concatenation, reference equality, and the checks
 * that say which operand types an operator accepts. The conditional operators, which must
 * not evaluate their right side every time, are handled by the interpreter.
 *
 * <p>Not thread-safe; one per evaluation.
 */
final class Operators {

    private final VirtualMachine vm;
    private final TypeLookup types;
    private final Conversions conversions;
    private final StringConversion strings;
    private final ObjectPins pins;
    private final PrimitiveArithmetic arithmetic;

    Operators(VirtualMachine vm, TypeLookup types, Conversions conversions, StringConversion strings, ObjectPins pins) {
        this.vm = vm;
        this.types = types;
        this.conversions = conversions;
        this.strings = strings;
        this.pins = pins;
        this.arithmetic = new PrimitiveArithmetic(vm);
    }

    Operand unary(UnaryOperator op, Operand operand) throws EvaluationException {
        Operand p = conversions.primitive(operand, op.symbol);
        String type = p.typeName();
        switch (op) {
            case NOT:
                requireType("boolean".equals(type), op.symbol, type);
                return Operand.of(vm.mirrorOf(!p.primitive().booleanValue()));
            case COMPLEMENT:
                requireType(TypeRelations.isIntegral(type), op.symbol, type);
                return Operand.of(arithmetic.complement(p.primitive()));
            case MINUS:
                requireType(TypeRelations.isNumeric(type), op.symbol, type);
                return Operand.of(arithmetic.negate(p.primitive()));
            case PLUS:
                requireType(TypeRelations.isNumeric(type), op.symbol, type);
                return Operand.of(arithmetic.plus(p.primitive()));
            default:
                throw new EvaluationException("the operator " + op.symbol + " needs a variable");
        }
    }

    Operand binary(BinaryOperator op, Operand left, Operand right) throws EvaluationException {
        if (op == BinaryOperator.ADD && (isString(left) || isString(right))) {
            String text = strings.of(left) + strings.of(right);
            return new Operand(pins.pin(vm.mirrorOf(text)), types.byBinaryName("java.lang.String").orElse(null));
        }
        if (op == BinaryOperator.EQUAL || op == BinaryOperator.NOT_EQUAL) {
            return equality(op, left, right);
        }
        Operand l = conversions.primitive(left, op.symbol);
        Operand r = conversions.primitive(right, op.symbol);
        String lt = l.typeName();
        String rt = r.typeName();
        boolean bothBoolean = "boolean".equals(lt) && "boolean".equals(rt);
        switch (op) {
            case AND:
            case OR:
            case XOR:
                requireTypes(bothBoolean || TypeRelations.isIntegral(lt) && TypeRelations.isIntegral(rt), op, lt, rt);
                break;
            case SHIFT_LEFT:
            case SHIFT_RIGHT:
            case UNSIGNED_SHIFT_RIGHT:
                requireTypes(TypeRelations.isIntegral(lt) && TypeRelations.isIntegral(rt), op, lt, rt);
                break;
            default:
                requireTypes(TypeRelations.isNumeric(lt) && TypeRelations.isNumeric(rt), op, lt, rt);
                break;
        }
        return Operand.of(arithmetic.apply(op, l.primitive(), r.primitive()));
    }

    /** {@code ==}: numeric or boolean when either side is primitive, else reference identity. */
    private Operand equality(BinaryOperator op, Operand left, Operand right) throws EvaluationException {
        boolean equal;
        if (left.isPrimitive() || right.isPrimitive()) {
            Operand l = conversions.primitive(left, op.symbol);
            Operand r = conversions.primitive(right, op.symbol);
            String lt = l.typeName();
            String rt = r.typeName();
            boolean comparable = "boolean".equals(lt) == "boolean".equals(rt);
            if (!comparable) {
                throw new EvaluationException("incomparable types: " + lt + " and " + rt);
            }
            PrimitiveValue result = (PrimitiveValue) arithmetic.apply(BinaryOperator.EQUAL, l.primitive(), r.primitive());
            equal = result.booleanValue();
        } else {
            Value l = left.value();
            Value r = right.value();
            equal = Objects.equals(l, r);
        }
        return Operand.of(vm.mirrorOf(op == BinaryOperator.EQUAL ? equal : !equal));
    }

    static boolean isString(Operand operand) {
        return "java.lang.String".equals(operand.typeName());
    }

    /** Whether the operand's static or runtime type is a subtype of the named type. */
    static boolean isInstance(Operand operand, String typeName) {
        if (operand.type() instanceof ReferenceType && TypeRelations.isSubtype((ReferenceType) operand.type(), typeName)) {
            return true;
        }
        return operand.value() != null && operand.value().type() instanceof ReferenceType
                && TypeRelations.isSubtype((ReferenceType) operand.value().type(), typeName);
    }

    private static void requireType(boolean ok, String op, String type) throws EvaluationException {
        if (!ok) {
            throw new EvaluationException("the operator " + op + " is undefined for the argument type " + type);
        }
    }

    private static void requireTypes(boolean ok, BinaryOperator op, String left, String right) throws EvaluationException {
        if (!ok) {
            throw new EvaluationException("the operator " + op.symbol + " is undefined for the argument types "
                    + left + ", " + right);
        }
    }
}
