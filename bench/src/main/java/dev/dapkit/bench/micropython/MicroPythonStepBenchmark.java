package dev.dapkit.bench.micropython;

import dev.dapkit.client.DapClient;
import dev.dapkit.server.DapServer;
import dev.dapkit.target.micropython.MicroPythonTargetProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
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
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * What a VS Code user of the MicroPython target waits for, measured through all of dapkit: a
 * {@link DapClient} over TCP loopback to a {@code DapServer} with the {@code micropython} target, which
 * launches the unix port with the agent. It times {@code next} (request to {@code stopped} event) and a
 * screen refresh (threads + stackTrace + scopes + the Globals' variables), so the agent-level figure of
 * {@code target-micropython/bench/run.sh} can be read against the whole path an IDE sees, and against
 * debugpy for MicroPython (about 43 ms a step, DAP on the device).
 *
 * <p>A command-line application: its report is its output. Arguments: {@code [steps]} (default 300).
 */
public final class MicroPythonStepBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String MARKER = "# the benchmark's breakpoint";

    private MicroPythonStepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String interpreter = System.getenv().getOrDefault("DAPKIT_MICROPYTHON", Path.of(System.getProperty("user.home"),
                ".cache", "dapkit", "micropython-1.25.0-settrace", "micropython").toString());
        Path program = Path.of("target-micropython", "bench", "step_prog.py").toAbsolutePath();
        List<String> lines = Files.readAllLines(program);
        int line = 1 + lines.indexOf(lines.stream().filter(l -> l.contains(MARKER)).findFirst()
                .orElseThrow(() -> new IllegalStateException(program + " has no line marked '" + MARKER + "'")));

        try (DapServer server = DapServer.builder().target(new MicroPythonTargetProvider())
                .listen("tcp://127.0.0.1:0").build().start();
                DapClient client = DapClient.builder().uri(server.address()).connect()) {
            IDebugProtocolServer adapter = client.server();
            InitializeRequestArguments init = new InitializeRequestArguments();
            init.setClientID("dapkit-bench");
            init.setAdapterID("python");
            init.setLinesStartAt1(true);
            init.setColumnsStartAt1(true);
            init.setPathFormat("path");
            get(adapter.initialize(init));
            Map<String, Object> launch = new LinkedHashMap<>();
            launch.put("program", program.toString());
            launch.put("python", interpreter);
            CompletableFuture<Void> launched = client.launch(launch);
            get(client.awaitEvent("initialized", e -> true, TIMEOUT));
            SetBreakpointsArguments breakpoints = new SetBreakpointsArguments();
            Source source = new Source();
            source.setPath(program.toString());
            breakpoints.setSource(source);
            SourceBreakpoint at = new SourceBreakpoint();
            at.setLine(line);
            breakpoints.setBreakpoints(new SourceBreakpoint[] {at});
            get(adapter.setBreakpoints(breakpoints));
            get(adapter.configurationDone(new ConfigurationDoneArguments()));
            get(launched);
            int thread = get(stopped(client)).getThreadId();
            breakpoints.setBreakpoints(new SourceBreakpoint[0]);
            get(adapter.setBreakpoints(breakpoints));

            long[] step = new long[steps];
            long[] refresh = new long[steps];
            for (int round = -50; round < steps; round++) {
                NextArguments next = new NextArguments();
                next.setThreadId(thread);
                long t0 = System.nanoTime();
                CompletableFuture<Void> answered = adapter.next(next);
                get(stopped(client));
                long t1 = System.nanoTime();
                get(answered);
                long t2 = System.nanoTime();
                refresh(adapter, thread);
                long t3 = System.nanoTime();
                if (round >= 0) {
                    step[round] = t1 - t0;
                    refresh[round] = t3 - t2;
                }
            }
            System.out.printf("MicroPython target through dapkit (DapClient -> TCP -> DapServer -> agent link), %s%n",
                    interpreter);
            System.out.printf("%-52s %9s %9s%n", "", "median", "p90");
            print("next -> stopped (DAP), " + steps + " steps", step);
            print("refresh: threads + stackTrace + scopes + globals", refresh);
            System.out.println("budget (issue 6): next -> stopped < 5 ms on loopback; debugpy for MicroPython: ~43 ms");

            DisconnectArguments disconnect = new DisconnectArguments();
            disconnect.setTerminateDebuggee(true);
            get(adapter.disconnect(disconnect));
        }
    }

    private static void refresh(IDebugProtocolServer adapter, int thread) throws Exception {
        get(adapter.threads());
        StackTraceArguments stack = new StackTraceArguments();
        stack.setThreadId(thread);
        stack.setStartFrame(0);
        stack.setLevels(20);
        StackFrame[] frames = get(adapter.stackTrace(stack)).getStackFrames();
        ScopesArguments scopes = new ScopesArguments();
        scopes.setFrameId(frames[0].getId());
        Scope[] found = get(adapter.scopes(scopes)).getScopes();
        Scope globals = Arrays.stream(found).filter(s -> s.getName().equals("Globals")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Globals scope in " + Arrays.toString(found)));
        VariablesArguments variables = new VariablesArguments();
        variables.setVariablesReference(globals.getVariablesReference());
        get(adapter.variables(variables));
    }

    private static CompletableFuture<StoppedEventArguments> stopped(DapClient client) {
        return client.awaitEvent(StoppedEventArguments.class, s -> true, TIMEOUT);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-52s %6.2f ms %6.2f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.9)] / 1e6);
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
