package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs code for a debugger (an evaluation, a new value for a variable) on the debugger's thread
 * while the program is suspended. It never stops; {@code spawn} and {@code exit} are refused; a
 * cancel or the end of the program stops it at the next statement or long-work step.
 */
final class EvaluationRun implements Execution {

    private final Vm vm;
    private final EvaluationControl control;
    private final List<Frame> stack = new ArrayList<>();

    EvaluationRun(Vm vm, EvaluationControl control) {
        this.vm = vm;
        this.control = control;
    }

    @Override
    public List<Frame> stack() {
        return stack;
    }

    @Override
    public void beforeStatement(Frame frame, Stmt statement) {
        checkGoingOn();
    }

    @Override
    public void afterReturn(Frame caller) {
        // an evaluation never stops
    }

    @Override
    public void raised(Frame frame, RaisedError error) {
        // an evaluation never stops; the error fails the evaluation
    }

    @Override
    public void print(String text) {
        vm.output(text, false);
    }

    @Override
    public void spawn(FunctionDef function, List<Object> arguments) {
        throw new RaisedError("spawn cannot run in an evaluation");
    }

    @Override
    public void exit(long code) {
        throw new RaisedError("exit() cannot run in an evaluation");
    }

    @Override
    public void loaded(SourceFile file) {
        vm.loaded(file);
    }

    @Override
    public void longWork(long done, long total) {
        control.progress(done, total);
        checkGoingOn();
    }

    private void checkGoingOn() {
        if (control.cancelled()) {
            throw ControlSignal.of(ControlSignal.Kind.CANCELLED);
        }
        if (vm.isEnding()) {
            throw ControlSignal.of(ControlSignal.Kind.PROGRAM_END);
        }
    }
}
