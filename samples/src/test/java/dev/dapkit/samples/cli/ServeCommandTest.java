package dev.dapkit.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.DapClient;
import dev.dapkit.client.ScriptedSession;
import dev.dapkit.samples.demo.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;

/**
 * {@code dapkit serve} as a child process, as users and editors run it: at a TCP port (printing
 * the address and the VS Code snippet, stopping gracefully on SIGTERM) and over stdio, each
 * driven by dapkit's client through a breakpoint hit in the bundled sample on the JVM target.
 */
class ServeCommandTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("listening at tcp://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void servesAtTheBoundPortPrintsTheSnippetAndClosesSessionsOnSigterm() throws Exception {
        try (BundledSample sample = BundledSample.extract();
                CliProcess cli = CliProcess.start("serve", "--target", "jvm", "--listen", "tcp://127.0.0.1:0")) {
            Matcher listening = LISTENING.matcher(cli.awaitLine(l -> LISTENING.matcher(l).find(), "bound address", TIMEOUT));
            assertTrue(listening.find());
            int port = Integer.parseInt(listening.group(1));
            assertNotEquals(0, port, "port 0 must print the port the system picked");
            cli.awaitLine(l -> l.strip().equals("\"debugServer\": " + port + ","), "launch.json snippet for port " + port,
                    TIMEOUT);

            DapClient client = DapClient.builder().uri("tcp://127.0.0.1:" + port).requestTimeout(TIMEOUT).connect();
            try (ScriptedSession session = ScriptedSession.of(client, TIMEOUT)) {
                session.initialize("jvm");
                int line = sample.lineOf(DemoScript.LOOP_LINE);
                session.hitBreakpoint(sample.launchArguments(), sample.sourceFile(), line);
                Map<String, String> locals = session.variables("Locals").stream()
                        .collect(Collectors.toMap(Variable::getName, Variable::getValue));
                assertEquals("0", locals.get("i"), () -> "locals at the first stop: " + locals);
                cli.awaitLine(l -> l.startsWith("debugger connected: "), "session report", TIMEOUT);

                cli.terminate();

                client.awaitEvent(TerminatedEventArguments.class, e -> true, TIMEOUT).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                cli.awaitLine(l -> l.equals("dapkit serve: shutting down"), "shutdown report", TIMEOUT);
                cli.awaitExit(TIMEOUT);
            } finally {
                client.close();
            }
        }
    }

    @Test
    void servesOneSessionOverStdioAndExitsWhenItEnds() throws Exception {
        Path logFile = Files.createTempFile("dapkit-serve-", ".log");
        try (BundledSample sample = BundledSample.extract()) {
            // --verbose: debug logging must not reach stdout, where it would break the client's framing
            DapClient client = DapClient.builder()
                    .adapterProcess(CliProcess.command("serve", "--stdio", "--target", "jvm", "--verbose",
                            "--log-file", logFile.toString()))
                    .requestTimeout(TIMEOUT)
                    .connect();
            try (ScriptedSession session = ScriptedSession.of(client, TIMEOUT)) {
                session.initialize("jvm");
                int line = sample.lineOf(DemoScript.LOOP_LINE);
                session.hitBreakpoint(sample.launchArguments(), sample.sourceFile(), line);
                assertEquals(Inventory.sample().nameOf(0), unquoted(session.evaluate(DemoScript.EXPRESSION)));
                clearBreakpoints(client, sample);
                session.resume();
                // the program's own stdout reaches the client as output events, never on the DAP channel
                session.awaitOutput("stdout", "stock value of ");
                assertEquals(0, session.awaitExitCode());
                session.disconnect();

                // the adapter exits by itself once its one session is over: an orderly end of its stdout
                client.closeFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertFalse(client.isOpen());
                String log = Files.readString(logFile);
                assertTrue(log.contains("[DEBUG]") && log.contains("listening at stdio"),
                        () -> "--log-file did not get the debug log:\n" + log);
            } finally {
                client.close();
            }
        } finally {
            Files.deleteIfExists(logFile);
        }
    }


    private static void clearBreakpoints(DapClient client, BundledSample sample) throws Exception {
        SetBreakpointsArguments none = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(sample.sourceFile().toString());
        none.setSource(source);
        none.setBreakpoints(new SourceBreakpoint[0]);
        client.server().setBreakpoints(none).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static String unquoted(String text) {
        return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
