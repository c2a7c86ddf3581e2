package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import dev.dapkit.target.jvm.internal.eval.Expr.BinaryOperator;

/**
 * Java's operators on primitive values, computed in the debugger with Java's own operators
 * after unary or binary numeric promotion (JLS 5.6): {@code byte}, {@code short} and
 * {@code char} become {@code int}; mixed operands widen to the wider of int, long, float,
 * double. Integer division by zero fails as Java's would.
 *
 * <p>Stateless apart from the VM used to mirror results; use on the evaluating thread.
 */
final class PrimitiveArithmetic {

    private final VirtualMachine vm;

    PrimitiveArithmetic(VirtualMachine vm) {
        this.vm = vm;
    }

    /** The type binary numeric promotion gives two numeric primitive types. */
    static String promote(String left, String right) {
        if ("double".equals(left) || "double".equals(right)) {
            return "double";
        }
        if ("float".equals(left) || "float".equals(right)) {
            return "float";
        }
        if ("long".equals(left) || "long".equals(right)) {
            return "long";
        }
        return "int";
    }

    /** Unary numeric promotion. */
    static String promote(String type) {
        return promote(type, "int");
    }

    Value negate(PrimitiveValue v) {
        switch (promote(v.type().name())) {
            case "double": return vm.mirrorOf(-v.doubleValue());
            case "float": return vm.mirrorOf(-v.floatValue());
            case "long": return vm.mirrorOf(-v.longValue());
            default: return vm.mirrorOf(-v.intValue());
        }
    }

    Value plus(PrimitiveValue v) {
        switch (promote(v.type().name())) {
            case "double": return vm.mirrorOf(v.doubleValue());
            case "float": return vm.mirrorOf(v.floatValue());
            case "long": return vm.mirrorOf(v.longValue());
            default: return vm.mirrorOf(v.intValue());
        }
    }

    Value complement(PrimitiveValue v) {
        return "long".equals(promote(v.type().name())) ? vm.mirrorOf(~v.longValue()) : vm.mirrorOf(~v.intValue());
    }

    /**
     * Applies an arithmetic, shift, comparison or bitwise operator to two primitives whose
     * types the caller has checked (numeric for arithmetic, integral for shifts and bitwise,
     * or both boolean for {@code & | ^ == !=}).
     */
    Value apply(BinaryOperator op, PrimitiveValue l, PrimitiveValue r) throws EvaluationException {
        String lt = l.type().name();
        String rt = r.type().name();
        if ("boolean".equals(lt) && "boolean".equals(rt)) {
            return booleans(op, l.booleanValue(), r.booleanValue());
        }
        if (op == BinaryOperator.SHIFT_LEFT || op == BinaryOperator.SHIFT_RIGHT || op == BinaryOperator.UNSIGNED_SHIFT_RIGHT) {
            return shift(op, l, r.longValue());
        }
        switch (promote(lt, rt)) {
            case "double": return doubles(op, l.doubleValue(), r.doubleValue());
            case "float": return floats(op, l.floatValue(), r.floatValue());
            case "long": return longs(op, l.longValue(), r.longValue());
            default: return ints(op, l.intValue(), r.intValue());
        }
    }

    private Value booleans(BinaryOperator op, boolean a, boolean b) throws EvaluationException {
        switch (op) {
            case AND: return vm.mirrorOf(a & b);
            case OR: return vm.mirrorOf(a | b);
            case XOR: return vm.mirrorOf(a ^ b);
            case EQUAL: return vm.mirrorOf(a == b);
            case NOT_EQUAL: return vm.mirrorOf(a != b);
            default: throw undefined(op, "boolean");
        }
    }

    private Value shift(BinaryOperator op, PrimitiveValue l, long distance) {
        if ("long".equals(promote(l.type().name()))) {
            long a = l.longValue();
            int d = (int) distance;
            return vm.mirrorOf(op == BinaryOperator.SHIFT_LEFT ? a << d : op == BinaryOperator.SHIFT_RIGHT ? a >> d : a >>> d);
        }
        int a = l.intValue();
        int d = (int) distance;
        return vm.mirrorOf(op == BinaryOperator.SHIFT_LEFT ? a << d : op == BinaryOperator.SHIFT_RIGHT ? a >> d : a >>> d);
    }

