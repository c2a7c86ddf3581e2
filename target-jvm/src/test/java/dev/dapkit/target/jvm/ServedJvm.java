package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.testkit.client.ScriptedClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
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
 * The JVM target served by a real {@link DapServer} over an in-memory connection, and the scripted
 * client on the other end (every message checked against the DAP schema): the target driven as an
 * IDE drives it. Not thread-safe: one test thread.
 */
final class ServedJvm implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final DapServer server;
    final ScriptedClient client;
    Capabilities capabilities;

    private ServedJvm(DapServer server, ScriptedClient client) {
        this.server = server;
        this.client = client;
    }

    /** A session with the client started but not initialized; {@code setup} may register reverse-request handlers. */
    static ServedJvm open(Consumer<ScriptedClient> setup) {
        DapServer server = DapServer.builder().target(new JvmTargetProvider()).build();
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        server.serve(pair.b());
        ScriptedClient client = ScriptedClient.start(pair.a());
        setup.accept(client);
        return new ServedJvm(server, client);
    }

    static ServedJvm open() {
        return open(c -> { });
    }

    Capabilities initialize(boolean runInTerminal) {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setClientID("jvm-target-test");
        arguments.setAdapterID(JvmTargetProvider.ID);
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        arguments.setPathFormat("path");
        arguments.setSupportsVariableType(true);
        arguments.setSupportsRunInTerminalRequest(runInTerminal);
        capabilities = request("initialize", arguments, Capabilities.class);
        client.awaitEvent("initialized", e -> true, TIMEOUT);
        return capabilities;
    }

    /** Initializes, launches a sample with {@code configure} run during configuration, and waits for the launch. */
    void start(String command, Map<String, Object> arguments, Runnable configure) {
        if (capabilities == null) {
            initialize(false);
        }
        CompletableFuture<Response> started = client.send(command, arguments);
        configure.run();
        request("configurationDone", null, Void.class);
        Response response = started.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        assertTrue(response.success(), () -> command + " failed: " + response.message() + " " + response.body());
    }

    /** Launches a sample with line breakpoints in one of the samples; returns them as answered. */
    List<Breakpoint> launch(Map<String, Object> arguments, String sample, int... lines) {
        Breakpoint[][] answered = new Breakpoint[1][];
        start("launch", arguments, () -> answered[0] = lines.length == 0 ? new Breakpoint[0]
                : setBreakpoints(Samples.path(sample), lines));
        return Arrays.asList(answered[0]);
    }

    Breakpoint[] setBreakpoints(String path, int... lines) {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(path);
        arguments.setSource(source);
        arguments.setBreakpoints(Arrays.stream(lines).mapToObj(l -> {
            SourceBreakpoint b = new SourceBreakpoint();
            b.setLine(l);
            return b;
        }).toArray(SourceBreakpoint[]::new));
        Breakpoint[] answered = request("setBreakpoints", arguments, SetBreakpointsResponse.class).getBreakpoints();
        assertEquals(lines.length, answered.length, "one answer per breakpoint");
        return answered;
    }

    StoppedEventArguments stopped() {
        return client.awaitEvent(StoppedEventArguments.class, s -> true, TIMEOUT);
    }

    StackFrame[] stack(int threadId) {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(threadId);
        return request("stackTrace", arguments, StackTraceResponse.class).getStackFrames();
    }

    StackTraceResponse stackPage(int threadId, int start, int levels) {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(threadId);
        arguments.setStartFrame(start);
        arguments.setLevels(levels);
        return request("stackTrace", arguments, StackTraceResponse.class);
    }

    StackFrame top(int threadId) {
        return stackPage(threadId, 0, 1).getStackFrames()[0];
    }

    List<Scope> scopes(int frameId) {
        ScopesArguments arguments = new ScopesArguments();
        arguments.setFrameId(frameId);
        return Arrays.asList(request("scopes", arguments, ScopesResponse.class).getScopes());
    }

    /** The children of {@code reference}, by name. */
    Map<String, Variable> variables(int reference) {
        return byName(variablesPage(reference, null, null, null));
    }

    List<Variable> variablesPage(int reference, String filter, Integer start, Integer count) {
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(reference);
        if (filter != null) {
            arguments.setFilter(org.eclipse.lsp4j.debug.VariablesArgumentsFilter.valueOf(filter.toUpperCase()));
        }
        arguments.setStart(start);
        arguments.setCount(count);
        return Arrays.asList(request("variables", arguments, VariablesResponse.class).getVariables());
    }

    static Map<String, Variable> byName(List<Variable> variables) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        variables.forEach(v -> byName.put(v.getName(), v));
        return byName;
    }

    /** The variables of the top frame's first scope (the locals). */
    Map<String, Variable> locals(int threadId) {
        return variables(scopes(top(threadId).getId()).get(0).getVariablesReference());
    }

    void resume(int threadId) {
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(threadId);
        request("continue", arguments, org.eclipse.lsp4j.debug.ContinueResponse.class);
    }

    StoppedEventArguments continueAndStop(int threadId) {
        resume(threadId);
        return stopped();
    }

    StoppedEventArguments next(int threadId) {
        NextArguments arguments = new NextArguments();
        arguments.setThreadId(threadId);
        request("next", arguments, Void.class);
        return stopped();
    }

    StoppedEventArguments stepIn(int threadId) {
        StepInArguments arguments = new StepInArguments();
        arguments.setThreadId(threadId);
        request("stepIn", arguments, Void.class);
        return stopped();
    }

    StoppedEventArguments stepOut(int threadId) {
        StepOutArguments arguments = new StepOutArguments();
        arguments.setThreadId(threadId);
        request("stepOut", arguments, Void.class);
        return stopped();
    }

    /** Waits for {@code exited} and {@code terminated}; returns the exit code. */
    int awaitExit() {
        int code = client.awaitEvent(ExitedEventArguments.class, e -> true, TIMEOUT).getExitCode();
        client.awaitEvent("terminated", e -> true, TIMEOUT);
        return code;
    }

    void awaitTerminated(Duration within) {
        client.awaitEvent("terminated", e -> true, within);
    }

    /** Waits for output of {@code category} that contains {@code text}. */
    OutputEventArguments awaitOutput(String category, String text) {
        return client.awaitEvent(OutputEventArguments.class, o -> category.equals(o.getCategory())
                && o.getOutput() != null && o.getOutput().contains(text), TIMEOUT);
    }

    /** All output of {@code category} so far, in order. */
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

    long count(String event) {
        return client.events().stream().filter(e -> e.event().equals(event)).count();
    }

    Response disconnect(boolean terminateDebuggee) {
        DisconnectArguments arguments = new DisconnectArguments();
        arguments.setTerminateDebuggee(terminateDebuggee);
        return client.requestResponse("disconnect", arguments, TIMEOUT);
    }

    <T> T request(String command, Object arguments, Class<T> bodyType) {
        return client.request(command, arguments, bodyType, TIMEOUT);
    }

    Response requestResponse(String command, Object arguments) {
        return client.requestResponse(command, arguments, TIMEOUT);
    }

    @Override
    public void close() {
        try {
            client.assertNoSchemaViolations();
            client.assertNoProtocolErrors();
        } finally {
            client.close();
            server.close();
        }
    }
}
