package dev.dapkit.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.DapClient;
import dev.dapkit.client.RunInTerminalHandler;
import dev.dapkit.client.ScriptedSession;
import dev.dapkit.client.TraceEntry;
import dev.dapkit.model.Request;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * dapkit's client against debugpy (Debian's python3-debugpy, 1.6.3), started as
 * {@code /usr/bin/python3 -m debugpy.adapter} and driven only through {@link DapClient} and
 * {@link ScriptedSession}.
 *
 * <p>debugpy's ways, as seen on the wire (traces in {@code target/interop-traces}):
 * <ul>
 *   <li>{@code initialized} comes only after the {@code launch} request (debugpy first spawns the
 *       debuggee and waits for it to connect back), and the {@code launch} response only after
 *       {@code configurationDone}: a client that waits for the launch response before
 *       configuring hangs.
 *   <li>{@code launch} needs {@code program} (or {@code module}/{@code code}); {@code python}
 *       is a list (or a string) and defaults to the adapter's own interpreter, so
 *       {@code ["/usr/bin/python3"]} keeps the debuggee on the interpreter that has debugpy.
 *   <li>With {@code "console": "internalConsole"} the debuggee's output arrives as {@code output}
 *       events (category {@code stdout}); with {@code integratedTerminal} debugpy asks the client
 *       to start its launcher with a {@code runInTerminal} reverse request, and refuses to launch
 *       when the client did not declare {@code supportsRunInTerminalRequest}.
 *   <li>It announces exception filters with {@code uncaught} marked {@code default} (VS Code sends
 *       it), and with {@code uncaught} set, {@code sys.exit(3)} stops the debuggee with reason
 *       {@code exception} ({@code SystemExit}) before it exits: the tests set no exception filter.
 *   <li>Bodies are written with a space after each colon ({@code "body":{"reason": "new", ...}}),
 *       which is valid JSON and reaches our {@code RawJson} as it came.
 * </ul>
 */
class DebugpyInteropTest {

    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path program;
    private final WireLog wire = new WireLog();
    private DapClient client;

    @BeforeEach
    void writeProgram() throws IOException {
        Peers.requireDebugpy();
        program = dir.resolve("adder.py");
        Files.writeString(program, String.join("\n",
                "import sys",                       // 1
                "",                                 // 2
                "def add(a, b):",                   // 3
                "    total = a + b",                // 4
                "    return total",                 // 5
                "",                                 // 6
                "values = [1, 2, 3]",               // 7
                "result = add(40, 2)",              // 8
                "print('result is', result)",       // 9
                "sys.exit(3)",                      // 10
                ""));
    }

    @AfterEach
    void closeClient(TestInfo test) throws Exception {
        if (client != null) {
            client.close();
            client.closeFuture().get(10, TimeUnit.SECONDS);
            wire.write("debugpy-" + test.getTestMethod().orElseThrow().getName());
        }
    }

    @Test
    void breakpointStackVariablesEvaluateStepOutputAndExitCode() throws Exception {
        client = DapClient.builder()
                .adapterProcess(Peers.PYTHON.toString(), "-m", "debugpy.adapter")
                .requestTimeout(STEP)
                .trace(wire)
                .connect();
        try (ScriptedSession session = ScriptedSession.of(client, STEP)) {
            Capabilities capabilities = session.initialize("python");
            assertEquals(Boolean.TRUE, capabilities.getSupportsConfigurationDoneRequest());
            session.exceptionBreakpoints();

            StoppedEventArguments stopped = session.hitBreakpoint(launchArguments("internalConsole"), program, 4);
            assertEquals("breakpoint", stopped.getReason());

            List<StackFrame> frames = session.stackTrace();
            assertEquals("add", frames.get(0).getName());
            assertEquals(8, frames.get(1).getLine(), () -> "the caller's frame: " + frames.get(1));

            Map<String, String> locals = values(session.variables("Locals"));
            assertEquals("40", locals.get("a"), () -> "locals: " + locals);
            assertEquals("2", locals.get("b"), () -> "locals: " + locals);
            assertEquals("80", session.evaluate("a * b"));

            session.stepOver();
            session.assertStoppedAt(program, 5);
            assertEquals("42", values(session.variables("Locals")).get("total"));

            session.resume();
            assertEquals(3, session.awaitExitCode());
            assertTrue(session.awaitOutput(OutputEventArgumentsCategory.STDOUT, "result is 42").contains("result is 42"));
            session.disconnect();
        }
        assertWireOrder(wire.entries());
    }

    @Test
    void runInTerminalStartsTheLauncherThroughTheClient() throws Exception {
        Path terminal = dir.resolve("terminal.txt");
        client = DapClient.builder()
                .adapterProcess(Peers.PYTHON.toString(), "-m", "debugpy.adapter")
                .requestTimeout(STEP)
                .runInTerminal(RunInTerminalHandler.startProcess(Redirect.to(terminal.toFile())))
                .trace(wire)
                .connect();
        try (ScriptedSession session = ScriptedSession.of(client, STEP)) {
            session.initialize("python");
            session.exceptionBreakpoints();
            session.hitBreakpoint(launchArguments("integratedTerminal"), program, 8);
            session.resume();
            assertEquals(3, session.awaitExitCode());
            session.disconnect();
        }
        assertTrue(wire.entries().stream().anyMatch(e -> e.direction() == TraceEntry.Direction.RECEIVED
                && e.message() instanceof Request r && r.command().equals("runInTerminal")),
                "debugpy sent no runInTerminal request");
        // The program's own output went to the "terminal", not into output events.
        assertTrue(Files.readString(terminal).contains("result is 42"), () -> "terminal: " + read(terminal));
    }

    private Map<String, Object> launchArguments(String console) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("type", "python");
        arguments.put("request", "launch");
        arguments.put("name", "dapkit interop");
        arguments.put("program", program.toString());
        arguments.put("cwd", dir.toString());
        arguments.put("console", console);
        arguments.put("python", List.of(Peers.PYTHON.toString()));
        arguments.put("justMyCode", true);
        return arguments;
    }

    /** debugpy: launch, then initialized, then configuration, then the launch response. */
    private static void assertWireOrder(List<TraceEntry> entries) {
        int launchSent = indexOf(entries, TraceEntry.Direction.SENT, "launch");
        int initialized = indexOf(entries, TraceEntry.Direction.RECEIVED, "initialized");
        int configurationDone = indexOf(entries, TraceEntry.Direction.SENT, "configurationDone");
        int launchAnswered = indexOf(entries, TraceEntry.Direction.RECEIVED, "launch");
        assertTrue(launchSent < initialized && initialized < configurationDone && configurationDone < launchAnswered,
                "order launch " + launchSent + ", initialized " + initialized + ", configurationDone "
                        + configurationDone + ", launch response " + launchAnswered);
    }

    static int indexOf(List<TraceEntry> entries, TraceEntry.Direction direction, String name) {
        for (int i = 0; i < entries.size(); i++) {
            TraceEntry entry = entries.get(i);
            if (entry.direction() == direction && name.equals(nameOf(entry))) {
                return i;
            }
        }
        throw new AssertionError("no " + direction + " '" + name + "' in the trace");
    }

    private static String nameOf(TraceEntry entry) {
        if (entry.message() instanceof Request r) {
            return r.command();
        }
        if (entry.message() instanceof dev.dapkit.model.Response r) {
            return r.command();
        }
        return ((dev.dapkit.model.Event) entry.message()).event();
    }

    static Map<String, String> values(List<Variable> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach(v -> values.put(v.getName(), v.getValue()));
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
