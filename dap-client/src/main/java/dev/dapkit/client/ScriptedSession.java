package dev.dapkit.client;

import dev.dapkit.client.internal.BoundedWait;
import dev.dapkit.client.internal.OutputCollector;
import dev.dapkit.client.internal.SessionConfiguration;
import dev.dapkit.model.Event;
import dev.dapkit.client.internal.Timeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateArgumentsContext;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * A debug session driven step by step from a script or a test, on top of a {@link DapClient}:
 * each method sends what DAP needs, waits for the outcome and returns it, or throws a
 * {@link DapClientException} (an {@link AssertionError} for {@code assert…} methods).
 *
 * <p>{@link #launch}/{@link #attach} follow the order DAP demands and real adapters differ on:
 * send {@code launch}, wait for the {@code initialized} event (which debugpy sends after the
 * {@code launch} request and lldb-vscode after its response, and which may even come before
 * {@code launch}), then send the breakpoints and exception breakpoints planned so far, then
 * {@code configurationDone}, and only then wait for the {@code launch} response (debugpy answers
 * it only after {@code configurationDone}).
 *
 * <p>Make the session right after the client, before {@code initialize}: it collects
 * {@code output} events from then on. Each wait lasts at most the step timeout.
 *
 * <p>Not thread-safe: one script drives a session.
 */
public final class ScriptedSession implements AutoCloseable {

    /** How long each step waits unless {@link #of(DapClient, Duration)} says otherwise. */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(30);

    private final DapClient client;
    private final IDebugProtocolServer server;
    private final BoundedWait wait;
    private final OutputCollector output = new OutputCollector();
    private final EventSubscription outputSubscription;
    private final SessionConfiguration configuration = new SessionConfiguration();
    private Capabilities capabilities;
    private boolean started;
    private Integer stoppedThread;

    private ScriptedSession(DapClient client, Duration stepTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.server = client.server();
        this.wait = new BoundedWait(stepTimeout);
        this.outputSubscription = client.onEvent(OutputEventArguments.class, output::add);
    }

    /** A session on {@code client} with the {@link #DEFAULT_STEP_TIMEOUT}. */
    public static ScriptedSession of(DapClient client) {
        return new ScriptedSession(client, DEFAULT_STEP_TIMEOUT);
    }

    /** A session on {@code client} whose every step waits at most {@code stepTimeout}. */
    public static ScriptedSession of(DapClient client, Duration stepTimeout) {
        return new ScriptedSession(client, stepTimeout);
    }

    /** The client under this session. */
    public DapClient client() {
        return client;
    }

    /** Sends {@code initialize} as a plain client would (lines and columns from 1, paths as paths). */
    public Capabilities initialize(String adapterId) {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setClientID("dapkit");
        arguments.setClientName("dapkit ScriptedSession");
        arguments.setAdapterID(adapterId);
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        arguments.setPathFormat("path");
        arguments.setSupportsVariableType(true);
        return initialize(arguments);
    }

    /** Sends {@code initialize} with these arguments and returns the adapter's capabilities. */
    public Capabilities initialize(InitializeRequestArguments arguments) {
        Capabilities answered = await(server.initialize(arguments), "the 'initialize' request");
        capabilities = answered != null ? answered : new Capabilities();
        return capabilities;
    }

    /**
     * Adds a line breakpoint. Before {@link #launch}/{@link #attach} it is sent during
     * configuration; afterwards {@code setBreakpoints} is sent for its file at once.
     *
     * @return the adapter's breakpoints for the file when sent now; empty when planned
     */
    public List<Breakpoint> breakpoint(Path source, int line) {
        configuration.addBreakpoint(normalized(source), line);
        return started ? configuration.sendBreakpoints(server, normalized(source), wait) : List.of();
    }

    /** The exception filters to set during configuration (by default, the adapter's default ones). */
    public void exceptionBreakpoints(String... filters) {
        configuration.exceptionFilters(List.of(filters));
    }

    /** Starts the debuggee with {@code launch} in the order DAP demands (see the class comment). */
    public void launch(Object arguments) {
        start("launch", arguments);
    }

    /** Attaches with {@code attach} in the order DAP demands (see the class comment). */
    public void attach(Object arguments) {
        start("attach", arguments);
    }

    /** Waits for the next {@code stopped} event no earlier step took, and makes its thread the current one. */
    public StoppedEventArguments awaitStopped() {
        StoppedEventArguments stopped = await(client.awaitEvent(StoppedEventArguments.class, e -> true,
                Timeouts.NONE), "a 'stopped' event");
        stoppedThread = stopped.getThreadId() != null ? stopped.getThreadId() : firstThread();
        return stopped;
    }

    /** Sets a breakpoint, launches with {@code launchArguments}, and waits until the debuggee stops there. */
    public StoppedEventArguments hitBreakpoint(Object launchArguments, Path source, int line) {
        breakpoint(source, line);
        launch(launchArguments);
        StoppedEventArguments stopped = awaitStopped();
        assertStoppedAt(source, line);
        return stopped;
    }

    /** Sets a breakpoint in the running session, resumes if stopped, and waits until it stops there. */
    public StoppedEventArguments hitBreakpoint(Path source, int line) {
        requireStarted("hitBreakpoint");
        breakpoint(source, line);
        if (stoppedThread != null) {
            resume();
        }
        StoppedEventArguments stopped = awaitStopped();
        assertStoppedAt(source, line);
        return stopped;
    }

    /**
     * Checks that the top frame of the stopped thread is at {@code line} of {@code source}.
     *
     * @return that frame
     * @throws AssertionError when it is elsewhere
     */
    public StackFrame assertStoppedAt(Path source, int line) {
        StackFrame top = stackTrace().get(0);
        String path = top.getSource() == null ? null : top.getSource().getPath();
        if (path == null || !sameFile(Path.of(path), source) || top.getLine() != line) {
            throw new AssertionError("expected to stop at " + source + ":" + line + " but thread " + stoppedThread
                    + " stopped at " + path + ":" + top.getLine() + " (" + top.getName() + ")");
        }
        return top;
    }

    /** The frames of the stopped thread, innermost first. */
    public List<StackFrame> stackTrace() {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(requireStopped("stackTrace"));
        StackFrame[] frames = await(server.stackTrace(arguments), "the 'stackTrace' request").getStackFrames();
        if (frames == null || frames.length == 0) {
            throw new DapClientException("thread " + stoppedThread + " has no stack frames");
        }
        return List.of(frames);
    }

    /** The variables of the top frame's scope whose name starts with {@code scopeName} (e.g. {@code Locals}). */
    public List<Variable> variables(String scopeName) {
        ScopesArguments scopesArguments = new ScopesArguments();
        scopesArguments.setFrameId(stackTrace().get(0).getId());
        Scope[] scopes = await(server.scopes(scopesArguments), "the 'scopes' request").getScopes();
        Scope scope = Arrays.stream(scopes).filter(s -> s.getName().startsWith(scopeName)).findFirst()
                .orElseThrow(() -> new DapClientException("the top frame has no scope named " + scopeName
                        + "; it has " + Arrays.stream(scopes).map(Scope::getName).toList()));
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(scope.getVariablesReference());
        return List.of(await(server.variables(arguments), "the 'variables' request").getVariables());
    }

    /** Evaluates {@code expression} in the top frame (context {@code watch}) and returns the result text. */
    public String evaluate(String expression) {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setFrameId(stackTrace().get(0).getId());
        arguments.setContext(EvaluateArgumentsContext.WATCH);
        return await(server.evaluate(arguments), "evaluating '" + expression + "'").getResult();
    }

    /** Steps over one line ({@code next}) and waits for the stop. */
    public StoppedEventArguments stepOver() {
        NextArguments arguments = new NextArguments();
        arguments.setThreadId(requireStopped("next"));
        await(server.next(arguments), "the 'next' request");
        return afterResume();
    }

    /** Steps into a call ({@code stepIn}) and waits for the stop. */
    public StoppedEventArguments stepIn() {
        StepInArguments arguments = new StepInArguments();
        arguments.setThreadId(requireStopped("stepIn"));
        await(server.stepIn(arguments), "the 'stepIn' request");
        return afterResume();
    }

    /** Steps out of the current function ({@code stepOut}) and waits for the stop. */
    public StoppedEventArguments stepOut() {
        StepOutArguments arguments = new StepOutArguments();
        arguments.setThreadId(requireStopped("stepOut"));
        await(server.stepOut(arguments), "the 'stepOut' request");
        return afterResume();
    }

    /** Resumes the stopped thread ({@code continue}) without waiting for anything but the response. */
    public void resume() {
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(requireStopped("continue"));
        await(server.continue_(arguments), "the 'continue' request");
        stoppedThread = null;
    }

    /** The debuggee's output of {@code category} so far (see {@code OutputEventArgumentsCategory}). */
    public String output(String category) {
        return output.text(category);
    }

    /** All output so far, by category. */
    public Map<String, String> output() {
        return output.all();
    }

    /** Waits until the output of {@code category} contains {@code expected}; returns all of it. */
    public String awaitOutput(String category, String expected) {
        try {
            if (!output.awaitContains(category, expected, wait.timeout())) {
                throw new DapTimeoutException("the '" + category + "' output did not contain '" + expected + "' within "
                        + Timeouts.describe(wait.timeout()) + "; it is: " + output.text(category), wait.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DapClientException("interrupted while waiting for '" + category + "' output", e);
        }
        return output.text(category);
    }

    /** Waits for the {@code exited} event and returns the debuggee's exit code. */
    public int awaitExitCode() {
        return await(client.awaitEvent(ExitedEventArguments.class, e -> true, Timeouts.NONE), "an 'exited' event")
                .getExitCode();
    }

    /**
     * Ends the session with {@code disconnect} (terminating a launched debuggee) and waits for the
     * answer; an adapter that closes the connection instead of answering is fine too.
     */
    public void disconnect() {
        DisconnectArguments arguments = new DisconnectArguments();
        arguments.setTerminateDebuggee(true);
        try {
            await(server.disconnect(arguments), "the 'disconnect' request");
        } catch (ConnectionLostException e) {
            // The adapter went away, which is what disconnect asks for.
        }
        stoppedThread = null;
    }

    /** Stops collecting output. Does not close the client, which its maker owns. */
    @Override
    public void close() {
        outputSubscription.cancel();
    }

    private void start(String command, Object arguments) {
        if (capabilities == null) {
            throw new IllegalStateException(command + " before initialize: call initialize(...) first");
        }
        if (started) {
            throw new IllegalStateException(command + " twice: the session has already started");
        }
        CompletableFuture<Event> initialized = client.awaitEvent("initialized", e -> true,
                Timeouts.NONE);
        CompletableFuture<Void> response = client.request(command, arguments, Void.class);
        // An adapter that rejects the start never sends 'initialized': whichever comes first decides.
        CompletableFuture<Object> configurable = new CompletableFuture<>();
        initialized.whenComplete((event, failure) -> complete(configurable, event, failure));
        response.whenComplete((ignored, failure) -> {
            if (failure != null) {
                configurable.completeExceptionally(failure);
            }
        });
        try {
            await(configurable, "the 'initialized' event after '" + command + "'");
        } finally {
            initialized.cancel(false);
        }
        started = true;
        configuration.sendAll(server, capabilities, wait);
        if (Boolean.TRUE.equals(capabilities.getSupportsConfigurationDoneRequest())) {
            await(server.configurationDone(new ConfigurationDoneArguments()), "the 'configurationDone' request");
        }
        await(response, "the '" + command + "' response");
    }

    private static void complete(CompletableFuture<Object> target, Object value, Throwable failure) {
        if (failure == null) {
            target.complete(value);
        } else {
            target.completeExceptionally(failure);
        }
    }

    private StoppedEventArguments afterResume() {
        stoppedThread = null;
        return awaitStopped();
    }

    private int firstThread() {
        return await(server.threads(), "the 'threads' request").getThreads()[0].getId();
    }

    private int requireStopped(String what) {
        if (stoppedThread == null) {
            throw new IllegalStateException(what + " needs a stopped thread: no 'stopped' event has been awaited"
                    + " since the debuggee last ran (call awaitStopped() or hitBreakpoint(...))");
        }
        return stoppedThread;
    }

    private void requireStarted(String what) {
        if (!started) {
            throw new IllegalStateException(what + " before launch or attach; use hitBreakpoint(launchArguments, source, line)");
        }
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        return wait.await(future, what);
    }

    private static Path normalized(Path source) {
        return source.toAbsolutePath().normalize();
    }

    /** Whether two paths name one file; adapters may report a path through symlinks or otherwise spelled. */
    private static boolean sameFile(Path reported, Path expected) {
        try {
            if (Files.exists(reported) && Files.exists(expected)) {
                return Files.isSameFile(reported, expected);
            }
        } catch (IOException e) {
            // fall back to comparing the names
        }
        return normalized(reported).equals(normalized(expected));
    }
}
