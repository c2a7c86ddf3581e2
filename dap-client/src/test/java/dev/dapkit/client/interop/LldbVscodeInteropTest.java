package dev.dapkit.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.DapClient;
import dev.dapkit.client.ScriptedSession;
import dev.dapkit.client.TraceEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * dapkit's client against lldb-vscode from LLDB 16 ({@code lldb-vscode-16}, Debian's lldb-16),
 * debugging a C program the test compiles with {@code gcc -g -O0}; driven only through
 * {@link DapClient} and {@link ScriptedSession}.
 *
 * <p>lldb-vscode's ways, as seen on the wire (traces in {@code target/interop-traces}):
 * <ul>
 *   <li>It answers {@code launch} at once (the debuggee is started, held at its entry) and sends
 *       {@code initialized} only after that response: the opposite of debugpy. Breakpoints and
 *       {@code configurationDone} come after, and {@code configurationDone} lets the program run.
 *   <li>Every message it sends carries {@code "seq": 0}, against DAP's "starts at 1, increases".
 *       The client never relies on the adapter's {@code seq}; responses are matched by
 *       {@code request_seq}, which lldb-vscode does fill in.
 *   <li>{@code launch} takes {@code program}, {@code cwd}, {@code args}, {@code env} (a list of
 *       {@code NAME=VALUE} strings), {@code stopOnEntry}; no {@code type}/{@code request} keys.
 *   <li>The debuggee runs on a pseudo-terminal: its output arrives as {@code output} events of
 *       category {@code stdout} with {@code \r\n} line ends.
 *   <li>{@code threadId} is the operating system's thread id (the debuggee's pid for its main
 *       thread); stack traces run down into libc frames ({@code __libc_start_call_main}), each with
 *       a source path that need not exist on this machine.
 *   <li>{@code terminated} carries a top-level {@code statistics} field that DAP does not define;
 *       the envelope keeps it in {@code otherFields}.
 *   <li>Its exception filters (C++, Objective-C, Swift) are all non-default, so the session sends
 *       {@code setExceptionBreakpoints} with no filters.
 * </ul>
 */
class LldbVscodeInteropTest {

    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path source;
    private Path executable;
    private final WireLog wire = new WireLog();
    private DapClient client;

    @BeforeEach
    void compileProgram() throws Exception {
        Peers.requireLldbVscode();
        source = dir.resolve("adder.c");
        Files.writeString(source, String.join("\n",
                "#include <stdio.h>",                       // 1
                "",                                         // 2
                "static int add(int a, int b) {",           // 3
                "    int total = a + b;",                   // 4
                "    return total;",                        // 5
                "}",                                        // 6
                "",                                         // 7
                "int main(void) {",                         // 8
                "    int result = add(40, 2);",             // 9
                "    printf(\"result is %d\\n\", result);", // 10
                "    fflush(stdout);",                      // 11
                "    return 3;",                            // 12
                "}",                                        // 13
                ""));
        executable = dir.resolve("adder");
        Process gcc = new ProcessBuilder("gcc", "-g", "-O0", "-o", executable.toString(), source.toString())
                .redirectErrorStream(true).start();
        String gccOutput = new String(gcc.getInputStream().readAllBytes());
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS), "gcc did not finish in a minute");
        assertEquals(0, gcc.exitValue(), () -> "gcc failed: " + gccOutput);
    }

    @AfterEach
    void closeClient(TestInfo test) throws Exception {
        if (client != null) {
            client.close();
            client.closeFuture().get(10, TimeUnit.SECONDS);
            wire.write("lldb-vscode-" + test.getTestMethod().orElseThrow().getName());
        }
    }

    @Test
    void breakpointStackVariablesEvaluateStepOutputAndExitCode() throws IOException {
        client = DapClient.builder()
                .adapterProcess(Peers.which(Peers.LLDB_VSCODE).toString())
                .requestTimeout(STEP)
                .trace(wire)
                .connect();
        try (ScriptedSession session = ScriptedSession.of(client, STEP)) {
            session.initialize("lldb-vscode");

            StoppedEventArguments stopped = session.hitBreakpoint(launchArguments(), source, 4);
            assertEquals("breakpoint", stopped.getReason());

            List<StackFrame> frames = session.stackTrace();
            assertTrue(frames.get(0).getName().startsWith("add"), () -> "top frame: " + frames.get(0).getName());
            assertEquals(9, frames.get(1).getLine(), () -> "the caller's frame: " + frames.get(1));

            Map<String, String> locals = DebugpyInteropTest.values(session.variables("Locals"));
            assertEquals("40", locals.get("a"), () -> "locals: " + locals);
            assertEquals("2", locals.get("b"), () -> "locals: " + locals);
            assertEquals("80", session.evaluate("a * b"));

            session.stepOver();
            session.assertStoppedAt(source, 5);
            assertEquals("42", DebugpyInteropTest.values(session.variables("Locals")).get("total"));

            session.resume();
            assertEquals(3, session.awaitExitCode());
            assertTrue(session.awaitOutput("stdout", "result is 42").contains("result is 42"));
            session.disconnect();
        }
        List<TraceEntry> entries = wire.entries();
        int launchSent = DebugpyInteropTest.indexOf(entries, TraceEntry.Direction.SENT, "launch");
        int configurationDone = DebugpyInteropTest.indexOf(entries, TraceEntry.Direction.SENT, "configurationDone");
        assertTrue(launchSent < configurationDone, "configurationDone was sent before launch");
    }

    private Map<String, Object> launchArguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("program", executable.toString());
        arguments.put("cwd", dir.toString());
        arguments.put("args", List.of());
        arguments.put("stopOnEntry", false);
        return arguments;
    }
}