    private Value ints(BinaryOperator op, int a, int b) throws EvaluationException {
        switch (op) {
            case ADD: return vm.mirrorOf(a + b);
            case SUBTRACT: return vm.mirrorOf(a - b);
            case MULTIPLY: return vm.mirrorOf(a * b);
            case DIVIDE: return vm.mirrorOf(a / nonZero(b));
            case REMAINDER: return vm.mirrorOf(a % nonZero(b));
            case AND: return vm.mirrorOf(a & b);
            case OR: return vm.mirrorOf(a | b);
            case XOR: return vm.mirrorOf(a ^ b);
            default: return compare(op, Integer.compare(a, b));
        }
    }

    private Value longs(BinaryOperator op, long a, long b) throws EvaluationException {
        switch (op) {
            case ADD: return vm.mirrorOf(a + b);
            case SUBTRACT: return vm.mirrorOf(a - b);
            case MULTIPLY: return vm.mirrorOf(a * b);
            case DIVIDE: return vm.mirrorOf(a / nonZero(b));
            case REMAINDER: return vm.mirrorOf(a % nonZero(b));
            case AND: return vm.mirrorOf(a & b);
            case OR: return vm.mirrorOf(a | b);
            case XOR: return vm.mirrorOf(a ^ b);
            default: return compare(op, Long.compare(a, b));
        }
    }

    private Value floats(BinaryOperator op, float a, float b) throws EvaluationException {
        switch (op) {
            case ADD: return vm.mirrorOf(a + b);
            case SUBTRACT: return vm.mirrorOf(a - b);
            case MULTIPLY: return vm.mirrorOf(a * b);
            case DIVIDE: return vm.mirrorOf(a / b);
            case REMAINDER: return vm.mirrorOf(a % b);
            default: return compareFloating(op, a, b, "float");
        }
    }

    private Value doubles(BinaryOperator op, double a, double b) throws EvaluationException {
        switch (op) {
            case ADD: return vm.mirrorOf(a + b);
            case SUBTRACT: return vm.mirrorOf(a - b);
            case MULTIPLY: return vm.mirrorOf(a * b);
            case DIVIDE: return vm.mirrorOf(a / b);
            case REMAINDER: return vm.mirrorOf(a % b);
            default: return compareFloating(op, a, b, "double");
        }
    }

    /** Comparisons with IEEE semantics: every comparison with NaN is false except {@code !=}. */
    private Value compareFloating(BinaryOperator op, double a, double b, String type) throws EvaluationException {
        switch (op) {
            case LESS: return vm.mirrorOf(a < b);
            case GREATER: return vm.mirrorOf(a > b);
            case LESS_EQUAL: return vm.mirrorOf(a <= b);
            case GREATER_EQUAL: return vm.mirrorOf(a >= b);
            case EQUAL: return vm.mirrorOf(a == b);
            case NOT_EQUAL: return vm.mirrorOf(a != b);
            default: throw undefined(op, type);
        }
    }

    private Value compare(BinaryOperator op, int comparison) throws EvaluationException {
        switch (op) {
            case LESS: return vm.mirrorOf(comparison < 0);
            case GREATER: return vm.mirrorOf(comparison > 0);
            case LESS_EQUAL: return vm.mirrorOf(comparison <= 0);
            case GREATER_EQUAL: return vm.mirrorOf(comparison >= 0);
            case EQUAL: return vm.mirrorOf(comparison == 0);
            case NOT_EQUAL: return vm.mirrorOf(comparison != 0);
            default: throw undefined(op, "int");
        }
    }

    private static long nonZero(long divisor) throws EvaluationException {
        if (divisor == 0) {
            throw new EvaluationException("java.lang.ArithmeticException: / by zero");
        }
        return divisor;
    }

    private static int nonZero(int divisor) throws EvaluationException {
        if (divisor == 0) {
            throw new EvaluationException("java.lang.ArithmeticException: / by zero");
        }
        return divisor;
    }

    private static EvaluationException undefined(BinaryOperator op, String type) {
        return new EvaluationException("the operator " + op.symbol + " is undefined for the type " + type);
    }
}
