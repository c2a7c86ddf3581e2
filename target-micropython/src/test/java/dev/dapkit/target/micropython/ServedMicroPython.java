package dev.dapkit.target.micropython;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.testkit.client.ScriptedClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
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
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;

/**
 * The MicroPython target served by a real {@link DapServer} over an in-memory connection, with the
 * scripted client on the other end (every message checked against the DAP schema): the target
 * driven as an IDE drives it. Not thread-safe: one test thread.
 */
final class ServedMicroPython implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final DapServer server;
    final ScriptedClient client;
    Capabilities capabilities;

    private ServedMicroPython(DapServer server, ScriptedClient client) {
        this.server = server;
        this.client = client;
    }

    static ServedMicroPython open() {
        DapServer server = DapServer.builder().target(new MicroPythonTargetProvider()).build();
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        server.serve(pair.b());
        ServedMicroPython served = new ServedMicroPython(server, ScriptedClient.start(pair.a()));
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setClientID("micropython-target-test");
        arguments.setAdapterID(MicroPythonTargetProvider.ID);
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        arguments.setPathFormat("path");
        arguments.setSupportsVariableType(true);
        served.capabilities = served.request("initialize", arguments, Capabilities.class);
        served.client.awaitEvent("initialized", e -> true, TIMEOUT);
        return served;
    }

    /** Launches or attaches with {@code configure} run during configuration; fails the test if it fails. */
    void start(String command, RawJson arguments, Runnable configure) {
        CompletableFuture<Response> started = client.send(command, arguments);
        configure.run();
        request("configurationDone", null, Void.class);
        Response response = started.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        assertTrue(response.success(), () -> command + " failed: " + response.message() + " " + response.body());
    }

    /** The response to a launch that is expected to fail. */
    Response startFailing(String command, RawJson arguments) {
        CompletableFuture<Response> started = client.send(command, arguments);
        client.requestResponse("configurationDone", null, TIMEOUT);
        return started.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    List<Breakpoint> setBreakpoints(String path, int... lines) {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(path);
        arguments.setSource(source);
        arguments.setBreakpoints(Arrays.stream(lines).mapToObj(l -> {
            SourceBreakpoint b = new SourceBreakpoint();
            b.setLine(l);
            return b;
        }).toArray(SourceBreakpoint[]::new));
        return Arrays.asList(request("setBreakpoints", arguments, SetBreakpointsResponse.class).getBreakpoints());
    }

    StoppedEventArguments awaitStopped() {
        return client.awaitEvent(StoppedEventArguments.class, s -> true, TIMEOUT);
    }

    List<StackFrame> frames(int threadId) {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(threadId);
        return Arrays.asList(request("stackTrace", arguments, StackTraceResponse.class).getStackFrames());
    }

    List<Scope> scopes(int frameId) {
        ScopesArguments arguments = new ScopesArguments();
        arguments.setFrameId(frameId);
        return Arrays.asList(request("scopes", arguments, ScopesResponse.class).getScopes());
    }

    List<Variable> variables(int reference) {
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(reference);
        return Arrays.asList(request("variables", arguments, VariablesResponse.class).getVariables());
    }

    EvaluateResponse evaluate(String expression, int frameId, String context) {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setFrameId(frameId);
        arguments.setContext(context);
        return request("evaluate", arguments, EvaluateResponse.class);
    }

    void resume(int threadId) {
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(threadId);
        request("continue", arguments, Object.class);
    }

    int awaitExited() {
        return client.awaitEvent(ExitedEventArguments.class, e -> true, TIMEOUT).getExitCode();
    }

    void awaitTerminated() {
        client.awaitEvent("terminated", e -> true, TIMEOUT);
    }

    String awaitOutput(String text) {
        return client.awaitEvent(OutputEventArguments.class, o -> o.getOutput() != null && o.getOutput().contains(text),
                TIMEOUT).getOutput();
    }

    <T> T request(String command, Object arguments, Class<T> type) {
        return client.request(command, arguments, type, TIMEOUT);
    }

    @Override
    public void close() {
        try {
            client.assertNoSchemaViolations();
        } finally {
            client.close();
            server.close();
        }
    }
}
