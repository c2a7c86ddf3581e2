package dev.dapkit.target.jvm.internal.eval;

/**
 * The type-shaped parts of the grammar: type names (with type arguments skipped, since the
 * debuggee only knows erased types), array dimensions, the cast-or-parenthesis decision and
 * lambda detection. Works on the token stream of the {@link ExpressionParser} it belongs to.
 *
 * <p>Not thread-safe; lives as long as its parser.
 */
final class TypeSyntax {

    private final ExpressionParser parser;

    TypeSyntax(ExpressionParser parser) {
        this.parser = parser;
    }

    /** The dotted name of an expression that is only a chain of names ({@code a.b.c}), else null. */
    static String qualifiedName(Expr expr) {
        if (expr instanceof Expr.Name) {
            return ((Expr.Name) expr).identifier();
        }
        if (expr instanceof Expr.FieldAccess) {
            Expr.FieldAccess access = (Expr.FieldAccess) expr;
            String target = qualifiedName(access.target());
            return target == null ? null : target + "." + access.name();
        }
        return null;
    }

    /** A type after {@code instanceof} or in a cast: primitive or qualified name, then {@code []}s. */
    TypeName type(String after) throws EvaluationException {
        Token token = parser.peek();
        String name;
        if (token.kind() == Token.Kind.KEYWORD && TypeName.isPrimitiveName(token.text())) {
            parser.advance();
            name = token.text();
        } else if (token.kind() == Token.Kind.IDENTIFIER) {
            name = qualifiedTypeName();
        } else {
            throw EvaluationException.at(token.column(), "expected a type after " + after + " but found " + token.describe());
        }
        return new TypeName(name, dimensions());
    }

    /** {@code a.b.C<X>.D<Y>}: the dotted name, type arguments skipped. */
    String qualifiedTypeName() throws EvaluationException {
        StringBuilder name = new StringBuilder(parser.identifier("a type name"));
        skipTypeArgumentsIfPresent();
        while (parser.peek().is(".") && parser.peek(1).kind() == Token.Kind.IDENTIFIER) {
            parser.advance();
            name.append('.').append(parser.identifier("a type name"));
            skipTypeArgumentsIfPresent();
        }
        return name.toString();
    }

    private void skipTypeArgumentsIfPresent() throws EvaluationException {
        if (parser.peek().is("<")) {
            skipTypeArguments();
        }
    }

    /** Consumes {@code <...>}, counting {@code >>} and {@code >>>} as several closers. */
    void skipTypeArguments() throws EvaluationException {
        Token open = parser.peek();
        if (!tryTypeArguments()) {
            throw EvaluationException.at(open.column(), "malformed type arguments");
        }
    }

    private boolean tryTypeArguments() {
        int start = parser.position();
        int depth = 0;
        do {
            Token token = parser.advance();
            switch (token.kind() == Token.Kind.OPERATOR || token.kind() == Token.Kind.KEYWORD ? token.text() : "") {
                case "<": depth++; break;
                case ">": depth--; break;
                case ">>": depth -= 2; break;
                case ">>>": depth -= 3; break;
                case ".": case ",": case "?": case "[": case "]": case "&": case "extends": case "super":
                    break;
                default:
                    boolean typeWord = token.kind() == Token.Kind.IDENTIFIER
                            || token.kind() == Token.Kind.KEYWORD && TypeName.isPrimitiveName(token.text());
                    if (!typeWord) {
                        parser.reset(start);
                        return false;
                    }
            }
        } while (depth > 0);
        if (depth < 0) {
            parser.reset(start);
            return false;
        }
        return true;
    }

    /** Counts {@code []} pairs. */
    int dimensions() throws EvaluationException {
        int dimensions = 0;
        while (parser.peek().is("[") && parser.peek(1).is("]")) {
            parser.advance();
            parser.advance();
            dimensions++;
        }
        return dimensions;
    }

