package dev.dapkit.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.DapClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDE-side example proposed for the README, verbatim between the markers, run against
 * debugpy so that it is known to compile and to work.
 */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    /** What the example calls "the IDE": records what it is shown. */
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final CompletableFuture<StackFrame[]> shownFrames = new CompletableFuture<>();

    @Test
    void theReadmeExampleDebugsAPythonProgram() throws Exception {
        Peers.requireDebugpy();
        Path program = dir.resolve("app.py");
        Files.writeString(program, "x = 41\nx += 1\nprint('x is', x)\n");
        String path = program.toString();

        // README example starts
        DapClient client = DapClient.builder()
                .adapterProcess("/usr/bin/python3", "-m", "debugpy.adapter")
                .connect();
        IDebugProtocolServer adapter = client.server();
        client.onEvent(OutputEventArguments.class, out -> showOutput(out.getCategory(), out.getOutput()));
        client.onEvent(StoppedEventArguments.class, stop -> adapter.stackTrace(framesOf(stop.getThreadId()))
                .thenAccept(trace -> showFrames(trace.getStackFrames())));

        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("python");
        adapter.initialize(init).join();
        // launch arguments are the adapter's own: sent as given, 5005 stays 5005
        CompletableFuture<Void> launched = client.launch(Map.of("program", path, "console", "internalConsole"));
        client.awaitEvent("initialized", e -> true, Duration.ofSeconds(30)).join(); // even if it came first
        adapter.setBreakpoints(breakpointAt(path, 2)).join();
        adapter.configurationDone(new ConfigurationDoneArguments()).join();
        launched.join(); // debugpy answers launch only after configurationDone
        // README example ends

        StackFrame[] frames = shownFrames.get(60, TimeUnit.SECONDS);
        assertEquals(2, frames[0].getLine());
        org.eclipse.lsp4j.debug.DisconnectArguments disconnect = new org.eclipse.lsp4j.debug.DisconnectArguments();
        disconnect.setTerminateDebuggee(true);
        adapter.disconnect(disconnect).get(30, TimeUnit.SECONDS);
        client.close();
        client.closeFuture().get(10, TimeUnit.SECONDS);
        assertTrue(console.stream().noneMatch(line -> line.contains("Traceback")), () -> "console: " + console);
    }

    private void showOutput(String category, String text) {
        console.add(category + ": " + text);
    }

    private void showFrames(StackFrame[] frames) {
        shownFrames.complete(frames);
    }

    private static StackTraceArguments framesOf(int threadId) {
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(threadId);
        return arguments;
    }

    private static SetBreakpointsArguments breakpointAt(String path, int line) {
        Source source = new Source();
        source.setPath(path);
        SourceBreakpoint breakpoint = new SourceBreakpoint();
        breakpoint.setLine(line);
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        arguments.setSource(source);
        arguments.setBreakpoints(new SourceBreakpoint[] {breakpoint});
        return arguments;
    }
}
