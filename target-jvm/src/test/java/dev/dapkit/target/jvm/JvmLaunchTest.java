package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launching: the command line, working directory, environment, output, exit code, stop on entry, errors, terminals. */
class JvmLaunchTest {

    @TempDir
    Path temp;

    @Test
    void argumentsCwdEnvAndVmArgsReachTheProgramAndItsOutputAndExitCodeComeBack() throws IOException {
        Path cwd = Files.createDirectory(temp.resolve("work dir"));
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Echo", "args", List.of("a b", "c"), "cwd", cwd.toString(),
                    "env", Map.of("DAPKIT_ECHO", "hello"), "vmArgs", "-Ddapkit.echo=prop1 -Xmx64m"), "Echo");
            assertEquals(3, jvm.awaitExit(), "Echo exits with code 3");
            String out = jvm.output("stdout");
            assertTrue(out.contains("args a b|c\n"), out);
            assertTrue(out.contains("cwd " + cwd.toRealPath() + "\n") || out.contains("cwd " + cwd + "\n"), out);
            assertTrue(out.contains("env hello\n"), out);
            assertTrue(out.contains("prop prop1\n"), out);
            assertEquals("to stderr\n", jvm.output("stderr"));
            ProcessEventArguments process = jvm.client.awaitEvent(ProcessEventArguments.class, p -> true,
                    ServedJvm.TIMEOUT);
            assertEquals(Samples.PACKAGE + ".Echo", process.getName());
            assertNotNull(process.getSystemProcessId(), "the process event has the pid");
        }
    }

    @Test
    void argumentsGivenAsOneStringAreSplitAtBlanksKeepingQuotedOnesTogether() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Echo", "args", "x 'y z' \"w\""), "Echo");
            assertEquals(3, jvm.awaitExit());
            assertTrue(jvm.output("stdout").contains("args x|y z|w\n"), jvm.output("stdout"));
        }
    }

    @Test
    void stopOnEntryStopsAtTheFirstLineOfMain() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Canonical", "stopOnEntry", true), "Canonical");
            StoppedEventArguments stop = jvm.stopped();
            assertEquals(StoppedEventArgumentsReason.ENTRY, stop.getReason());
            assertEquals(Samples.line("Canonical", "LOOP") - 2, jvm.top(stop.getThreadId()).getLine(),
                    "the first line of main is 'int total = 0;'");
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
            assertTrue(jvm.output("stdout").contains("total 10"));
        }
    }

    @Test
    void aJavaHomeWithoutJavaFailsTheLaunchNamingThePath() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.initialize(false);
            Response response = jvm.requestResponse("launch", Samples.launch("Canonical", "javaHome",
                    temp.toString()));
            assertFalse(response.success());
            assertTrue(response.message().contains(temp.toString()) && response.message().contains("javaHome"),
                    response.message());
        }
    }

    @Test
    void aLaunchWithoutMainClassSaysWhatIsMissing() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.initialize(false);
            Response response = jvm.requestResponse("launch", Map.of("classPaths", List.of("x")));
            assertFalse(response.success());
            assertTrue(response.message().contains("\"mainClass\""), response.message());
        }
    }

    @Test
    void aBadJvmOptionFailsTheLaunchWithWhatTheJvmSaid() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.initialize(false);
            Response response = jvm.requestResponse("launch", Samples.launch("Canonical", "vmArgs",
                    List.of("-XX:+NoSuchDapkitOption")));
            assertFalse(response.success());
            assertTrue(response.message().contains("NoSuchDapkitOption") && response.message().contains("exited"),
                    response.message());
        }
    }

    @Test
    void theIntegratedTerminalNeedsAClientThatRunsCommands() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.initialize(false);
            Response response = jvm.requestResponse("launch", Samples.launch("Canonical", "console",
                    "integratedTerminal"));
            assertFalse(response.success());
            assertTrue(response.message().contains("supportsRunInTerminalRequest"), response.message());
        }
    }

    @Test
    void theIntegratedTerminalRunsTheJvmThroughTheClient() throws Exception {
        CompletableFuture<Process> started = new CompletableFuture<>();
        try (ServedJvm jvm = ServedJvm.open(client -> client.onRunInTerminal(request -> {
            try {
                ProcessBuilder builder = new ProcessBuilder(request.getArgs()).directory(Path.of(request.getCwd()).toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                Process process = builder.start();
                started.complete(process);
                RunInTerminalResponse response = new RunInTerminalResponse();
                response.setProcessId((int) process.pid());
                return response;
            } catch (IOException e) {
                started.completeExceptionally(e);
                throw new IllegalStateException(e);
            }
        }))) {
            jvm.initialize(true);
            jvm.launch(Samples.launch("Canonical", "console", "integratedTerminal"), "Canonical",
                    Samples.line("Canonical", "CALL"));
            StoppedEventArguments stop = jvm.stopped();
            assertEquals(Samples.line("Canonical", "CALL"), jvm.top(stop.getThreadId()).getLine());
            jvm.setBreakpoints(Samples.path("Canonical"));
            jvm.resume(stop.getThreadId());
            jvm.awaitTerminated(ServedJvm.TIMEOUT);
            Process process = started.get(10, TimeUnit.SECONDS);
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue());
        }
    }

    @Test
    void aNewerJdkRunsTheDebuggeeWhenJavaHomeSaysSo() {
        Assumptions.assumeTrue(Files.isExecutable(Samples.TEMURIN_25.resolve("bin/java")),
                "Temurin 25 is not installed at " + Samples.TEMURIN_25);
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Canonical", "javaHome", Samples.TEMURIN_25.toString()), "Canonical",
                    Samples.line("Canonical", "ADD_BODY"));
            StoppedEventArguments stop = jvm.stopped();
            assertEquals("Canonical.add(int, int)", jvm.top(stop.getThreadId()).getName());
            jvm.setBreakpoints(Samples.path("Canonical"));
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
        }
    }
}
