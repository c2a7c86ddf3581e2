package dev.dapkit.testkit.fake.internal;

import java.util.List;

/**
 * What running code needs from where it runs: a debuggee thread (which may stop at every hook) or
 * an evaluation for the debugger (which never stops). {@link Interpreter} calls it on the thread
 * that runs the code.
 */
public interface Execution {

    /** The frames of this execution, outermost first; the interpreter pushes and pops them. */
    List<Frame> stack();

    /** Before each statement (and before each pass of a {@code for} header); may block while stopped. */
    void beforeStatement(Frame frame, Stmt statement);

    /** A call made on {@code caller}'s current line returned normally; may block while stopped. */
    void afterReturn(Frame caller);

    /** An error was raised in {@code frame}; called once per error, before any {@code except} runs. */
    void raised(Frame frame, RaisedError error);

    /** {@code print} wrote {@code text}. */
    void print(String text);

    /** {@code spawn} asks for {@code function(arguments)} on a new thread. */
    void spawn(FunctionDef function, List<Object> arguments);

    /** {@code exit(code)}; does not return. */
    void exit(long code);

    /** A file starts running for the first time (the main file or an import). */
    void loaded(SourceFile file);

    /** A long builtin has done {@code done} of {@code total} steps; throws a {@link ControlSignal} to stop it. */
    void longWork(long done, long total);
}
