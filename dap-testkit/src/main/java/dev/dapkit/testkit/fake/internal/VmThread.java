package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread of the debuggee, run by its own Java thread (a daemon named {@code fake-<name>}).
 * Before each statement it takes its turn from the {@link Scheduler} and asks the stop rules
 * whether to stop. Its stack is changed only by its own Java thread; others read it only while the
 * program is suspended.
 */
public final class VmThread implements Execution {

    private static final Logger LOG = LoggerFactory.getLogger(VmThread.class);

    private final Vm vm;
    private final int id;
    private final String name;
    private final List<Frame> stack = new ArrayList<>();
    private boolean ranBefore;

    VmThread(Vm vm, int id, String name, Frame bottom) {
        this.vm = vm;
        this.id = id;
        this.name = name;
        stack.add(bottom);
    }

    /** The thread's id, from 1 (the main thread) up, never reused within a program. */
    public int id() {
        return id;
    }

    /** {@code main}, or the name of the function a {@code spawn} started. */
    public String name() {
        return name;
    }

    /** The frames, innermost first. Read only while the program is suspended. */
    public List<Frame> frames() {
        List<Frame> frames = new ArrayList<>(stack);
        Collections.reverse(frames);
        return frames;
    }

    void start(Interpreter interpreter) {
        Thread thread = new Thread(() -> run(interpreter), "fake-" + name + "-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Interpreter interpreter) {
        boolean failed = false;
        try {
            interpreter.runThread(this);
        } catch (RaisedError e) {
            failed = true;
            vm.output("Uncaught " + (e.traceback() == null ? "error: " + e.getMessage() : e.traceback()) + "\n", true);
        } catch (ControlSignal e) {
            // the program is ending (exit() or terminate): unwind quietly
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("thread {} of the fake program {} failed", name, vm.mainPath(), e);
        } finally {
            vm.threadEnded(this, failed);
        }
    }

    @Override
    public List<Frame> stack() {
        return stack;
    }

    @Override
    public void beforeStatement(Frame frame, Stmt statement) {
        boolean entry = frame.takeEntry();
        // a thread passes the baton on only after a statement of its own, so that when a new thread
        // reaches its first statement (early or late) does not change the order threads run in
        boolean yield = ranBefore;
        ranBefore = true;
        vm.checkpoint(this, yield, rules -> rules.atStatement(this, frame, statement, entry));
    }

    @Override
    public void afterReturn(Frame caller) {
        vm.checkpoint(this, false, rules -> rules.atReturn(this));
    }

    @Override
    public void raised(Frame frame, RaisedError error) {
        vm.checkpoint(this, false, rules -> rules.atRaise(this, error));
    }

    @Override
    public void print(String text) {
        vm.output(text, false);
    }

    @Override
    public void spawn(FunctionDef function, List<Object> arguments) {
        vm.spawn(function, arguments);
    }

    @Override
    public void exit(long code) {
        vm.exit((int) code);
        throw ControlSignal.of(ControlSignal.Kind.PROGRAM_END);
    }

    @Override
    public void loaded(SourceFile file) {
        vm.loaded(file);
    }

    @Override
    public void longWork(long done, long total) {
        if (vm.isEnding()) {
            throw ControlSignal.of(ControlSignal.Kind.PROGRAM_END);
        }
    }

    @Override
    public String toString() {
        return "thread " + id + " (" + name + ")";
    }
}
