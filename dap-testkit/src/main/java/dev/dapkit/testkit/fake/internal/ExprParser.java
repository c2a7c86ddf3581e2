package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a line into tokens and parses expressions from them by precedence, loosest first:
 * {@code or}, {@code and}, {@code not}, comparisons, {@code + -}, {@code * / %}, unary {@code -},
 * then {@code f(...)}, {@code .field} and {@code [index]}. {@link SourceParser} uses its token
 * cursor for statements too. Not thread-safe; one parser per line.
 */
final class ExprParser {

    /** One token; {@code value} is the Long or String of a literal, {@code column} is 1-based. */
    record Token(Kind kind, String text, Object value, int column) {
        boolean is(String word) {
            return (kind == Kind.NAME || kind == Kind.SYMBOL) && text.equals(word);
        }
    }

    enum Kind { INT, STRING, NAME, SYMBOL, END }

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:(\\d+)|\"((?:\\\\.|[^\"\\\\])*)\"|([A-Za-z_]\\w*)"
            + "|(==|!=|<=|>=|[-+*/%()\\[\\]{},.:=;<>])|(#.*)|(\\S))");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");
    private static final List<Set<String>> LEVELS = List.of(Set.of("or"), Set.of("and"),
            Set.of("==", "!=", "<", "<=", ">", ">="), Set.of("+", "-"), Set.of("*", "/", "%"));
    private static final int COMPARISON = 2;
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "def", "for", "if", "else", "try", "except",
            "return", "raise", "spawn", "pass", "import", "True", "False", "None");

    private final List<Token> tokens;
    private int next;

    ExprParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The tokens of one line, ending with an END token; a {@code #} outside a string starts a comment. */
    static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        int end = 0;
        while (end < line.length() && m.find(end) && m.group(5) == null) {
            int column = m.start() + m.group().length() - m.group().stripLeading().length() + 1;
            end = m.end();
            if (m.group(1) != null) {
                out.add(new Token(Kind.INT, m.group(1), integer(m.group(1), column), column));
            } else if (m.group(2) != null) {
                String text = ESCAPE.matcher(m.group(2)).replaceAll(e -> Matcher.quoteReplacement(
                        "n".equals(e.group(1)) ? "\n" : "t".equals(e.group(1)) ? "\t" : e.group(1)));
                out.add(new Token(Kind.STRING, m.group().strip(), text, column));
            } else if (m.group(6) != null) {
                throw new SyntaxError(column, "\"".equals(m.group(6)) ? "string is not closed"
                        : "unexpected character '" + m.group(6) + "'");
            } else {
                out.add(new Token(m.group(3) != null ? Kind.NAME : Kind.SYMBOL, m.group().strip(), null, column));
            }
        }
        out.add(new Token(Kind.END, "the end of the line", null, line.stripTrailing().length() + 1));
        return out;
    }

    private static Long integer(String digits, int column) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new SyntaxError(column, "integer " + digits + " does not fit in 64 bits");
        }
    }

    /** Parses one whole expression, e.g. a debug console line. */
    static Expr parse(String text) {
        ExprParser parser = new ExprParser(tokens(text));
        Expr expr = parser.expression();
        parser.expectEnd();
        return expr;
    }

    Token peek() {
        return tokens.get(next);
    }

    Token take() {
        return tokens.get(peek().kind() == Kind.END ? next : next++);
    }

    boolean accept(String word) {
        boolean found = peek().is(word);
        next += found ? 1 : 0;
        return found;
    }

    void expect(String word) {
        if (!accept(word)) {
            throw unexpected("'" + word + "'");
        }
    }

    String expectName() {
        if (peek().kind() != Kind.NAME || KEYWORDS.contains(peek().text())) {
            throw unexpected("a name");
        }
        return take().text();
    }

    boolean atEnd() {
        return peek().kind() == Kind.END;
    }

    void expectEnd() {
        if (!atEnd()) {
            throw unexpected("the end of the line");
        }
    }

    SyntaxError unexpected(String wanted) {
        String found = atEnd() ? peek().text() : "'" + peek().text() + "'";
        return new SyntaxError(peek().column(), "expected " + wanted + " but found " + found);
    }

    Expr expression() {
        return binary(0);
    }

    private Expr binary(int level) {
        if (level == LEVELS.size()) {
            return accept("-") ? new Expr.Unary("-", binary(level)) : postfix(primary());
        }
        if (level == COMPARISON && accept("not")) {
            return new Expr.Unary("not", binary(level));
        }
        Expr left = binary(level + 1);
        while (peek().kind() == Kind.NAME || peek().kind() == Kind.SYMBOL) {
            if (!LEVELS.get(level).contains(peek().text())) {
                break;
            }
            left = new Expr.Binary(take().text(), left, binary(level + 1));
            if (level == COMPARISON) {
                break;
            }
        }
        return left;
    }

    private Expr postfix(Expr expr) {
        while (true) {
            if (accept(".")) {
                expr = new Expr.Field(expr, expectName());
            } else if (accept("[")) {
                expr = new Expr.Index(expr, expression());
                expect("]");
            } else {
                return expr;
            }
        }
    }

    private Expr primary() {
        Token token = peek();
        if (token.kind() == Kind.INT || token.kind() == Kind.STRING) {
            return new Expr.Literal(take().value());
        }
        if (accept("True") || accept("False") || accept("None")) {
            return new Expr.Literal("None".equals(token.text()) ? null : Boolean.valueOf("True".equals(token.text())));
        }
        if (accept("(")) {
            Expr inner = expression();
            expect(")");
            return inner;
        }
        if (accept("[")) {
            return new Expr.ListLiteral(list("]", this::expression));
        }
        if (accept("{")) {
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = list("}", () -> entry(keys, expression()));
            return new Expr.MapLiteral(keys, values);
        }
        String name = expectName();
        if (accept("(")) {
            return new Expr.Call(name, list(")", this::expression));
        }
        if (accept("{")) {
            List<String> fields = new ArrayList<>();
            List<Expr> values = list("}", () -> entry(fields, expectName()));
            return new Expr.ObjectLiteral(name, fields, values);
        }
        return new Expr.Name(name);
    }

    private <K> Expr entry(List<K> keys, K key) {
        keys.add(key);
        expect(":");
        return expression();
    }

    /** Comma-separated items up to {@code close}, which is consumed. */
    <T> List<T> list(String close, java.util.function.Supplier<T> item) {
        List<T> items = new ArrayList<>();
        while (!accept(close)) {
            if (atEnd()) {
                throw unexpected("'" + close + "'");
            }
            if (!items.isEmpty()) {
                expect(",");
            }
            items.add(item.get());
        }
        return items;
    }
}
