package dev.dapkit.target.jvm.internal.eval;

import dev.dapkit.target.jvm.internal.eval.Expr.BinaryOperator;
import dev.dapkit.target.jvm.internal.eval.Expr.UnaryOperator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one Java expression into an {@link Expr} tree by recursive descent, with precedence
 * climbing for the binary operators (JLS chapter 15 precedence and associativity).
 * Constructs that evaluate cannot run (lambdas, method references, switch expressions,
 * anonymous classes) are rejected with a message that names them.
 *
 * <p>Not thread-safe; use {@link #parse(String)}, which makes a fresh parser per call.
 */
final class ExpressionParser {

    private static final Map<String, BinaryOperator> BINARY = Map.ofEntries(
            Map.entry("||", BinaryOperator.CONDITIONAL_OR), Map.entry("&&", BinaryOperator.CONDITIONAL_AND),
            Map.entry("|", BinaryOperator.OR), Map.entry("^", BinaryOperator.XOR),
            Map.entry("&", BinaryOperator.AND), Map.entry("==", BinaryOperator.EQUAL),
            Map.entry("!=", BinaryOperator.NOT_EQUAL), Map.entry("<", BinaryOperator.LESS),
            Map.entry(">", BinaryOperator.GREATER), Map.entry("<=", BinaryOperator.LESS_EQUAL),
            Map.entry(">=", BinaryOperator.GREATER_EQUAL), Map.entry("<<", BinaryOperator.SHIFT_LEFT),
            Map.entry(">>", BinaryOperator.SHIFT_RIGHT), Map.entry(">>>", BinaryOperator.UNSIGNED_SHIFT_RIGHT),
            Map.entry("+", BinaryOperator.ADD), Map.entry("-", BinaryOperator.SUBTRACT),
            Map.entry("*", BinaryOperator.MULTIPLY), Map.entry("/", BinaryOperator.DIVIDE),
            Map.entry("%", BinaryOperator.REMAINDER));

    private static final Map<String, BinaryOperator> COMPOUND_ASSIGNMENT = Map.ofEntries(
            Map.entry("+=", BinaryOperator.ADD), Map.entry("-=", BinaryOperator.SUBTRACT),
            Map.entry("*=", BinaryOperator.MULTIPLY), Map.entry("/=", BinaryOperator.DIVIDE),
            Map.entry("%=", BinaryOperator.REMAINDER), Map.entry("&=", BinaryOperator.AND),
            Map.entry("|=", BinaryOperator.OR), Map.entry("^=", BinaryOperator.XOR),
            Map.entry("<<=", BinaryOperator.SHIFT_LEFT), Map.entry(">>=", BinaryOperator.SHIFT_RIGHT),
            Map.entry(">>>=", BinaryOperator.UNSIGNED_SHIFT_RIGHT));

    /** Lowest to highest binding; {@code instanceof} shares the relational level. */
    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("|"), List.of("^"), List.of("&"),
            List.of("==", "!="), List.of("<", ">", "<=", ">=", "instanceof"),
            List.of("<<", ">>", ">>>"), List.of("+", "-"), List.of("*", "/", "%"));

    private static final BigInteger INT_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(31);
    private static final BigInteger LONG_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(63);

    private final List<Token> tokens;
    private final TypeSyntax types;
    private int index;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
        this.types = new TypeSyntax(this);
    }

    /** Parses a whole expression; anything left over after it is an error. */
    static Expr parse(String source) throws EvaluationException {
        if (source.isBlank()) {
            throw new EvaluationException("the expression is empty");
        }
        ExpressionParser parser = new ExpressionParser(Lexer.tokenize(source));
        Expr expr = parser.expression();
        Token rest = parser.peek();
        if (rest.is(";") && parser.peek(1).kind() == Token.Kind.END) {
            return expr;
        }
        if (rest.kind() != Token.Kind.END) {
            throw parser.unexpected(rest);
        }
        return expr;
    }

    Expr expression() throws EvaluationException {
        types.rejectLambda();
        Expr target = conditional();
        Token token = peek();
        BinaryOperator compound = COMPOUND_ASSIGNMENT.get(token.text());
        if (token.kind() == Token.Kind.OPERATOR && (token.is("=") || compound != null)) {
            if (!(target instanceof Expr.Name || target instanceof Expr.FieldAccess
                    || target instanceof Expr.ArrayAccess)) {
                throw EvaluationException.at(token.column(),
                        "the left-hand side of '" + token.text() + "' must be a variable");
            }
            advance();
            Expr value = expression();
            return new Expr.Assignment(compound, target, value, target.column());
        }
        return target;
    }

    private Expr conditional() throws EvaluationException {
        Expr condition = binary(0);
        if (!peek().is("?")) {
            return condition;
        }
        advance();
        Expr whenTrue = expression();
        expect(":");
        types.rejectLambda();
        Expr whenFalse = conditional();
        return new Expr.Conditional(condition, whenTrue, whenFalse, condition.column());
    }

    private Expr binary(int level) throws EvaluationException {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            Token token = peek();
            boolean operator = token.kind() == Token.Kind.OPERATOR || token.is("instanceof");
            if (!operator || !LEVELS.get(level).contains(token.text())) {
                return left;
            }
            advance();
            if (token.is("instanceof")) {
                TypeName type = types.type("instanceof");
                if (peek().kind() == Token.Kind.IDENTIFIER) {
                    throw EvaluationException.at(peek().column(),
                            "pattern matching in instanceof is not supported in evaluate");
                }
                left = new Expr.InstanceOf(left, type, left.column());
            } else {
                Expr right = binary(level + 1);
                left = new Expr.Binary(BINARY.get(token.text()), left, right, left.column());
            }
        }
    }

    private Expr unary() throws EvaluationException {
        Token token = peek();
        if (token.kind() == Token.Kind.OPERATOR) {
            switch (token.text()) {
                case "-":
                    advance();
                    Token literal = peek();
                    if (isMinimumMagnitude(literal)) {
                        advance();
                        Object value = literal.kind() == Token.Kind.INT_LITERAL ? (Object) Integer.MIN_VALUE : Long.MIN_VALUE;
                        return new Expr.Literal(value, token.column());
                    }
                    return new Expr.Unary(UnaryOperator.MINUS, unary(), token.column());
                case "+":
                    advance();
                    return new Expr.Unary(UnaryOperator.PLUS, unary(), token.column());
                case "!":
                    advance();
                    return new Expr.Unary(UnaryOperator.NOT, unary(), token.column());
                case "~":
                    advance();
                    return new Expr.Unary(UnaryOperator.COMPLEMENT, unary(), token.column());
                case "++":
                    advance();
                    return new Expr.Unary(UnaryOperator.PRE_INCREMENT, variable(unary(), token), token.column());
                case "--":
                    advance();
                    return new Expr.Unary(UnaryOperator.PRE_DECREMENT, variable(unary(), token), token.column());
                case "(":
                    TypeName cast = types.castType();
                    if (cast != null) {
                        return new Expr.Cast(cast, unary(), token.column());
                    }
                    break;
                default:
                    break;
            }
        }
        return postfix(primary());
    }

    private static boolean isMinimumMagnitude(Token token) {
        return token.radix() == 10
                && (token.kind() == Token.Kind.INT_LITERAL && token.value().equals(INT_MIN_MAGNITUDE)
                    || token.kind() == Token.Kind.LONG_LITERAL && token.value().equals(LONG_MIN_MAGNITUDE));
    }

    private Expr variable(Expr operand, Token operator) throws EvaluationException {
        if (operand instanceof Expr.Name || operand instanceof Expr.FieldAccess || operand instanceof Expr.ArrayAccess) {
            return operand;
        }
        throw EvaluationException.at(operator.column(), "the operand of '" + operator.text() + "' must be a variable");
    }

    private Expr postfix(Expr primary) throws EvaluationException {
        Expr expr = primary;
        while (true) {
            Token token = peek();
            if (token.is(".")) {
                advance();
                expr = member(expr);
            } else if (token.is("[")) {
                if (peek(1).is("]")) {
                    return classLiteralOfArray(expr, token);
                }
                advance();
                Expr index = expression();
                expect("]");
                expr = new Expr.ArrayAccess(expr, index, expr.column());
            } else if (token.is("++") || token.is("--")) {
                advance();
                UnaryOperator op = token.is("++") ? UnaryOperator.POST_INCREMENT : UnaryOperator.POST_DECREMENT;
                expr = new Expr.Unary(op, variable(expr, token), expr.column());
            } else if (token.is("::")) {
                throw EvaluationException.at(token.column(), "method references are not supported in evaluate");
            } else {
                return expr;
            }
        }
    }

    private Expr member(Expr target) throws EvaluationException {
        Token token = peek();
        if (token.is("<")) {
            types.skipTypeArguments();
            token = peek();
        }
        if (token.is("class")) {
            advance();
            String name = TypeSyntax.qualifiedName(target);
            if (name == null) {
                throw EvaluationException.at(token.column(), "'.class' must follow a type name");
            }
            return new Expr.ClassLiteral(new TypeName(name, 0), target.column());
        }
        if (token.is("this") || token.is("super")) {
            throw EvaluationException.at(token.column(), "qualified '" + token.text() + "' is not supported in evaluate");
        }
        if (token.is("new")) {
            throw EvaluationException.at(token.column(), "creating an inner class instance is not supported in evaluate");
        }
        String name = identifier("a member name after '.'");
        if (peek().is("(")) {
            return new Expr.MethodCall(target, name, arguments(), target.column());
        }
        return new Expr.FieldAccess(target, name, target.column());
    }

    private Expr classLiteralOfArray(Expr target, Token bracket) throws EvaluationException {
        String name = TypeSyntax.qualifiedName(target);
        if (name == null) {
            throw EvaluationException.at(bracket.column() + 1, "unexpected ']'");
        }
        int dimensions = types.dimensions();
        expect(".");
        expect("class");
        return new Expr.ClassLiteral(new TypeName(name, dimensions), target.column());
    }

    private Expr primary() throws EvaluationException {
        Token token = advance();
        switch (token.kind()) {
            case INT_LITERAL:
                return new Expr.Literal(integer(token, 32).intValue(), token.column());
            case LONG_LITERAL:
                return new Expr.Literal(integer(token, 64).longValue(), token.column());
            case FLOAT_LITERAL:
            case DOUBLE_LITERAL:
            case CHAR_LITERAL:
            case STRING_LITERAL:
                return new Expr.Literal(token.value(), token.column());
            case IDENTIFIER:
                if (peek().is("->")) {
                    throw EvaluationException.at(token.column(), "lambdas are not supported in evaluate");
                }
                if (peek().is("(")) {
                    return new Expr.MethodCall(null, token.text(), arguments(), token.column());
                }
                return new Expr.Name(token.text(), token.column());
            case KEYWORD:
                return keywordPrimary(token);
            case OPERATOR:
                if (token.is("(")) {
                    Expr inner = expression();
                    expect(")");
                    return inner;
                }
                if (token.is("{")) {
                    throw EvaluationException.at(token.column(), "an array initializer must follow 'new T[]'");
                }
                throw unexpected(token);
            default:
                throw unexpected(token);
        }
    }

    private Expr keywordPrimary(Token token) throws EvaluationException {
        switch (token.text()) {
            case "true":
                return new Expr.Literal(Boolean.TRUE, token.column());
            case "false":
                return new Expr.Literal(Boolean.FALSE, token.column());
            case "null":
                return new Expr.Literal(null, token.column());
            case "this":
                if (peek().is("(")) {
                    throw EvaluationException.at(token.column(), "constructor calls are not supported in evaluate");
                }
                return new Expr.This(token.column());
            case "new":
                return new ObjectCreationSyntax(this, types).creation(token);
            case "switch":
                throw EvaluationException.at(token.column(), "switch expressions are not supported in evaluate");
            case "super":
                throw EvaluationException.at(token.column(), "'super' is not supported in evaluate");
            case "void":
                return types.primitiveClassLiteral(token);
            default:
                if (TypeName.isPrimitiveName(token.text())) {
                    return types.primitiveClassLiteral(token);
                }
                throw unexpected(token);
        }
    }

    /** The value of an integer literal token, range-checked against a 32- or 64-bit type. */
    private static BigInteger integer(Token token, int bits) throws EvaluationException {
        BigInteger magnitude = (BigInteger) token.value();
        boolean fits = token.radix() == 10 ? magnitude.bitLength() < bits : magnitude.bitLength() <= bits;
        if (!fits) {
            throw EvaluationException.at(token.column(),
                    (bits == 32 ? "integer" : "long") + " number too large: " + token.text());
        }
        return magnitude;
    }

    List<Expr> arguments() throws EvaluationException {
        expect("(");
        List<Expr> arguments = new ArrayList<>();
        if (peek().is(")")) {
            advance();
            return List.copyOf(arguments);
        }
        while (true) {
            arguments.add(expression());
            if (peek().is(")")) {
                advance();
                return List.copyOf(arguments);
            }
            expect(",");
        }
    }

    // ---- token access, shared with TypeSyntax and ObjectCreationSyntax

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    int position() {
        return index;
    }

    void reset(int position) {
        index = position;
    }

    Token expect(String text) throws EvaluationException {
        Token token = peek();
        if (!token.is(text)) {
            throw EvaluationException.at(token.column(), "expected '" + text + "' but found " + token.describe());
        }
        return advance();
    }

    String identifier(String what) throws EvaluationException {
        Token token = peek();
        if (token.kind() != Token.Kind.IDENTIFIER) {
            throw EvaluationException.at(token.column(), "expected " + what + " but found " + token.describe());
        }
        advance();
        return token.text();
    }

    EvaluationException unexpected(Token token) {
        return EvaluationException.at(token.column(), "unexpected " + token.describe());
    }
}
