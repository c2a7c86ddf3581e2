package dev.dapkit.testkit.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.testkit.client.ScriptedClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;

/**
 * One debug session as the conformance suite's client drives it: DAP requests in the order VS Code
 * sends them, each waited for with {@link #WAIT} and failing the test with the recent wire traffic.
 * Every message is checked against the DAP schema by the {@link ScriptedClient} underneath.
 *
 * <p>Not thread-safe: one test thread drives it.
 */
final class ClientSession implements AutoCloseable {

    /** The longest any one step of a scenario waits. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ScriptedClient client;
    private Capabilities capabilities;

    ClientSession(DapConnection connection) {
        this.client = ScriptedClient.start(connection);
    }

    ScriptedClient client() {
        return client;
    }

    /** What a scenario sends between the {@code initialized} event and {@code configurationDone}. */
    @FunctionalInterface
    interface Configuration {
        void configure(ClientSession session);
    }

    /** Sends {@code initialize} as VS Code does (lines and columns from 1, plain paths) and waits for {@code initialized}. */
    Capabilities initialize() {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setClientID("dapkit-conformance");
        arguments.setClientName("dapkit target conformance suite");
        arguments.setAdapterID("dapkit");
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        arguments.setPathFormat("path");
        arguments.setSupportsVariableType(true);
        capabilities = client.request("initialize", arguments, Capabilities.class, WAIT);
        assertNotNull(capabilities, "initialize answered without capabilities");
        client.awaitEvent("initialized", e -> true, WAIT);
        return capabilities;
    }

    /** The capabilities {@code initialize} answered with. */
    Capabilities capabilities() {
        assertNotNull(capabilities, "the scenario reads capabilities before initialize");
        return capabilities;
    }

    /**
     * Starts the debuggee as VS Code does: {@code launch} (or {@code attach}) is sent first, the
     * configuration follows, then {@code configurationDone}; the start's response must come after
     * that. Initializes first when the scenario has not.
     */
    void start(String command, RawJson arguments, Configuration configuration) {
        if (capabilities == null) {
            initialize();
        }
        CompletableFuture<Response> started = client.send(command, arguments);
        configuration.configure(this);
        client.request("configurationDone", new ConfigurationDoneArguments(), Void.class, WAIT);
        Response response = await(started, command);
        assertTrue(response.success(), "'" + command + "' failed: " + response.message() + " " + response.body());
    }

    /** Launches with line breakpoints in one file; returns the breakpoints as {@code setBreakpoints} answered. */
    List<Breakpoint> launch(RawJson arguments, String path, SourceBreakpoint... breakpoints) {
        List<Breakpoint> answered = new ArrayList<>();
        start("launch", arguments, s -> {
            if (breakpoints.length > 0) {
                answered.addAll(s.setBreakpoints(path, breakpoints));
            }
        });
        return answered;
    }

    /** Replaces the breakpoints of {@code path}; returns the answer, one breakpoint per one asked for. */
    List<Breakpoint> setBreakpoints(String path, SourceBreakpoint... breakpoints) {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(path);
        arguments.setSource(source);
        arguments.setBreakpoints(breakpoints);
        SetBreakpointsResponse response = client.request("setBreakpoints", arguments, SetBreakpointsResponse.class, WAIT);
        List<Breakpoint> answered = Arrays.asList(response.getBreakpoints());
        assertEquals(breakpoints.length, answered.size(), "setBreakpoints answers one breakpoint per breakpoint asked for");
        return answered;
    }

    static SourceBreakpoint breakpoint(int line) {
        SourceBreakpoint b = new SourceBreakpoint();
        b.setLine(line);
        return b;
    }

    StoppedEventArguments awaitStopped() {
        return client.awaitEvent(StoppedEventArguments.class, s -> true, WAIT);
    }

    /** Continues every thread and waits for the next stop. */
    StoppedEventArguments continueToNextStop(int threadId) {
        resume(threadId);
        return awaitStopped();
    }

    void resume(int threadId) {
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(threadId);
        client.request("continue", arguments, Void.class, WAIT);
    }

    StoppedEventArguments next(int threadId) {
        NextArguments arguments = new NextArguments();
        arguments.setThreadId(threadId);
        client.request("next", arguments, Void.class, WAIT);
        return awaitStopped();
    }

    StoppedEventArguments stepIn(int threadId) {
        StepInArguments arguments = new StepInArguments();
        arguments.setThreadId(threadId);
        client.request("stepIn", arguments, Void.class, WAIT);
        return awaitStopped();
    }

