package dev.dapkit.target.jvm;

import dev.dapkit.server.spi.Progress;
import dev.dapkit.server.spi.ReverseRequests;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.server.spi.TargetException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.LoadedSourceEventArguments;
import org.eclipse.lsp4j.debug.ModuleEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;

/**
 * A {@link TargetContext} that records the stops and the end a target reports, for tests that
 * drive the JVM target through the SPI without the engine in the way. Thread-safe.
 */
final class RecordingContext implements TargetContext, TargetEvents {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<StoppedEventArguments> stops = new LinkedBlockingQueue<>();
    private final CountDownLatch terminated = new CountDownLatch(1);

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
        return new ReverseRequests() {
            @Override
            public boolean supportsRunInTerminal() {
                return false;
            }

            @Override
            public boolean supportsStartDebugging() {
                return false;
            }

            @Override
            public CompletableFuture<RunInTerminalResponse> runInTerminal(RunInTerminalRequestArguments arguments) {
                return CompletableFuture.failedFuture(TargetException.of(1, "no terminal"));
            }

            @Override
            public CompletableFuture<Void> startDebugging(StartDebuggingRequestArguments arguments) {
                return CompletableFuture.failedFuture(TargetException.of(1, "no child sessions"));
            }
        };
    }

    /** The next stop, waited for. */
    StoppedEventArguments awaitStop() throws InterruptedException {
        StoppedEventArguments stop = stops.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (stop == null) {
            throw new AssertionError("no stop within " + TIMEOUT);
        }
        return stop;
    }

    boolean awaitTerminated() throws InterruptedException {
        return terminated.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stopped(StoppedEventArguments stopped) {
        stops.add(stopped);
    }

    @Override
    public void terminated() {
        terminated.countDown();
    }

    @Override
    public void continued(int threadId, boolean allThreads) {
    }

    @Override
    public void thread(ThreadEventArguments thread) {
    }

    @Override
    public void output(OutputEventArguments output) {
    }

    @Override
    public void exited(int exitCode) {
    }

    @Override
    public void breakpointChanged(Breakpoint breakpoint) {
    }

    @Override
    public void module(ModuleEventArguments module) {
    }

    @Override
    public void loadedSource(LoadedSourceEventArguments source) {
    }

    @Override
    public void process(ProcessEventArguments process) {
    }

    @Override
    public Progress startProgress(String title, String message, boolean cancellable) {
        return new Progress() {
            @Override
            public void update(String message, Double percentage) {
            }

            @Override
            public void end(String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
