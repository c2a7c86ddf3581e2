package dev.dapkit.samples.cli;

import dev.dapkit.client.DapClient;
import dev.dapkit.client.EventSubscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * The walk-through of {@code dapkit demo}: a JVM debug session on the {@link BundledSample}, driven
 * over DAP with dapkit's own {@link DapClient} the way an editor drives it (initialize, a breakpoint,
 * launch, stack, scopes, variables, evaluate, step over, a conditional breakpoint, run to the end),
 * each step printed to the {@link Transcript}. Every wait lasts at most the step timeout; a step
 * that fails, times out or ends somewhere unexpected throws {@link CommandFailure}.
 *
 * <p>Not thread-safe: {@link #run()} once, on one thread.
 */
final class DemoScript {

    /** Where the demo stops first: the loop body's call, by its text in the sample. */
    static final String LOOP_LINE = "int value = valueOf(i);";
    /** The line a step over the loop's call lands on. */
    static final String NEXT_LINE = "total += value;";
    /** What the demo evaluates at its stops. */
    static final String EXPRESSION = "names.get(i)";
    /** The condition of the second breakpoint, on the loop's line. */
    static final int CONDITION_INDEX = 3;
    static final String CONDITION = "i == " + CONDITION_INDEX;

    private final DapClient client;
    private final IDebugProtocolServer adapter;
    private final BundledSample sample;
    private final Transcript transcript;
    private final Duration timeout;
    private final String fileName;
    private int threadId;

    DemoScript(DapClient client, BundledSample sample, Transcript transcript, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.adapter = client.server();
        this.sample = Objects.requireNonNull(sample, "sample");
        this.transcript = Objects.requireNonNull(transcript, "transcript");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.fileName = sample.sourceFile().getFileName().toString();
    }

    /** Runs the session from {@code initialize} to the debuggee's exit. */
    void run() {
        int loopLine = sample.lineOf(LOOP_LINE);
        int nextLine = sample.lineOf(NEXT_LINE);
        EventSubscription output = client.onEvent(OutputEventArguments.class, this::showOutput);
        try {
            initialize();
            launchWithBreakpoint(loopLine);

            StackFrame top = awaitStop("breakpoint", loopLine);
            showStack();
            showLocals(top);
            evaluate(top, EXPRESSION);

            transcript.request("next");
            NextArguments next = new NextArguments();
            next.setThreadId(threadId);
            await(adapter.next(next), "the 'next' response");
            top = awaitStop("step", nextLine);
            transcript.detail("value = " + local(top, "value"));

            setBreakpoint(loopLine, CONDITION);
            resume();
            top = awaitStop("breakpoint", loopLine);
            String index = local(top, "i");
            if (!String.valueOf(CONDITION_INDEX).equals(index)) {
                throw new CommandFailure("the breakpoint with condition '" + CONDITION + "' stopped with i = " + index,
                        null);
            }
            transcript.detail("i = " + index + ", total = " + local(top, "total"));
            evaluate(top, EXPRESSION);

            clearBreakpoints();
            resume();
            awaitExit();
        } finally {
            output.cancel();
        }
    }

    private void initialize() {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setClientID("dapkit-demo");
        arguments.setClientName("dapkit demo");
        arguments.setAdapterID("jvm");
        arguments.setLinesStartAt1(true);
        arguments.setColumnsStartAt1(true);
        arguments.setPathFormat("path");
        arguments.setSupportsVariableType(true);
        transcript.request("initialize (adapterID jvm, lines from 1, paths as paths)");
        Capabilities capabilities = await(adapter.initialize(arguments), "the 'initialize' response");
        transcript.received("capabilities: " + String.join(", ", highlights(capabilities)) + ", ...");
    }

    private void launchWithBreakpoint(int line) {
        CompletableFuture<?> initialized = client.awaitEvent("initialized", e -> true, timeout);
        transcript.request("launch " + sample.launchArguments().get("mainClass") + " (classPaths " + sample.classes()
                + ", sourcePaths " + sample.sources() + ")");
        CompletableFuture<Void> launched = client.launch(sample.launchArguments());
        await(initialized, "the 'initialized' event");
        transcript.received("initialized");
        setBreakpoint(line, null);
        transcript.request("configurationDone");
        await(adapter.configurationDone(new ConfigurationDoneArguments()), "the 'configurationDone' response");
        await(launched, "the 'launch' response");
        transcript.received("launch: the debuggee runs");
    }

    /** Replaces the sample file's breakpoints with one at {@code line}, with a condition or none. */
    private void setBreakpoint(int line, String condition) {
        SourceBreakpoint breakpoint = new SourceBreakpoint();
        breakpoint.setLine(line);
        breakpoint.setCondition(condition);
        transcript.request("setBreakpoints " + fileName + ":" + line + (condition == null ? "" : " if " + condition));
        for (Breakpoint b : setBreakpoints(breakpoint)) {
            transcript.received("breakpoint " + b.getId() + " at line " + b.getLine() + ": " + (b.isVerified()
                    ? "verified" : "pending" + (b.getMessage() == null ? "" : " (" + b.getMessage() + ")")));
        }
    }

    private void clearBreakpoints() {
        transcript.request("setBreakpoints " + fileName + " (none)");
        setBreakpoints();
    }

    private Breakpoint[] setBreakpoints(SourceBreakpoint... breakpoints) {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(sample.sourceFile().toString());
        arguments.setSource(source);
        arguments.setBreakpoints(breakpoints);
        return await(adapter.setBreakpoints(arguments), "the 'setBreakpoints' response").getBreakpoints();
    }

    private void resume() {
        transcript.request("continue");
        ContinueArguments arguments = new ContinueArguments();
        arguments.setThreadId(threadId);
        await(adapter.continue_(arguments), "the 'continue' response");
    }

    /** Waits for the next stop, prints it, and checks it is for {@code reason} at {@code line} of the sample. */
    private StackFrame awaitStop(String reason, int line) {
        StoppedEventArguments stopped = await(client.awaitEvent(StoppedEventArguments.class, e -> true, timeout),
                "a 'stopped' event (" + reason + " at " + fileName + ":" + line + ")");
        threadId = stopped.getThreadId();
        StackFrame top = frames(1).get(0);
        String where = top.getName() + " (" + fileName(top) + ":" + top.getLine() + ")";
        transcript.received("stopped: " + stopped.getReason() + " at " + where + ", thread " + threadId);
        if (!reason.equals(stopped.getReason()) || top.getLine() != line || !isSampleFile(top)) {
            throw new CommandFailure("expected a stop for '" + reason + "' at " + fileName + ":" + line
                    + " but the debuggee stopped for '" + stopped.getReason() + "' at " + where, null);
        }
        return top;
    }

    private void showStack() {
        transcript.request("stackTrace thread " + threadId);
        List<List<String>> rows = new ArrayList<>();
        int depth = 0;
        for (StackFrame frame : frames(20)) {
            rows.add(List.of("#" + depth++, frame.getName(), fileName(frame) + ":" + frame.getLine()));
        }
        transcript.table(rows);
    }

    private void showLocals(StackFrame frame) {
        transcript.request("scopes frame " + frame.getId());
        Scope[] scopes = scopes(frame);
        transcript.received(Arrays.stream(scopes).map(Scope::getName).reduce((a, b) -> a + ", " + b).orElse("no scopes"));
        Scope locals = scopes[0];
        transcript.request("variables " + locals.getName());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "value", "type"));
        for (Variable v : variables(locals)) {
            rows.add(List.of(v.getName(), v.getValue(), v.getType() == null ? "" : v.getType()));
        }
        transcript.table(rows);
    }

    private void evaluate(StackFrame frame, String expression) {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setFrameId(frame.getId());
        arguments.setContext(EvaluateArgumentsContext.WATCH);
        transcript.request("evaluate " + expression);
        String result = await(adapter.evaluate(arguments), "evaluating '" + expression + "'").getResult();
        transcript.received(result);
    }

    private void awaitExit() {
        CompletableFuture<ExitedEventArguments> exited = client.awaitEvent(ExitedEventArguments.class, e -> true, timeout);
        CompletableFuture<TerminatedEventArguments> terminated =
                client.awaitEvent(TerminatedEventArguments.class, e -> true, timeout);
        int code = await(exited, "the 'exited' event").getExitCode();
        transcript.received("exited: code " + code);
        await(terminated, "the 'terminated' event");
        transcript.received("terminated");
        if (code != 0) {
            throw new CommandFailure("the debuggee exited with code " + code, null);
        }
        DisconnectArguments arguments = new DisconnectArguments();
        transcript.request("disconnect");
        try {
            await(adapter.disconnect(arguments), "the 'disconnect' response");
        } catch (CommandFailure e) {
            // the session may already have closed the connection after 'terminated'; nothing is lost
        }
    }

    /** The value of a local of the frame, as the adapter shows it. */
    private String local(StackFrame frame, String name) {
        return variables(scopes(frame)[0]).stream().filter(v -> name.equals(v.getName())).findFirst()
                .map(Variable::getValue)
                .orElseThrow(() -> new CommandFailure("frame " + frame.getName() + " has no local '" + name + "'", null));
    }

    private List<StackFrame> frames(int levels) {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(threadId);
        arguments.setLevels(levels);
        StackFrame[] frames = await(adapter.stackTrace(arguments), "the 'stackTrace' response").getStackFrames();
        if (frames == null || frames.length == 0) {
            throw new CommandFailure("thread " + threadId + " stopped without stack frames", null);
        }
        return List.of(frames);
    }

    private Scope[] scopes(StackFrame frame) {
        ScopesArguments arguments = new ScopesArguments();
        arguments.setFrameId(frame.getId());
        Scope[] scopes = await(adapter.scopes(arguments), "the 'scopes' response").getScopes();
        if (scopes == null || scopes.length == 0) {
            throw new CommandFailure("frame " + frame.getName() + " has no scopes", null);
        }
        return scopes;
    }

    private List<Variable> variables(Scope scope) {
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(scope.getVariablesReference());
        return List.of(await(adapter.variables(arguments), "the 'variables' response").getVariables());
    }

    private void showOutput(OutputEventArguments output) {
        String text = output.getOutput() == null ? "" : output.getOutput().stripTrailing();
        if (!text.isEmpty() && !"telemetry".equals(output.getCategory())) {
            String category = output.getCategory() == null ? "console" : output.getCategory();
            text.lines().forEach(line -> transcript.received("output (" + category + "): " + line));
        }
    }

    private boolean isSampleFile(StackFrame frame) {
        return Optional.ofNullable(frame.getSource()).map(Source::getPath)
                .map(p -> Path.of(p).toAbsolutePath().normalize().equals(sample.sourceFile().toAbsolutePath().normalize()))
                .orElse(false);
    }

    private static String fileName(StackFrame frame) {
        Source source = frame.getSource();
        if (source == null) {
            return "?";
        }
        if (source.getName() != null) {
            return source.getName();
        }
        return source.getPath() == null ? "?" : Path.of(source.getPath()).getFileName().toString();
    }

    private static List<String> highlights(Capabilities c) {
        List<String> names = new ArrayList<>();
        add(names, c.getSupportsConfigurationDoneRequest(), "configurationDone");
        add(names, c.getSupportsConditionalBreakpoints(), "conditional breakpoints");
        add(names, c.getSupportsHitConditionalBreakpoints(), "hit counts");
        add(names, c.getSupportsLogPoints(), "logpoints");
        add(names, c.getSupportsFunctionBreakpoints(), "function breakpoints");
        add(names, c.getSupportsEvaluateForHovers(), "evaluate for hovers");
        add(names, c.getSupportsSetVariable(), "setVariable");
        return names;
    }

    private static void add(List<String> names, Boolean supported, String name) {
        if (Boolean.TRUE.equals(supported)) {
            names.add(name);
        }
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CommandFailure("waited " + timeout.toSeconds() + " s for " + what + " and gave up", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new CommandFailure(what + " failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while waiting for " + what, e);
        }
    }
}
