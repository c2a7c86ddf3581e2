package dev.dapkit.testkit.fake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.testkit.client.ScriptedClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
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
 * A fake program served by a real {@link DapServer} over an in-memory connection, and the scripted
 * client on the other end: the fake target driven through the engine, as an IDE would. Every
 * message is checked against the DAP schema by the client. Not thread-safe: one test thread.
 */
final class ServedFakeSession implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAIN_THREAD = 1;

    final DapServer server;
    final ScriptedClient client;

    private ServedFakeSession(DapServer server, ScriptedClient client) {
        this.server = server;
        this.client = client;
    }

    /** Serves {@code program} as {@link TargetDriver#MAIN}. */
    static ServedFakeSession of(String program) {
        DapServer server = DapServer.builder()
                .target(new FakeTargetProvider(FakeSources.of(TargetDriver.MAIN, program))).build();
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        server.serve(pair.b());
        return new ServedFakeSession(server, ScriptedClient.start(pair.a()));
    }

    Capabilities initialize(boolean progress) {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setClientID("served-fake-test");
        arguments.setAdapterID(FakeTargetProvider.ID);
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        arguments.setSupportsProgressReporting(progress);
        Capabilities capabilities = request("initialize", arguments, Capabilities.class);
        client.awaitEvent("initialized", e -> true, TIMEOUT);
        return capabilities;
    }

    /** Launches the program, setting {@code breakpoints} in its main file during configuration. */
    Breakpoint[] launch(boolean stopOnEntry, SourceBreakpoint... breakpoints) {
        return launch(stopOnEntry, () -> setBreakpoints(breakpoints));
    }

    /** Launches the program; {@code configure} sends the configuration requests and answers what it wants kept. */
    <T> T launch(boolean stopOnEntry, java.util.function.Supplier<T> configure) {
        CompletableFuture<Response> launch = client.send("launch",
                Map.of("program", TargetDriver.MAIN, "stopOnEntry", stopOnEntry));
        T configured = configure.get();
        request("configurationDone", null, Void.class);
        Response launched = launch.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        assertTrue(launched.success(), () -> "launch failed: " + launched);
        return configured;
    }

    Breakpoint[] setBreakpoints(SourceBreakpoint... breakpoints) {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(TargetDriver.MAIN);
        arguments.setSource(source);
        arguments.setBreakpoints(breakpoints);
        return request("setBreakpoints", arguments, SetBreakpointsResponse.class).getBreakpoints();
    }

    static SourceBreakpoint breakpoint(int line, String condition, String hitCondition, String logMessage) {
        SourceBreakpoint b = new SourceBreakpoint();
        b.setLine(line);
        b.setCondition(condition);
        b.setHitCondition(hitCondition);
        b.setLogMessage(logMessage);
        return b;
    }

    StoppedEventArguments stopped() {
        return client.awaitEvent(StoppedEventArguments.class, s -> true, TIMEOUT);
    }

    StackFrame[] stack() {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(MAIN_THREAD);
        return request("stackTrace", arguments, StackTraceResponse.class).getStackFrames();
    }

    /** The top frame as {@code function:line}. */
    String where() {
        StackFrame top = stack()[0];
        return top.getName() + ":" + top.getLine();
    }

    Scope[] scopes(int frameId) {
        ScopesArguments arguments = new ScopesArguments();
        arguments.setFrameId(frameId);
        return request("scopes", arguments, ScopesResponse.class).getScopes();
    }

    /** The children of {@code reference}, by name. */
    Map<String, Variable> variables(int reference) {
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(reference);
        Map<String, Variable> byName = new LinkedHashMap<>();
        for (Variable v : request("variables", arguments, VariablesResponse.class).getVariables()) {
            byName.put(v.getName(), v);
        }
        return byName;
    }

    EvaluateResponse evaluate(String expression, Integer frameId) {
        return request("evaluate", evaluation(expression, frameId), EvaluateResponse.class);
    }

    static EvaluateArguments evaluation(String expression, Integer frameId) {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setFrameId(frameId);
        arguments.setContext("repl");
        return arguments;
    }

    /** The value of {@code expression} in the top frame. */
    String valueOf(String expression) {
        return evaluate(expression, stack()[0].getId()).getResult();
    }

    StoppedEventArguments continueAndStop() {
        resume();
        return stopped();
    }

    void resume() {
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(MAIN_THREAD);
        request("continue", arguments, org.eclipse.lsp4j.debug.ContinueResponse.class);
    }

    StoppedEventArguments next() {
        NextArguments arguments = new NextArguments();
        arguments.setThreadId(MAIN_THREAD);
        request("next", arguments, Void.class);
        return stopped();
    }

    StoppedEventArguments stepIn() {
        StepInArguments arguments = new StepInArguments();
        arguments.setThreadId(MAIN_THREAD);
        request("stepIn", arguments, Void.class);
        return stopped();
    }

    StoppedEventArguments stepOut() {
        StepOutArguments arguments = new StepOutArguments();
        arguments.setThreadId(MAIN_THREAD);
        request("stepOut", arguments, Void.class);
        return stopped();
    }

    /** Waits for {@code exited} and {@code terminated}; returns the exit code. */
    int awaitExit() {
        int code = client.awaitEvent(ExitedEventArguments.class, e -> true, TIMEOUT).getExitCode();
        client.awaitEvent("terminated", e -> true, TIMEOUT);
        return code;
    }

    /** Waits for an output event of {@code category} whose text is {@code text}. */
    void awaitOutput(String category, String text) {
        client.awaitEvent(OutputEventArguments.class, o -> category.equals(o.getCategory()) && text.equals(o.getOutput()),
                TIMEOUT);
    }

    /** All output of {@code category} received so far, in order. */
    String output(String category) {
        StringBuilder text = new StringBuilder();
        for (Event e : client.events()) {
            if (e.event().equals("output")) {
                OutputEventArguments o = e.body(OutputEventArguments.class);
                if (category.equals(o.getCategory())) {
                    text.append(o.getOutput());
                }
            }
        }
        return text.toString();
    }

    <T> T request(String command, Object arguments, Class<T> bodyType) {
        return client.request(command, arguments, bodyType, TIMEOUT);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
