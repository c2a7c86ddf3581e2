package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.testkit.fake.internal.SourceFile;
import dev.dapkit.testkit.fake.internal.Stop;
import dev.dapkit.testkit.fake.internal.VmListener;
import dev.dapkit.testkit.fake.internal.VmThread;
import org.eclipse.lsp4j.debug.LoadedSourceEventArguments;
import org.eclipse.lsp4j.debug.LoadedSourceEventArgumentsReason;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArgumentsReason;

/**
 * Turns what the fake program does into the target's events. Runs on the program's threads;
 * {@link TargetEvents} may be called from any thread and never blocks.
 */
final class DebuggerEvents implements VmListener {

    private final TargetEvents events;

    DebuggerEvents(TargetEvents events) {
        this.events = events;
    }

    @Override
    public void stopped(Stop stop) {
        StoppedEventArguments stopped = new StoppedEventArguments();
        stopped.setReason(switch (stop.reason()) {
            case ENTRY -> StoppedEventArgumentsReason.ENTRY;
            case STEP -> StoppedEventArgumentsReason.STEP;
            case BREAKPOINT -> StoppedEventArgumentsReason.BREAKPOINT;
            case FUNCTION_BREAKPOINT -> StoppedEventArgumentsReason.FUNCTION_BREAKPOINT;
            case EXCEPTION -> StoppedEventArgumentsReason.EXCEPTION;
            case PAUSE -> StoppedEventArgumentsReason.PAUSE;
        });
        stopped.setThreadId(stop.thread().id());
        // the scheduler suspends the whole program, never one thread alone
        stopped.setAllThreadsStopped(true);
        if (!stop.hitBreakpointIds().isEmpty()) {
            stopped.setHitBreakpointIds(stop.hitBreakpointIds().toArray(Integer[]::new));
        }
        if (stop.error() != null) {
            stopped.setDescription("Paused on " + (stop.uncaught() ? "an uncaught" : "a raised") + " error");
            stopped.setText(stop.error().getMessage());
        }
        events.stopped(stopped);
    }

    @Override
    public void output(String text, boolean error) {
        OutputEventArguments output = new OutputEventArguments();
        output.setCategory(error ? OutputEventArgumentsCategory.STDERR : OutputEventArgumentsCategory.STDOUT);
        output.setOutput(text);
        events.output(output);
    }

    @Override
    public void threadStarted(VmThread thread) {
        thread(thread, ThreadEventArgumentsReason.STARTED);
    }

    @Override
    public void threadExited(VmThread thread) {
        thread(thread, ThreadEventArgumentsReason.EXITED);
    }

    private void thread(VmThread thread, String reason) {
        ThreadEventArguments event = new ThreadEventArguments();
        event.setReason(reason);
        event.setThreadId(thread.id());
        events.thread(event);
    }

    @Override
    public void loaded(SourceFile file) {
        LoadedSourceEventArguments loaded = new LoadedSourceEventArguments();
        loaded.setReason(LoadedSourceEventArgumentsReason.NEW);
        loaded.setSource(FakeFrame.source(file));
        events.loadedSource(loaded);
    }

    @Override
    public void exited(int exitCode) {
        events.exited(exitCode);
        events.terminated();
    }
}