    /** {@code int.class}, {@code int[].class}, {@code void.class}, after the keyword was consumed. */
    Expr primitiveClassLiteral(Token keyword) throws EvaluationException {
        int dimensions = dimensions();
        if (!parser.peek().is(".") || !parser.peek(1).is("class")) {
            throw EvaluationException.at(keyword.column(), "unexpected '" + keyword.text() + "'");
        }
        if (keyword.is("void") && dimensions > 0) {
            throw EvaluationException.at(keyword.column(), "there is no array of void");
        }
        parser.advance();
        parser.advance();
        return new Expr.ClassLiteral(new TypeName(keyword.text(), dimensions), keyword.column());
    }

    /**
     * At a {@code (}: if it opens a cast, consumes up to and including the {@code )} and
     * returns the type; otherwise consumes nothing and returns null. A parenthesized name is
     * a cast only when an operand follows that cannot be a binary operator's right side
     * ({@code (a) + b} adds, {@code (T) x} casts), as in JLS 15.16.
     */
    TypeName castType() throws EvaluationException {
        int start = parser.position();
        parser.advance();
        Token first = parser.peek();
        if (first.kind() == Token.Kind.KEYWORD && TypeName.isPrimitiveName(first.text())) {
            parser.advance();
            int dimensions = dimensions();
            if (parser.peek().is(")")) {
                parser.advance();
                return new TypeName(first.text(), dimensions);
            }
            parser.reset(start);
            return null;
        }
        if (first.kind() != Token.Kind.IDENTIFIER) {
            parser.reset(start);
            return null;
        }
        String name = tryQualifiedTypeName();
        if (name != null) {
            int dimensions = dimensions();
            if (parser.peek().is(")") && startsCastOperand(parser.peek(1))) {
                parser.advance();
                return new TypeName(name, dimensions);
            }
        }
        parser.reset(start);
        return null;
    }

    private String tryQualifiedTypeName() {
        StringBuilder name = new StringBuilder(parser.advance().text());
        if (parser.peek().is("<") && !tryTypeArguments()) {
            return null;
        }
        while (parser.peek().is(".") && parser.peek(1).kind() == Token.Kind.IDENTIFIER) {
            parser.advance();
            name.append('.').append(parser.advance().text());
            if (parser.peek().is("<") && !tryTypeArguments()) {
                return null;
            }
        }
        return name.toString();
    }

    private static boolean startsCastOperand(Token token) {
        switch (token.kind()) {
            case IDENTIFIER:
            case INT_LITERAL:
            case LONG_LITERAL:
            case FLOAT_LITERAL:
            case DOUBLE_LITERAL:
            case CHAR_LITERAL:
            case STRING_LITERAL:
                return true;
            case KEYWORD:
                return token.is("this") || token.is("new") || token.is("true") || token.is("false")
                        || token.is("null") || token.is("super") || token.is("switch")
                        || TypeName.isPrimitiveName(token.text());
            case OPERATOR:
                return token.is("(") || token.is("!") || token.is("~");
            default:
                return false;
        }
    }

    /** Rejects {@code x -> ...} and {@code (a, b) -> ...} at the current position. */
    void rejectLambda() throws EvaluationException {
        Token first = parser.peek();
        if (first.kind() == Token.Kind.IDENTIFIER && parser.peek(1).is("->")) {
            throw EvaluationException.at(first.column(), "lambdas are not supported in evaluate");
        }
        if (!first.is("(")) {
            return;
        }
        int depth = 0;
        for (int ahead = 0; ; ahead++) {
            Token token = parser.peek(ahead);
            if (token.kind() == Token.Kind.END) {
                return;
            }
            if (token.is("(")) {
                depth++;
            } else if (token.is(")") && --depth == 0) {
                if (parser.peek(ahead + 1).is("->")) {
                    throw EvaluationException.at(first.column(), "lambdas are not supported in evaluate");
                }
                return;
            }
        }
    }
}
