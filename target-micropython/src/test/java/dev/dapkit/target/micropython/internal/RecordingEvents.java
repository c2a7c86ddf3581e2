package dev.dapkit.target.micropython.internal;

import dev.dapkit.server.spi.Progress;
import dev.dapkit.server.spi.ReverseRequests;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetEvents;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.LoadedSourceEventArguments;
import org.eclipse.lsp4j.debug.ModuleEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;

/**
 * A target context that records what the target reports, for tests that drive a target directly.
 * Thread-safe: events may come from any thread; the test thread waits for them.
 */
final class RecordingEvents implements TargetEvents, TargetContext {

    /** One reported event: its kind ({@code stopped}, {@code output}, ...) and its arguments. */
    record Recorded(String kind, Object body) {
    }

    private final BlockingQueue<Recorded> events = new LinkedBlockingQueue<>();

    /** The next event of {@code kind}, skipping others; fails after 10 s. */
    Object await(String kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long left = deadline - System.nanoTime();
            Recorded next = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no '" + kind + "' event within 10 s");
            }
            if (next.kind().equals(kind)) {
                return next.body();
            }
        }
    }

    /** The kinds of the events recorded and not yet awaited, in order. */
    java.util.List<String> pendingKinds() {
        return events.stream().map(Recorded::kind).toList();
    }

    /** Output events until one contains {@code text}; returns that one's text. */
    String awaitOutput(String text) throws InterruptedException {
        while (true) {
            OutputEventArguments output = (OutputEventArguments) await("output");
            if (output.getOutput().contains(text)) {
                return output.getOutput();
            }
        }
    }

    @Override
    public TargetEvents events() {
        return this;
    }

    @Override
    public InitializeRequestArguments client() {
        return new InitializeRequestArguments();
    }

    @Override
    public ReverseRequests reverseRequests() {
        return null;
    }

    @Override
    public void stopped(StoppedEventArguments stopped) {
        events.add(new Recorded("stopped", stopped));
    }

    @Override
    public void continued(int threadId, boolean allThreads) {
        events.add(new Recorded("continued", threadId));
    }

    @Override
    public void thread(ThreadEventArguments thread) {
        events.add(new Recorded("thread", thread));
    }

    @Override
    public void output(OutputEventArguments output) {
        events.add(new Recorded("output", output));
    }

    @Override
    public void exited(int exitCode) {
        events.add(new Recorded("exited", exitCode));
    }

    @Override
    public void terminated() {
        events.add(new Recorded("terminated", null));
    }

    @Override
    public void breakpointChanged(Breakpoint breakpoint) {
        events.add(new Recorded("breakpoint", breakpoint));
    }

    @Override
    public void module(ModuleEventArguments module) {
        events.add(new Recorded("module", module));
    }

    @Override
    public void loadedSource(LoadedSourceEventArguments source) {
        events.add(new Recorded("loadedSource", source));
    }

    @Override
    public void process(ProcessEventArguments process) {
        events.add(new Recorded("process", process));
    }

    @Override
    public Progress startProgress(String title, String message, boolean cancellable) {
        return new Progress() {
            @Override
            public void update(String m, Double percentage) {
            }

            @Override
            public void end(String m) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
