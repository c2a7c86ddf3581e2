package dev.dapkit.transport.tcp.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.DapClient;
import dev.dapkit.client.ScriptedSession;
import dev.dapkit.server.DapServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third real peer of dap-client (beside debugpy and lldb-vscode): dapkit's own server with the
 * testkit's fake target, reached over {@code tcp://}, driven only through {@link DapClient} and
 * {@link ScriptedSession} with the same scenario as the debugpy and lldb-vscode interop tests.
 */
class DapClientAgainstDapServerTest {

    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void breakpointStackVariablesEvaluateStepOutputAndExitCode() throws Exception {
        Path program = dir.resolve("adder.fake");
        Files.writeString(program, String.join("\n",
                "def add(a, b):",                 // 1
                "    total = a + b",              // 2
                "    return total",               // 3
                "",                               // 4
                "values = [1, 2, 3]",             // 5
                "result = add(40, 2)",            // 6
                "print(\"result is\", result)",   // 7
                "exit(3)",                        // 8
                ""));

        try (DapServer server = DapServer.builder().target("fake").listen("tcp://127.0.0.1:0").build().start()) {
            DapClient client = DapClient.builder().uri(server.address()).requestTimeout(STEP).connect();
            try (ScriptedSession session = ScriptedSession.of(client, STEP)) {
                Capabilities capabilities = session.initialize("fake");
                assertEquals(Boolean.TRUE, capabilities.getSupportsConfigurationDoneRequest());

                StoppedEventArguments stopped = session.hitBreakpoint(
                        Map.of("program", program.toString()), program, 2);
                assertEquals("breakpoint", stopped.getReason());

                List<StackFrame> frames = session.stackTrace();
                assertEquals("add", frames.get(0).getName());
                assertEquals(6, frames.get(1).getLine(), () -> "the caller's frame: " + frames.get(1));

                Map<String, String> locals = values(session.variables("Locals"));
                assertEquals("40", locals.get("a"), () -> "locals: " + locals);
                assertEquals("2", locals.get("b"), () -> "locals: " + locals);
                assertEquals("80", session.evaluate("a * b"));

                session.stepOver();
                session.assertStoppedAt(program, 3);
                assertEquals("42", values(session.variables("Locals")).get("total"));

                session.resume();
                assertEquals(3, session.awaitExitCode());
                assertTrue(session.output().values().stream().anyMatch(text -> text.contains("result is 42")),
                        () -> "output: " + session.output());
                session.disconnect();
            }
            client.closeFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Map<String, String> values(List<Variable> variables) {
        return variables.stream().collect(Collectors.toMap(Variable::getName, Variable::getValue, (a, b) -> a));
    }
}