    StoppedEventArguments stepOut(int threadId) {
        StepOutArguments arguments = new StepOutArguments();
        arguments.setThreadId(threadId);
        client.request("stepOut", arguments, Void.class, WAIT);
        return awaitStopped();
    }

    StackTraceResponse stackTrace(int threadId, Integer startFrame, Integer levels) {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(threadId);
        arguments.setStartFrame(startFrame);
        arguments.setLevels(levels);
        return client.request("stackTrace", arguments, StackTraceResponse.class, WAIT);
    }

    /** Every frame of {@code threadId}, innermost first. */
    List<StackFrame> frames(int threadId) {
        return Arrays.asList(stackTrace(threadId, null, null).getStackFrames());
    }

    StackFrame topFrame(int threadId) {
        StackFrame[] frames = stackTrace(threadId, 0, 1).getStackFrames();
        assertTrue(frames.length > 0, "stackTrace of stopped thread " + threadId + " has no frame");
        return frames[0];
    }

    List<Scope> scopes(int frameId) {
        ScopesArguments arguments = new ScopesArguments();
        arguments.setFrameId(frameId);
        return Arrays.asList(client.request("scopes", arguments, ScopesResponse.class, WAIT).getScopes());
    }

    List<Variable> variables(int variablesReference) {
        return Arrays.asList(client.request("variables", variablesArguments(variablesReference), VariablesResponse.class,
                WAIT).getVariables());
    }

    static VariablesArguments variablesArguments(int variablesReference) {
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(variablesReference);
        return arguments;
    }

    /**
     * The variables a frame shows, by name, from its inexpensive scopes in order: where two scopes
     * have the same name, the first (innermost) wins, as a user reads them.
     */
    Map<String, Variable> visibleVariables(int frameId) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        for (Scope scope : scopes(frameId)) {
            if (!Boolean.TRUE.equals(scope.isExpensive())) {
                variables(scope.getVariablesReference()).forEach(v -> byName.putIfAbsent(v.getName(), v));
            }
        }
        return byName;
    }

    static EvaluateArguments evaluateArguments(String expression, Integer frameId, String context) {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setFrameId(frameId);
        arguments.setContext(context);
        return arguments;
    }

    EvaluateResponse evaluate(String expression, int frameId, String context) {
        return client.request("evaluate", evaluateArguments(expression, frameId, context), EvaluateResponse.class, WAIT);
    }

    int awaitExited() {
        return client.awaitEvent(ExitedEventArguments.class, e -> true, WAIT).getExitCode();
    }

    void awaitTerminated() {
        client.awaitEvent("terminated", e -> true, WAIT);
    }

    /** Waits for program or console output that contains {@code text}. */
    OutputEventArguments awaitOutput(String text) {
        return client.awaitEvent(OutputEventArguments.class, o -> !OutputEventArgumentsCategory.TELEMETRY
                .equals(o.getCategory()) && o.getOutput() != null && o.getOutput().contains(text), WAIT);
    }

    /** The lines of every output event so far (telemetry aside), in order. */
    List<String> outputLines() {
        StringBuilder all = new StringBuilder();
        for (Event e : client.events()) {
            if (e.event().equals("output")) {
                OutputEventArguments o = e.body(OutputEventArguments.class);
                if (!OutputEventArgumentsCategory.TELEMETRY.equals(o.getCategory())) {
                    all.append(o.getOutput());
                }
            }
        }
        return all.toString().lines().toList();
    }

    /** Whether an event is a {@code stopped} or an {@code exited}: what a running program does next. */
    static boolean isStopOrExit(Event event) {
        return event.event().equals("stopped") || event.event().equals("exited");
    }

    /** How many events named {@code event} came so far. */
    long count(String event) {
        return client.events().stream().filter(e -> e.event().equals(event)).count();
    }

    /** Waits for the answer to a request sent with {@link ScriptedClient#send}. */
    static Response await(CompletableFuture<Response> answer, String command) {
        try {
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no response to '" + command + "' within " + WAIT, e);
        } catch (ExecutionException e) {
            throw new AssertionError("no response to '" + command + "': " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the response to '" + command + "'", e);
        }
    }

    /** Checks the whole conversation: every message valid by the DAP schema, every response matching a request. */
    void assertConversationValid() {
        client.assertNoSchemaViolations();
        client.assertNoProtocolErrors();
    }

    @Override
    public void close() {
        client.close();
    }
}
