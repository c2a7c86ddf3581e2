package dev.dapkit.target.jvm.internal.eval;

import java.util.stream.Collectors;

/** Renders a syntax tree fully parenthesized, so tests can state the shape the parser built. */
final class ExprPrinter {

    private ExprPrinter() {
    }

    static String print(Expr expr) {
        if (expr instanceof Expr.Literal) {
            Object value = ((Expr.Literal) expr).value();
            if (value instanceof String) {
                return "\"" + value + "\"";
            }
            if (value instanceof Character) {
                return "'" + value + "'";
            }
            return value == null ? "null" : value + suffix(value);
        }
        if (expr instanceof Expr.Name) {
            return ((Expr.Name) expr).identifier();
        }
        if (expr instanceof Expr.This) {
            return "this";
        }
        if (expr instanceof Expr.FieldAccess) {
            Expr.FieldAccess e = (Expr.FieldAccess) expr;
            return print(e.target()) + "." + e.name();
        }
        if (expr instanceof Expr.ArrayAccess) {
            Expr.ArrayAccess e = (Expr.ArrayAccess) expr;
            return print(e.array()) + "[" + print(e.index()) + "]";
        }
        if (expr instanceof Expr.MethodCall) {
            Expr.MethodCall e = (Expr.MethodCall) expr;
            String args = e.arguments().stream().map(ExprPrinter::print).collect(Collectors.joining(", "));
            return (e.target() == null ? "" : print(e.target()) + ".") + e.name() + "(" + args + ")";
        }
        if (expr instanceof Expr.NewObject) {
            Expr.NewObject e = (Expr.NewObject) expr;
            String args = e.arguments().stream().map(ExprPrinter::print).collect(Collectors.joining(", "));
            return "new " + e.type() + "(" + args + ")";
        }
        if (expr instanceof Expr.NewArray) {
            Expr.NewArray e = (Expr.NewArray) expr;
            String dims = e.dimensions().stream().map(d -> "[" + print(d) + "]").collect(Collectors.joining());
            return "new " + e.type() + dims + (e.initializer() == null ? "" : print(e.initializer()));
        }
        if (expr instanceof Expr.ArrayInitializer) {
            return ((Expr.ArrayInitializer) expr).elements().stream().map(ExprPrinter::print)
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (expr instanceof Expr.Unary) {
            Expr.Unary e = (Expr.Unary) expr;
            boolean postfix = e.operator() == Expr.UnaryOperator.POST_INCREMENT
                    || e.operator() == Expr.UnaryOperator.POST_DECREMENT;
            return postfix ? "(" + print(e.operand()) + e.operator().symbol + ")"
                    : "(" + e.operator().symbol + print(e.operand()) + ")";
        }
        if (expr instanceof Expr.Binary) {
            Expr.Binary e = (Expr.Binary) expr;
            return "(" + print(e.left()) + " " + e.operator().symbol + " " + print(e.right()) + ")";
        }
        if (expr instanceof Expr.InstanceOf) {
            Expr.InstanceOf e = (Expr.InstanceOf) expr;
            return "(" + print(e.operand()) + " instanceof " + e.type() + ")";
        }
        if (expr instanceof Expr.Cast) {
            Expr.Cast e = (Expr.Cast) expr;
            return "((" + e.type() + ") " + print(e.operand()) + ")";
        }
        if (expr instanceof Expr.Conditional) {
            Expr.Conditional e = (Expr.Conditional) expr;
            return "(" + print(e.condition()) + " ? " + print(e.whenTrue()) + " : " + print(e.whenFalse()) + ")";
        }
        if (expr instanceof Expr.Assignment) {
            Expr.Assignment e = (Expr.Assignment) expr;
            String op = e.operator() == null ? "=" : e.operator().symbol + "=";
            return "(" + print(e.target()) + " " + op + " " + print(e.value()) + ")";
        }
        if (expr instanceof Expr.ClassLiteral) {
            return ((Expr.ClassLiteral) expr).type() + ".class";
        }
        throw new AssertionError("no printer for " + expr);
    }

    private static String suffix(Object value) {
        if (value instanceof Long) {
            return "L";
        }
        if (value instanceof Float) {
            return "f";
        }
        return "";
    }
}
