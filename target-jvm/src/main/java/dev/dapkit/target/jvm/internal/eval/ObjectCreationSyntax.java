package dev.dapkit.target.jvm.internal.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The grammar after {@code new}: class instance creation and array creation with dimension
 * expressions or an initializer. Anonymous classes are rejected.
 *
 * <p>Not thread-safe; lives as long as its parser.
 */
final class ObjectCreationSyntax {

    private final ExpressionParser parser;
    private final TypeSyntax types;

    ObjectCreationSyntax(ExpressionParser parser, TypeSyntax types) {
        this.parser = parser;
        this.types = types;
    }

    /** Parses what follows the {@code new} keyword, which was consumed. */
    Expr creation(Token newKeyword) throws EvaluationException {
        if (parser.peek().is("<")) {
            types.skipTypeArguments();
        }
        Token typeToken = parser.peek();
        String name;
        boolean primitive = typeToken.kind() == Token.Kind.KEYWORD && TypeName.isPrimitiveName(typeToken.text());
        if (primitive) {
            parser.advance();
            name = typeToken.text();
        } else if (typeToken.kind() == Token.Kind.IDENTIFIER) {
            name = types.qualifiedTypeName();
        } else {
            throw EvaluationException.at(typeToken.column(), "expected a type after 'new' but found " + typeToken.describe());
        }
        Token next = parser.peek();
        if (next.is("(") && !primitive) {
            List<Expr> arguments = parser.arguments();
            if (parser.peek().is("{")) {
                throw EvaluationException.at(parser.peek().column(), "anonymous classes are not supported in evaluate");
            }
            return new Expr.NewObject(new TypeName(name, 0), arguments, newKeyword.column());
        }
        if (next.is("[")) {
            return array(newKeyword, name);
        }
        throw EvaluationException.at(next.column(),
                "expected " + (primitive ? "'['" : "'(' or '['") + " after 'new " + name + "' but found " + next.describe());
    }

    private Expr array(Token newKeyword, String elementName) throws EvaluationException {
        List<Expr> dimensions = new ArrayList<>();
        while (parser.peek().is("[") && !parser.peek(1).is("]")) {
            parser.advance();
            dimensions.add(parser.expression());
            parser.expect("]");
        }
        int emptyDimensions = types.dimensions();
        if (parser.peek().is("[")) {
            throw EvaluationException.at(parser.peek().column(), "a dimension expression cannot follow an empty '[]'");
        }
        TypeName type = new TypeName(elementName, dimensions.size() + emptyDimensions);
        if (dimensions.isEmpty()) {
            if (!parser.peek().is("{")) {
                throw EvaluationException.at(parser.peek().column(),
                        "an array creation needs a dimension expression or an initializer, but found " + parser.peek().describe());
            }
            return new Expr.NewArray(type, List.of(), initializer(), newKeyword.column());
        }
        if (parser.peek().is("{")) {
            throw EvaluationException.at(parser.peek().column(),
                    "an array creation cannot have both dimension expressions and an initializer");
        }
        return new Expr.NewArray(type, List.copyOf(dimensions), null, newKeyword.column());
    }

    private Expr.ArrayInitializer initializer() throws EvaluationException {
        Token open = parser.expect("{");
        List<Expr> elements = new ArrayList<>();
        while (!parser.peek().is("}")) {
            elements.add(parser.peek().is("{") ? initializer() : parser.expression());
            if (!parser.peek().is("}")) {
                parser.expect(",");
            }
        }
        parser.advance();
        return new Expr.ArrayInitializer(List.copyOf(elements), open.column());
    }
}
