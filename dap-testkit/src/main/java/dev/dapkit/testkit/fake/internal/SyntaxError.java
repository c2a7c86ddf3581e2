package dev.dapkit.testkit.fake.internal;

/**
 * Source text that is not valid in the toy language. Thrown while parsing; the parser adds the
 * file and line, so the message reads {@code /remote/app/main.fake:3:7: expected ')' but found ','}.
 */
public final class SyntaxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final int line;
    private final int column;
    private final String problem;

    SyntaxError(int column, String problem) {
        this(null, 0, column, problem);
    }

    private SyntaxError(String path, int line, int column, String problem) {
        super(problem, null, false, false);
        this.path = path;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** This error placed on a line of a file; an error that already has a place keeps it. */
    SyntaxError located(String path, int line) {
        return this.path != null ? this : new SyntaxError(path, line, column, problem);
    }

    @Override
    public String getMessage() {
        return path == null ? "column " + column + ": " + problem : path + ":" + line + ":" + column + ": " + problem;
    }
}
