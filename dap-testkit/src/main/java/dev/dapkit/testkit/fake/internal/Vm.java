package dev.dapkit.testkit.fake.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A running toy-language program, and the debugging interface it offers: the fake's counterpart of
 * a JVM's JDI or a MicroPython board's trace agent. A debugger attaches with a {@link VmListener},
 * sets breakpoints and filters, and while the program is suspended reads threads and frames,
 * evaluates, steps and resumes.
 *
 * <p>Thread-safe. Debuggee threads run the program (see {@link Scheduler}); the debugger calls in
 * from its own thread. Frames and values may be read and evaluated only while
 * {@link #canInspect()}.
 */
public final class Vm {

    /** The exit code of a program ended by {@link #terminate()}, as of a process ended by SIGTERM. */
    public static final int TERMINATED_EXIT_CODE = 143;

    private final String mainPath;
    private final Map<String, SourceFile> files;
    private final Interpreter interpreter;
    private final Scheduler scheduler = new Scheduler();
    private final StopRules rules = new StopRules();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final StringBuffer transcript = new StringBuffer();
    private final AtomicInteger threadIds = new AtomicInteger();
    private volatile VmListener listener;
    private boolean started;
    private Integer exitCode;
    private Stop stop;

    private Vm(String mainPath, Map<String, SourceFile> files) {
        this.mainPath = mainPath;
        this.files = files;
        this.interpreter = new Interpreter(files);
    }

    /**
     * Reads and parses the main file and every file it imports, directly or not.
     *
     * @param sources the text of a file by its target path, or empty when there is no such file
     * @throws LoadException naming the missing file or the place of the syntax error
     */
    public static Vm load(Function<String, Optional<String>> sources, String mainPath) throws LoadException {
        Map<String, SourceFile> files = new LinkedHashMap<>();
        Deque<String[]> todo = new ArrayDeque<>();
        todo.add(new String[] {mainPath, "the program"});
        while (!todo.isEmpty()) {
            String[] next = todo.poll();
            String path = next[0];
            if (files.containsKey(path)) {
                continue;
            }
            String text = sources.apply(path)
                    .orElseThrow(() -> new LoadException(next[1] + " needs " + path + ", which does not exist", null));
            try {
                SourceFile file = SourceParser.parse(path, text);
                files.put(path, file);
                file.imports().forEach(i -> todo.add(new String[] {file.siblingModule(i.module()),
                    path + ":" + i.at().line() + " (import " + i.module() + ")"}));
            } catch (SyntaxError e) {
                throw new LoadException(e.getMessage(), e);
            }
        }
        return new Vm(mainPath, files);
    }

    /** Parses a debug console expression. @throws SyntaxError saying what is wrong at which column */
    public static Expr parseExpression(String text) {
        return ExprParser.parse(text);
    }

    public String mainPath() {
        return mainPath;
    }

    /** Every file of the program, the main file first. */
    public List<SourceFile> files() {
        return List.copyOf(files.values());
    }

    /** The file at {@code path}, or null when the program has none there. */
    public SourceFile file(String path) {
        return files.get(path);
    }

    /** The files that have started running, in that order. */
    public List<SourceFile> loadedFiles() {
        return interpreter.loadedPaths().stream().map(files::get).toList();
    }

    /** The program's globals, live; read only while {@link #canInspect()}. */
    public Map<String, Object> globals() {
        return interpreter.globals();
    }

    /** Everything the program printed, stdout and stderr, in order. */
    public String transcript() {
        return transcript.toString();
    }

    /** Completes with the exit code when the program has ended. */
    public CompletableFuture<Integer> exitFuture() {
        return exit.copy();
    }

    /**
     * Starts the main thread. With {@code stopOnEntry} it stops before the first statement. A
     * program terminated before it started stays ended.
     *
     * @param args the value of the global {@code argv}
     * @throws IllegalStateException when the program was started before
     */
    public void start(List<String> args, boolean stopOnEntry) {
        VmThread main = locked(() -> {
            if (started) {
                throw new IllegalStateException("the program " + mainPath + " was started before");
            }
            started = true;
            if (scheduler.isEnding()) {
                return null;
            }
            interpreter.globals().put("argv", new ArrayList<Object>(args));
            rules.stopOnEntry(stopOnEntry);
            return join("main", interpreter.moduleFrame(files.get(mainPath)));
        });
        if (main != null) {
            main.start(interpreter);
        }
    }

    void spawn(FunctionDef function, List<Object> arguments) {
        Frame bottom = interpreter.callFrame(function, arguments);
        locked(() -> join(function.name(), bottom)).start(interpreter);
    }

    private VmThread join(String name, Frame bottom) {
        VmThread thread = new VmThread(this, threadIds.incrementAndGet(), name, bottom);
        scheduler.join(thread);
        notify(l -> l.threadStarted(thread));
        return thread;
    }

    void checkpoint(VmThread thread, boolean yield, Function<StopRules, Stop> decide) {
        scheduler.checkpoint(thread, yield, () -> decide.apply(rules), s -> {
            stop = s;
            notify(l -> l.stopped(s));
        });
    }

    void threadEnded(VmThread thread, boolean failed) {
        boolean last = locked(() -> {
            rules.forget(thread);
            if (failed && thread.id() == 1 && exitCode == null) {
                exitCode = 1;
            }
            notify(l -> l.threadExited(thread));
            return scheduler.leave(thread);
        });
        if (last) {
            finish();
        }
    }

    private void finish() {
        int code = locked(() -> exitCode == null ? 0 : exitCode);
        if (exit.complete(code)) {
            notify(l -> l.exited(code));
        }
    }

    void exit(int code) {
        locked(() -> {
            exitCode = exitCode == null ? code : exitCode;
            scheduler.end();
        });
    }

    /** Ends the program: every thread unwinds, then it exits with {@link #TERMINATED_EXIT_CODE}. */
    public void terminate() {
        boolean running = locked(() -> {
            exitCode = exitCode == null ? TERMINATED_EXIT_CODE : exitCode;
            scheduler.end();
            return started;
        });
        if (!running) {
            finish();
        }
    }

    boolean isEnding() {
        return scheduler.isEnding();
    }

    void output(String text, boolean error) {
        transcript.append(text);
        notify(l -> l.output(text, error));
    }

    void loaded(SourceFile file) {
        notify(l -> l.loaded(file));
    }

    private void notify(Consumer<VmListener> event) {
        VmListener l = listener;
        if (l != null) {
            event.accept(l);
        }
    }

    // ---- the debugger's side ----------------------------------------------------------------

    /** Attaches a debugger; false when another one is attached or the program has ended. */
    public boolean attach(VmListener debugger) {
        return locked(() -> {
            if (listener != null || exit.isDone()) {
                return false;
            }
            listener = debugger;
            return true;
        });
    }

    /** Detaches the debugger: its breakpoints and requests are forgotten and the program runs on. */
    public void detach() {
        locked(() -> {
            listener = null;
            rules.clear();
            stop = null;
            scheduler.resume();
        });
    }

    /** Whether the program is stopped (every thread suspended between two statements). */
    public boolean isSuspended() {
        return locked(scheduler::isSuspended);
    }

    /** Whether frames and values may be read now: the program is suspended, not started yet, or over. */
    public boolean canInspect() {
        return locked(() -> scheduler.isSuspended() || !started || exit.isDone());
    }

    /** The live threads, in start order. */
    public List<VmThread> threads() {
        return locked(scheduler::threads);
    }

    /** The live thread with this id, or null. */
    public VmThread thread(int id) {
        return threads().stream().filter(t -> t.id() == id).findFirst().orElse(null);
    }

    /** The stop the program is in, or null while it runs. */
    public Stop currentStop() {
        return locked(() -> stop);
    }

    /** Replaces the breakpoints of a file: breakpoint ids by the line they stop at. */
    public void setLineBreakpoints(String path, Map<Integer, List<Integer>> idsByLine) {
        locked(() -> rules.setLineBreakpoints(path, idsByLine));
    }

    /** Replaces the function breakpoints: breakpoint ids by function name. */
    public void setFunctionBreakpoints(Map<String, List<Integer>> idsByName) {
        locked(() -> rules.setFunctionBreakpoints(idsByName));
    }

    public void setExceptionFilters(boolean raised, boolean uncaught) {
        locked(() -> rules.setExceptionFilters(raised, uncaught));
    }

    /**
     * Stops the program at the next statement any thread reaches; the stop names the thread
     * {@code threadId} when it lives. While the program is suspended the stop it is in answers the
     * pause, unless the debugger then resumes with {@link #resumeInterrupted()}.
     */
    public void pause(int threadId) {
        VmThread thread = thread(threadId);
        locked(() -> {
            if (scheduler.isSuspended()) {
                rules.pauseWhileStopped(thread);
            } else {
                rules.pause(thread);
            }
        });
    }

    /** Resumes the program as the user's {@code continue}: a step the last stop cut short is over. */
    public void resume() {
        locked(() -> {
            rules.forgetInterrupted();
            stop = null;
            scheduler.resume();
        });
    }

    /**
     * Resumes the program after a stop the debugger did not show (a breakpoint whose condition was
     * false): a step the stop cut short goes on, and a pause asked for meanwhile takes effect.
     */
    public void resumeInterrupted() {
        locked(() -> {
            rules.resumeInterrupted();
            stop = null;
            scheduler.resume();
        });
    }

    /** Resumes the program until {@code thread} has stepped; call while suspended. */
    public void step(VmThread thread, StepKind kind, boolean byStatement) {
        locked(() -> {
            rules.step(thread, kind, byStatement);
            stop = null;
            scheduler.resume();
        });
    }

    /**
     * Evaluates an expression on the caller's thread; call while {@link #canInspect()}.
     *
     * @param context the frame whose locals are visible, or null for the globals only
     * @throws RaisedError when the evaluation fails
     * @throws ControlSignal when it was cancelled or the program ended
     */
    public Object evaluate(Frame context, Expr expr, EvaluationControl control) {
        return interpreter.evaluate(new EvaluationRun(this, control), contextOf(context), expr);
    }

    /** Assigns to a name, field or index as {@code target = value} in {@code context} would. */
    public void assign(Frame context, Expr target, Object value, EvaluationControl control) {
        interpreter.assign(new EvaluationRun(this, control), contextOf(context), target, value);
    }

    private Frame contextOf(Frame frame) {
        return frame != null ? frame : interpreter.moduleFrame(files.get(mainPath));
    }

    private <T> T locked(Supplier<T> action) {
        scheduler.lock.lock();
        try {
            return action.get();
        } finally {
            scheduler.lock.unlock();
        }
    }

    private void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }
}
