package dev.dapkit.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * VS Code's own DAP test client ({@code DebugClient} from npm's
 * {@code @vscode/debugadapter-testsupport}, run by {@code src/test/vscode/breakpoint.test.js})
 * hits a breakpoint in a Java program through {@code dapkit serve --target jvm} running as a
 * child process. The node project is copied to {@code target/vscode-test} and installed there
 * with {@code npm ci} (once). Without node and npm, or without the npm registry, the test is
 * skipped locally and fails when {@code CI=true}.
 */
class VsCodeTestClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Path PROJECT = Path.of("src", "test", "vscode");
    private static final Path WORK = Path.of("target", "vscode-test");
    private static final Pattern LISTENING = Pattern.compile("listening at tcp://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void debugClientHitsABreakpointThroughDapkitServe() throws Exception {
        Path node = require("node", "nodejs");
        Path npm = require("npm", "npm");
        installTestClient(npm);

        try (BundledSample sample = BundledSample.extract();
                CliProcess cli = CliProcess.start("serve", "--target", "jvm", "--listen", "tcp://127.0.0.1:0")) {
            Matcher listening = LISTENING.matcher(cli.awaitLine(l -> LISTENING.matcher(l).find(), "bound address", TIMEOUT));
            assertTrue(listening.find());

            ProcessBuilder test = new ProcessBuilder(node.toString(), "breakpoint.test.js")
                    .directory(WORK.toFile()).redirectErrorStream(true);
            test.environment().putAll(Map.of(
                    "DAPKIT_PORT", listening.group(1),
                    "DAPKIT_MAIN_CLASS", BundledSample.MAIN_CLASS,
                    "DAPKIT_CLASSES", sample.classes().toString(),
                    "DAPKIT_SOURCES", sample.sources().toString(),
                    "DAPKIT_SOURCE_FILE", sample.sourceFile().toString(),
                    "DAPKIT_LINE", String.valueOf(sample.lineOf(DemoScript.LOOP_LINE)),
                    "DAPKIT_TIMEOUT_MS", String.valueOf(TIMEOUT.minusSeconds(10).toMillis())));
            Finished run = run(test);

            System.out.println("node breakpoint.test.js:\n" + run.output());
            assertEquals(0, run.exitCode(), () -> "VS Code's DebugClient failed against dapkit serve:\n" + run.output()
                    + "\ndapkit serve " + cli.describe());
            assertTrue(run.output().contains("PASS"), run::output);
            cli.awaitLine(l -> l.startsWith("debugger disconnected: "), "end of the session", TIMEOUT);
        }
    }

    /** Copies the node project to target/ and installs its locked dependencies there, once. */
    private static void installTestClient(Path npm) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "breakpoint.test.js")) {
            Files.copy(PROJECT.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules/@vscode/debugadapter-testsupport"))) {
            return;
        }
        Finished install = run(new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund")
                .directory(WORK.toFile()).redirectErrorStream(true));
        if (install.exitCode() != 0) {
            missing("npm ci could not install @vscode/debugadapter-testsupport (is the npm registry reachable?):\n"
                    + install.output());
        }
    }

    private record Finished(int exitCode, String output) {
    }

    private static Finished run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path log = Files.createTempFile("dapkit-vscode-", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(String.join(" ", builder.command()) + " did not finish within " + TIMEOUT.toSeconds() + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Finished(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path require(String command, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return missing(command + " is not installed; install the Debian package " + debianPackage);
    }

    private static <T> T missing(String message) {
        if ("true".equals(System.getenv("CI"))) {
            return fail(message + " (CI=true: a missing peer fails instead of skipping)");
        }
        Assumptions.abort(message);
        return null;
    }
}
