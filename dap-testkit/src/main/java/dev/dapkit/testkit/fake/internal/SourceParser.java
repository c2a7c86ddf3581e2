package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a file of the toy language. Blocks are made by indentation, as in Python: a header line
 * ending in {@code :} ({@code def}, {@code for}, {@code if}/{@code else}, {@code try}/{@code except})
 * owns the more deeply indented lines after it. Other lines hold simple statements separated by
 * {@code ;}. Not thread-safe; one parser per file.
 */
public final class SourceParser {

    private record Line(int number, int indent, List<ExprParser.Token> tokens) {
    }

    private final String path;
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, FunctionDef> functions = new LinkedHashMap<>();
    private final List<Stmt.Import> imports = new ArrayList<>();
    private int next;

    private SourceParser(String path) {
        this.path = path;
    }

    /**
     * Parses {@code text} as the file at {@code path}.
     *
     * @throws SyntaxError naming the file, line and column of the first problem
     */
    public static SourceFile parse(String path, String text) {
        SourceParser parser = new SourceParser(path);
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int indent = line.length() - line.stripLeading().length();
            List<ExprParser.Token> tokens = parser.at(i + 1, () -> {
                if (line.substring(0, indent).contains("\t")) {
                    throw new SyntaxError(1, "indent with spaces; a tab is not allowed here");
                }
                return ExprParser.tokens(line);
            });
            if (tokens.size() > 1) {
                parser.lines.add(new Line(i + 1, indent, tokens));
            }
        }
        List<Stmt> body = parser.block(0, false);
        return new SourceFile(path, text, body, parser.functions, parser.imports);
    }

    private <T> T at(int line, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (SyntaxError e) {
            throw e.located(path, line);
        }
    }

    private List<Stmt> block(int indent, boolean inFunction) {
        List<Stmt> out = new ArrayList<>();
        while (next < lines.size() && lines.get(next).indent >= indent) {
            Line line = lines.get(next++);
            out.addAll(at(line.number, () -> {
                if (line.indent > indent) {
                    throw new SyntaxError(line.indent + 1, "unexpected indentation");
                }
                return statements(line, indent == 0 && !inFunction, inFunction);
            }));
        }
        return out;
    }

    private List<Stmt> statements(Line line, boolean topLevel, boolean inFunction) {
        ExprParser p = new ExprParser(line.tokens);
        Stmt.At at = new Stmt.At(line.number, p.peek().column(), true);
        String keyword = p.peek().kind() == ExprParser.Kind.NAME ? p.peek().text() : "";
        switch (keyword) {
            case "def" -> {
                if (!topLevel) {
                    throw new SyntaxError(at.column(), "'def' is allowed only at the top level of a file");
                }
                p.take();
                String name = p.expectName();
                p.expect("(");
                List<String> parameters = p.list(")", p::expectName);
                endHeader(p);
                if (functions.containsKey(name)) {
                    throw new SyntaxError(at.column(), "function '" + name + "' is already defined");
                }
                functions.put(name, new FunctionDef(name, parameters, body(line, true), path, line.number));
                return List.of();
            }
            case "for" -> {
                p.take();
                String variable = p.expectName();
                p.expect("in");
                Expr iterable = p.expression();
                endHeader(p);
                return List.of(new Stmt.For(at, variable, iterable, body(line, inFunction)));
            }
            case "if" -> {
                p.take();
                Expr condition = p.expression();
                endHeader(p);
                List<Stmt> then = body(line, inFunction);
                boolean hasElse = continuedBy(line, "else");
                return List.of(new Stmt.If(at, condition, then, hasElse ? clause(inFunction, false).body : List.of()));
            }
            case "try" -> {
                p.take();
                endHeader(p);
                List<Stmt> body = body(line, inFunction);
                if (!continuedBy(line, "except")) {
                    throw new SyntaxError(at.column(), "'try' needs an 'except' at the same indentation");
                }
                Clause handler = clause(inFunction, true);
                return List.of(new Stmt.Try(at, body, handler.name, handler.body));
            }
            case "else", "except" -> throw new SyntaxError(at.column(), "'" + keyword + "' without an '"
                    + ("else".equals(keyword) ? "if" : "try") + "' before it");
            default -> {
                return simpleStatements(line, p, inFunction);
            }
        }
    }

    private record Clause(String name, List<Stmt> body) {
    }

    /** Parses the {@code else:} or {@code except [name]:} line that comes next, and its block. */
    private Clause clause(boolean inFunction, boolean mayName) {
        Line line = lines.get(next++);
        String name = at(line.number, () -> {
            ExprParser p = new ExprParser(line.tokens);
            p.take();
            String named = mayName && !p.peek().is(":") ? p.expectName() : null;
            endHeader(p);
            return named;
        });
        return new Clause(name, body(line, inFunction));
    }

    private List<Stmt> simpleStatements(Line line, ExprParser p, boolean inFunction) {
        List<Stmt> out = new ArrayList<>();
        do {
            out.add(simple(p, new Stmt.At(line.number, p.peek().column(), out.isEmpty()), inFunction));
        } while (p.accept(";") && !p.atEnd());
        p.expectEnd();
        return out;
    }

    private Stmt simple(ExprParser p, Stmt.At at, boolean inFunction) {
        ExprParser.Token token = p.peek();
        boolean keyword = token.kind() == ExprParser.Kind.NAME && ExprParser.KEYWORDS.contains(token.text());
        switch (keyword ? token.text() : "") {
            case "return" -> {
                if (!inFunction) {
                    throw new SyntaxError(at.column(), "'return' outside a function");
                }
                p.take();
                return new Stmt.Return(at, p.atEnd() || p.peek().is(";") ? null : p.expression());
            }
            case "raise" -> {
                p.take();
                return new Stmt.Raise(at, p.expression());
            }
            case "spawn" -> {
                p.take();
                if (p.expression() instanceof Expr.Call call) {
                    return new Stmt.Spawn(at, call);
                }
                throw new SyntaxError(at.column(), "'spawn' needs a function call, e.g. spawn worker(3)");
            }
            case "pass" -> {
                p.take();
                return new Stmt.Pass(at);
            }
            case "import" -> {
                p.take();
                Stmt.Import statement = new Stmt.Import(at, p.expectName());
                imports.add(statement);
                return statement;
            }
            default -> {
                Expr expr = p.expression();
                if (!p.accept("=")) {
                    return new Stmt.Evaluate(at, expr);
                }
                if (!(expr instanceof Expr.Name || expr instanceof Expr.Field || expr instanceof Expr.Index)) {
                    throw new SyntaxError(at.column(), "can assign only to a name, a field or an index");
                }
                return new Stmt.Assign(at, expr, p.expression());
            }
        }
    }

    private List<Stmt> body(Line header, boolean inFunction) {
        if (next >= lines.size() || lines.get(next).indent <= header.indent) {
            throw new SyntaxError(header.indent + 1, "expected an indented block after this line")
                    .located(path, header.number);
        }
        return block(lines.get(next).indent, inFunction);
    }

    private boolean continuedBy(Line header, String keyword) {
        return next < lines.size() && lines.get(next).indent == header.indent && lines.get(next).tokens.get(0).is(keyword);
    }

    private static void endHeader(ExprParser p) {
        p.expect(":");
        p.expectEnd();
    }
}
