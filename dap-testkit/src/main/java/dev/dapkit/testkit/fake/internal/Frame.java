package dev.dapkit.testkit.fake.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One activation on a debuggee thread's stack: a function call, or a file's top level
 * ({@code <module>}, whose locals are the program's globals). Touched by its thread while it runs
 * and by the debugger only while the program is suspended.
 */
public final class Frame {

    /** The name shown for a file's top level. */
    public static final String MODULE = "<module>";

    private final String function;
    private final SourceFile file;
    private final Map<String, Object> locals;
    private final List<Stmt> body;
    private Stmt current;
    private int tryDepth;
    private boolean entry;

    private Frame(String function, SourceFile file, Map<String, Object> locals, List<Stmt> body, boolean entry) {
        this.function = function;
        this.file = file;
        this.locals = locals;
        this.body = body;
        this.current = body.isEmpty() ? null : body.get(0);
        this.entry = entry;
    }

    /** The top level of {@code file}, sharing the program's globals. */
    static Frame module(SourceFile file, Map<String, Object> globals) {
        return new Frame(MODULE, file, globals, file.body(), false);
    }

    /** A call of {@code function} with {@code arguments} bound to its parameters. */
    static Frame call(FunctionDef function, SourceFile file, List<Object> arguments) {
        if (arguments.size() != function.parameters().size()) {
            throw new RaisedError(function.name() + "() takes " + function.parameters().size() + " arguments but got "
                    + arguments.size());
        }
        Map<String, Object> locals = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            locals.put(function.parameters().get(i), arguments.get(i));
        }
        return new Frame(function.name(), file, locals, function.body(), true);
    }

    /** The function's name, or {@link #MODULE}. */
    public String function() {
        return function;
    }

    public SourceFile file() {
        return file;
    }

    /** The local variables, live; for a module frame, the program's globals. */
    public Map<String, Object> locals() {
        return locals;
    }

    public boolean isModule() {
        return MODULE.equals(function);
    }

    /** The statements this frame runs. */
    List<Stmt> body() {
        return body;
    }

    /** The line of the statement about to run or running. */
    public int line() {
        return current == null ? 1 : current.at().line();
    }

    /** The column of the statement about to run or running. */
    public int column() {
        return current == null ? 1 : current.at().column();
    }

    /** How many {@code try} blocks of this frame are running. */
    public int tryDepth() {
        return tryDepth;
    }

    void moveTo(Stmt statement) {
        current = statement;
    }

    /** Whether this is a call's first statement (true once), where function breakpoints stop. */
    boolean takeEntry() {
        boolean was = entry;
        entry = false;
        return was;
    }

    void enterTry() {
        tryDepth++;
    }

    void exitTry() {
        tryDepth--;
    }
}
