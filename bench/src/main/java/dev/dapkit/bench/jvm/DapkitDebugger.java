package dev.dapkit.bench.jvm;

import dev.dapkit.client.DapClient;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesArgumentsFilter;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * dapkit as an IDE uses it: a {@link DapClient} connected over TCP to a {@code DapServer} with the
 * {@code jvm} target, sending what VS Code sends (initialize, setBreakpoints, launch,
 * configurationDone; {@code next} and the {@code stopped} event; threads, stackTrace, scopes,
 * variables; paged variables; a breakpoint with a {@code condition}) and waiting for each answer.
 *
 * <p>Not thread-safe: one benchmark thread.
 */
final class DapkitDebugger implements BenchDebugger {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI server;
    private final DebuggeeProgram program;
    private DapClient client;
    private IDebugProtocolServer adapter;
    private int threadId;
    private int dataReference;
    private final Samples[] refreshParts = {new Samples(), new Samples(), new Samples(), new Samples()};

    DapkitDebugger(URI server, DebuggeeProgram program) {
        this.server = server;
        this.program = program;
    }

    @Override
    public void start() throws Exception {
        client = DapClient.builder().uri(server).connect();
        adapter = client.server();
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setClientID("dapkit-bench");
        init.setAdapterID("jvm");
        init.setLinesStartAt1(true);
        init.setColumnsStartAt1(true);
        init.setPathFormat("path");
        init.setSupportsVariableType(true);
        get(adapter.initialize(init));
        Map<String, Object> launch = new LinkedHashMap<>();
        launch.put("mainClass", DebuggeeProgram.mainClass());
        launch.put("classPaths", List.of(program.classPath()));
        launch.put("sourcePaths", List.of(program.sourceRoot().toString()));
        launch.put("args", program.args());
        CompletableFuture<Void> launched = client.launch(launch);
        get(client.awaitEvent("initialized", e -> true, TIMEOUT));
        setBreakpoints(breakpoint(program.line("step"), null));
        get(adapter.configurationDone(new ConfigurationDoneArguments()));
        get(launched);
        threadId = get(stopped()).getThreadId();
    }

    @Override
    public void stepOver() throws Exception {
        NextArguments next = new NextArguments();
        next.setThreadId(threadId);
        CompletableFuture<Void> answered = adapter.next(next);
        get(stopped());
        get(answered);
    }

    @Override
    public int refresh() throws Exception {
        long t0 = System.nanoTime();
        get(adapter.threads());
        long t1 = System.nanoTime();
        StackFrame[] frames = stack(20).getStackFrames();
        long t2 = System.nanoTime();
        ScopesArguments scopes = new ScopesArguments();
        scopes.setFrameId(frames[0].getId());
        Scope locals = get(adapter.scopes(scopes)).getScopes()[0];
        long t3 = System.nanoTime();
        int count = variables(locals.getVariablesReference(), null, null).length;
        long t4 = System.nanoTime();
        refreshParts[0].add(t1 - t0);
        refreshParts[1].add(t2 - t1);
        refreshParts[2].add(t3 - t2);
        refreshParts[3].add(t4 - t3);
        return count;
    }

    /** The requests of a refresh, in order. */
    static final List<String> REFRESH_REQUESTS = List.of("threads", "stackTrace (20 levels)", "scopes",
            "variables (locals)");

    /** The time of each request of the refreshes since the last {@link #forgetRefreshParts}, in {@link #REFRESH_REQUESTS} order. */
    List<Samples> refreshParts() {
        return List.of(refreshParts);
    }

    /** Starts the per-request record of refreshes afresh (after the warm-up). */
    void forgetRefreshParts() {
        for (int i = 0; i < refreshParts.length; i++) {
            refreshParts[i] = new Samples();
        }
    }

    @Override
    public void openArray() throws Exception {
        ScopesArguments scopes = new ScopesArguments();
        scopes.setFrameId(stack(1).getStackFrames()[0].getId());
        Scope locals = get(adapter.scopes(scopes)).getScopes()[0];
        Variable data = Arrays.stream(variables(locals.getVariablesReference(), null, null))
                .filter(v -> v.getName().equals("data")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no local 'data' in the top frame"));
        dataReference = data.getVariablesReference();
    }

    @Override
    public int arrayPage(int start) throws Exception {
        return variables(dataReference, start, 1000).length;
    }

    @Override
    public void goDeep() throws Exception {
        setBreakpoints(breakpoint(program.line("deep"), null));
        nextDeepStop();
    }

    @Override
    public void nextDeepStop() throws Exception {
        continueToStop();
    }

    @Override
    public int stack1000() throws Exception {
        StackTraceResponse stack = stack(1000);
        if (stack.getTotalFrames() == null || stack.getTotalFrames() < 1000) {
            throw new IllegalStateException("totalFrames is " + stack.getTotalFrames() + ", not 1000 or more");
        }
        return stack.getStackFrames().length;
    }

    @Override
    public void goHot() throws Exception {
        setBreakpoints(breakpoint(program.line("hot"), JvmTargetBenchmark.CONDITION),
                breakpoint(program.line("hotEnd"), null));
    }

    @Override
    public long runHotLoop() throws Exception {
        continueToStop();
        return -1;
    }

    /** The line of the top frame now, to check where a stop happened. */
    int topLine() throws Exception {
        return stack(1).getStackFrames()[0].getLine();
    }

    @Override
    public void close() throws Exception {
        if (client == null) {
            return;
        }
        try {
            DisconnectArguments disconnect = new DisconnectArguments();
            disconnect.setTerminateDebuggee(true);
            adapter.disconnect(disconnect).get(30, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    private void continueToStop() throws Exception {
        ContinueArguments resume = new ContinueArguments();
        resume.setThreadId(threadId);
        get(adapter.continue_(resume));
        get(stopped());
    }

    private CompletableFuture<StoppedEventArguments> stopped() {
        return client.awaitEvent(StoppedEventArguments.class, s -> true, TIMEOUT);
    }

    private StackTraceResponse stack(int levels) throws Exception {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(threadId);
        arguments.setStartFrame(0);
        arguments.setLevels(levels);
        return get(adapter.stackTrace(arguments));
    }

    private Variable[] variables(int reference, Integer start, Integer count) throws Exception {
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(reference);
        if (start != null) {
            arguments.setFilter(VariablesArgumentsFilter.INDEXED);
            arguments.setStart(start);
            arguments.setCount(count);
        }
        return get(adapter.variables(arguments)).getVariables();
    }

    private static SourceBreakpoint breakpoint(int line, String condition) {
        SourceBreakpoint b = new SourceBreakpoint();
        b.setLine(line);
        b.setCondition(condition);
        return b;
    }

    private void setBreakpoints(SourceBreakpoint... breakpoints) throws Exception {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(program.sourceFile().toString());
        arguments.setSource(source);
        arguments.setBreakpoints(breakpoints);
        var answered = get(adapter.setBreakpoints(arguments)).getBreakpoints();
        for (var b : answered) {
            if (!b.isVerified()) {
                throw new IllegalStateException("breakpoint at line " + b.getLine() + " not verified: " + b.getMessage());
            }
        }
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
