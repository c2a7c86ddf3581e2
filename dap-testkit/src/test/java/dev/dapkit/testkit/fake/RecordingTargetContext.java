package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.Progress;
import dev.dapkit.server.spi.RequestCancellation;
import dev.dapkit.server.spi.ReverseRequests;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.server.spi.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
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
 * A {@link TargetContext} whose event sink records every call, so a test can drive a target
 * through the SPI without a server. Awaits see events recorded before they were called and take
 * each event once (two awaits for {@code stopped} get two stops). Thread-safe.
 */
final class RecordingTargetContext implements TargetContext, TargetEvents {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One call of the sink: its kind ({@code stopped}, {@code output}, ...) and its argument. */
    record Recorded(String kind, Object body) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Recorded> recorded = new ArrayList<>();
    private final BitSet taken = new BitSet();
    private volatile RecordedCancellation current = new RecordedCancellation();

    @Override
    public TargetEvents events() {
        return this;
    }

    @Override
    public InitializeRequestArguments client() {
        InitializeRequestArguments client = new InitializeRequestArguments();
        client.setClientID("recording-test");
        client.setAdapterID("fake");
        return client;
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
                return CompletableFuture.failedFuture(TargetException.of(1, "runInTerminal is not supported"));
            }

            @Override
            public CompletableFuture<Void> startDebugging(StartDebuggingRequestArguments arguments) {
                return CompletableFuture.failedFuture(TargetException.of(1, "startDebugging is not supported"));
            }
        };
    }

    /** The signal of the call running now; {@link #cancelCurrentRequest()} sets it. */
    @Override
    public RequestCancellation currentRequest() {
        return current;
    }

    /** Cancels the call running now, as the engine's {@code cancel} does; later calls get a fresh signal. */
    void cancelCurrentRequest() {
        RecordedCancellation cancelled = current;
        current = new RecordedCancellation();
        cancelled.cancel();
    }

    private void record(String kind, Object body) {
        lock.lock();
        try {
            recorded.add(new Recorded(kind, body));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the first recorded {@code kind} not yet taken whose body matches, waiting up to {@link #TIMEOUT}. */
    <T> T await(String kind, Class<T> type, Predicate<T> matches) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        lock.lock();
        try {
            while (true) {
                for (int i = 0; i < recorded.size(); i++) {
                    Recorded r = recorded.get(i);
                    if (!taken.get(i) && r.kind().equals(kind) && matches.test(type.cast(r.body()))) {
                        taken.set(i);
                        return type.cast(r.body());
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching '" + kind + "' within " + TIMEOUT + "; recorded: " + recorded);
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    StoppedEventArguments awaitStopped() {
        return await("stopped", StoppedEventArguments.class, s -> true);
    }

    /** Waits until the program's stdout, all events together, contains {@code text}; returns all of it. */
    String awaitOutput(String text) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        lock.lock();
        try {
            while (!stdout().contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("stdout never contained '" + text + "'; it is: " + stdout());
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return stdout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /** Everything recorded as output of {@code category} so far, in order. */
    String output(String category) {
        StringBuilder text = new StringBuilder();
        for (Recorded r : all()) {
            if (r.kind().equals("output") && category.equals(((OutputEventArguments) r.body()).getCategory())) {
                text.append(((OutputEventArguments) r.body()).getOutput());
            }
        }
        return text.toString();
    }

    private String stdout() {
        return output("stdout");
    }

    /** The kinds recorded, in order. */
    List<String> kinds() {
        return all().stream().map(Recorded::kind).toList();
    }

    List<Recorded> all() {
        lock.lock();
        try {
            return List.copyOf(recorded);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stopped(StoppedEventArguments stopped) {
        record("stopped", stopped);
    }

    @Override
    public void continued(int threadId, boolean allThreads) {
        record("continued", threadId);
    }

    @Override
    public void thread(ThreadEventArguments thread) {
        record("thread", thread);
    }

    @Override
    public void output(OutputEventArguments output) {
        record("output", output);
    }

    @Override
    public void exited(int exitCode) {
        record("exited", exitCode);
    }

    @Override
    public void terminated() {
        record("terminated", "terminated");
    }

    @Override
    public void breakpointChanged(Breakpoint breakpoint) {
        record("breakpoint", breakpoint);
    }

    @Override
    public void module(ModuleEventArguments module) {
        record("module", module);
    }

    @Override
    public void loadedSource(LoadedSourceEventArguments source) {
        record("loadedSource", source);
    }

    @Override
    public void process(ProcessEventArguments process) {
        record("process", process);
    }

    @Override
    public Progress startProgress(String title, String message, boolean cancellable) {
        RecordedProgress progress = new RecordedProgress(title, cancellable);
        record("progressStart", progress);
        return progress;
    }

    /** A cancellation signal the test sets. */
    static final class RecordedCancellation implements RequestCancellation {
        private final List<Runnable> actions = new ArrayList<>();
        private boolean cancelled;

        @Override
        public synchronized boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void onCancel(Runnable action) {
            synchronized (this) {
                if (!cancelled) {
                    actions.add(action);
                    return;
                }
            }
            action.run();
        }

        void cancel() {
            List<Runnable> toRun;
            synchronized (this) {
                cancelled = true;
                toRun = List.copyOf(actions);
                actions.clear();
            }
            toRun.forEach(Runnable::run);
        }
    }

    /** A progress the test can look at. */
    static final class RecordedProgress implements Progress {
        final String title;
        final boolean cancellable;
        final CompletableFuture<String> ended = new CompletableFuture<>();
        volatile boolean cancelled;

        RecordedProgress(String title, boolean cancellable) {
            this.title = title;
            this.cancellable = cancellable;
        }

        @Override
        public void update(String message, Double percentage) {
            // percentages are not checked
        }

        @Override
        public void end(String message) {
            ended.complete(message == null ? "" : message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
