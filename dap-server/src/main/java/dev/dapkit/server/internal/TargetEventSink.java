package dev.dapkit.server.internal;

import dev.dapkit.model.Event;
import dev.dapkit.server.spi.Progress;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetEvents;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.LoadedSourceEventArguments;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ModuleEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of {@link TargetEvents}: each call becomes a task on the session thread, so
 * events reach the client in call order, after the requests that came before them, with paths,
 * lines and breakpoint ids translated. Stops pass through {@link BreakpointConditions}; stops and
 * resumes update the {@link SuspendedState}; output goes through the bounded {@link OutputBuffer}.
 *
 * <p>Thread-safe: targets call it from any thread; no call blocks on the client, and no call
 * reaches the target (see {@link TargetEvents}: what an event leads the engine to ask the target
 * is asked later, on the session thread). A stop that needs nothing from the target before it is
 * shown is shown on the caller's thread when the session thread is idle, holding the session's
 * lane as a task on it would.
 */
final class TargetEventSink implements TargetEvents {

    private static final Logger LOG = LoggerFactory.getLogger(TargetEventSink.class);

    /** What the session does when the target says the debuggee is gone. */
    interface TerminationListener {
        void targetTerminated();
    }

    private final TargetHolder target;
    private final SessionLane lane;
    private final CurrentCall calls;
    private final MessageSequencer sequencer;
    private final OutputBuffer output;
    private final SourceTranslator sources;
    private final ClientProfile client;
    private final SuspendedState suspended;
    private final BreakpointConditions conditions;
    private final BreakpointRegistry registry;
    private final BreakpointSync breakpoints;
    private final ProgressReporter progress;
    private final TerminationListener termination;

    TargetEventSink(TargetHolder target, SessionLane lane, CurrentCall calls, MessageSequencer sequencer, OutputBuffer output,
            SourceTranslator sources, ClientProfile client, SuspendedState suspended, BreakpointConditions conditions,
            BreakpointRegistry registry, BreakpointSync breakpoints, ProgressReporter progress,
            TerminationListener termination) {
        this.target = target;
        this.lane = lane;
        this.calls = calls;
        this.sequencer = sequencer;
        this.output = output;
        this.sources = sources;
        this.client = client;
        this.suspended = suspended;
        this.conditions = conditions;
        this.registry = registry;
        this.breakpoints = breakpoints;
        this.progress = progress;
        this.termination = termination;
    }

    @Override
    public void stopped(StoppedEventArguments stopped) {
        // Conditions call the target (stackTrace, evaluate, resumeFilteredStop), and so does the
        // read-ahead after a stop is shown: never here, on the caller's thread, which may hold the
        // target's locks; always later, on the session thread. A stop with nothing to test is shown
        // from here when the session is idle, which spares the client a thread hand-off on every step.
        String what = "the stop of thread " + stopped.getThreadId();
        Runnable onSessionThread = () -> calls.runInternal(what, () -> show(stopped, this::stopShown));
        boolean ranHere = lane.runHereIfIdle(() -> {
            if (conditions.needsTarget(stopped)) {
                lane.submit(onSessionThread);
            } else {
                calls.runInternal(what, () -> show(stopped, threadId -> lane.submit(() -> stopShown(threadId))));
            }
        });
        if (!ranHere) {
            lane.submit(onSessionThread);
        }
    }

    /** Tests the stop's breakpoints and, unless they suppress it, tells the client and then {@code shownTo}. */
    private void show(StoppedEventArguments stopped, IntConsumer shownTo) {
        StoppedEventArguments shown = conditions.filter(stopped);
        if (shown != null) {
            int threadId = shown.getThreadId() == null ? 0 : shown.getThreadId();
            suspended.stopped(threadId, Boolean.TRUE.equals(shown.getAllThreadsStopped()));
            send("stopped", shown);
            shownTo.accept(threadId);
        }
    }

    /** On the session thread: requests the client sends in answer to the stop wait behind this. */
    private void stopShown(int threadId) {
        try {
            target.get().stopShown(threadId);
        } catch (TargetException | RuntimeException e) {
            // reading ahead is only a head start: the requests that follow ask again and report
            LOG.debug("target '{}' failed to read ahead after the stop of thread {}: {}", target.id(), threadId,
                    e.toString());
        }
    }

    @Override
    public void continued(int threadId, boolean allThreads) {
        lane.submit(() -> {
            suspended.resumed(threadId, allThreads);
            ContinuedEventArguments body = new ContinuedEventArguments();
            body.setThreadId(threadId);
            body.setAllThreadsContinued(allThreads);
            send("continued", body);
        });
    }

    @Override
    public void thread(ThreadEventArguments thread) {
        lane.submit(() -> send("thread", thread));
    }

    @Override
    public void output(OutputEventArguments out) {
        out.setSource(sources.toClient(out.getSource()));
        out.setLine(client.lines().lineToClient(out.getLine()));
        out.setColumn(client.lines().columnToClient(out.getColumn()));
        output.offer(out);
    }

    @Override
    public void exited(int exitCode) {
        lane.submit(() -> {
            ExitedEventArguments body = new ExitedEventArguments();
            body.setExitCode(exitCode);
            send("exited", body);
        });
    }

    @Override
    public void terminated() {
        lane.submit(termination::targetTerminated);
    }

    @Override
    public void breakpointChanged(Breakpoint breakpoint) {
        lane.submit(() -> breakpoints.targetChanged(breakpoint));
    }

    @Override
    public int breakpointAdded(Breakpoint breakpoint) {
        BreakpointRegistry.Entry entry = registry.addFromTarget(breakpoint.getSource());
        lane.submit(() -> breakpoints.targetAdded(entry, breakpoint));
        return entry.id;
    }

    @Override
    public void breakpointRemoved(int breakpointId) {
        lane.submit(() -> breakpoints.targetRemoved(breakpointId));
    }

    @Override
    public void module(ModuleEventArguments module) {
        lane.submit(() -> {
            Module m = module.getModule();
            if (m != null && m.getPath() != null) {
                m.setPath(sources.pathToClient(m.getPath()));
            }
            send("module", module);
        });
    }

    @Override
    public void loadedSource(LoadedSourceEventArguments source) {
        lane.submit(() -> {
            source.setSource(sources.toClient(source.getSource()));
            send("loadedSource", source);
        });
    }

    @Override
    public void process(ProcessEventArguments process) {
        lane.submit(() -> send("process", process));
    }

    @Override
    public Progress startProgress(String title, String message, boolean cancellable) {
        return progress.start(title, message, cancellable);
    }

    private void send(String event, Object body) {
        sequencer.send(Event.of(event, body));
    }
}
