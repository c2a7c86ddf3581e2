package dev.dapkit.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument checking and failure reports of the command line, run in this JVM (only cases that end by themselves). */
class DapkitCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Properties savedProperties;

    @BeforeEach
    void saveSystemProperties() {
        // --verbose and --log-file set slf4j-simple's system properties; keep them out of later tests
        savedProperties = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreSystemProperties() {
        System.setProperties(savedProperties);
    }

    @Test
    void unknownTargetIsAUsageErrorNamingTheTargetsFound() {
        int exit = run("serve", "--target", "nope", "--listen", "tcp://127.0.0.1:0");

        assertEquals(2, exit, this::output);
        String line = onlyErrorLine();
        assertTrue(line.startsWith("dapkit serve: unknown target 'nope'"), line);
        assertTrue(line.contains("jvm") && line.contains("fake"), () -> "the known targets are not listed: " + line);
        assertEquals("", out.toString(), "nothing on stdout");
    }

    @Test
    void listenAddressWithoutSchemeIsAUsageError() {
        int exit = run("serve", "--target", "fake", "--listen", "4711");

        assertEquals(2, exit, this::output);
        String line = onlyErrorLine();
        assertTrue(line.contains("--listen 4711") && line.contains("has no scheme"), line);
    }

    @Test
    void listenAddressWithUnknownSchemeNamesTheSchemesThereAre() {
        int exit = run("serve", "--target", "fake", "--listen", "carrier-pigeon://loft:1");

        assertEquals(2, exit, this::output);
        String line = onlyErrorLine();
        assertTrue(line.contains("carrier-pigeon") && line.contains("tcp"), line);
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        int exit = run("serve", "--target", "fake", "--listen", "tcp://127.0.0.1:70000");

        assertEquals(2, exit, this::output);
        assertTrue(onlyErrorLine().contains("70000"), this::output);
    }

    @Test
    void portInUseFailsWithOneLineAndNoStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "tcp://127.0.0.1:" + taken.getLocalPort();

            int exit = run("serve", "--target", "fake", "--listen", address);

            assertEquals(CommandFailure.FAILED, exit, this::output);
            String line = onlyErrorLine();
            assertTrue(line.startsWith("dapkit serve: ") && line.contains(address), line);
            assertTrue(line.toLowerCase(java.util.Locale.ROOT).contains("in use"), line);
        }
    }

    @Test
    void verboseAddsTheStackTraceOfAFailure() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("serve", "--verbose", "--target", "fake", "--listen", "tcp://127.0.0.1:" + taken.getLocalPort());

            assertEquals(CommandFailure.FAILED, exit, this::output);
            assertTrue(err.toString().contains("\tat "), () -> "no stack trace with --verbose: " + output());
            assertEquals("debug", System.getProperty("org.slf4j.simpleLogger.log.dev.dapkit"), "dapkit's log level");
        }
    }

    @Test
    void stdioAndAnotherListenAddressAreRefused() {
        int exit = run("serve", "--stdio", "--listen", "tcp://127.0.0.1:0");

        assertEquals(2, exit, this::output);
        assertTrue(onlyErrorLine().contains("not both"), this::output);
    }

    @Test
    void noCommandIsAUsageError() {
        int exit = run();

        assertEquals(2, exit, this::output);
        assertTrue(onlyErrorLine().contains("serve or demo"), this::output);
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, run("debug-everything"), this::output);
        assertTrue(onlyErrorLine().contains("debug-everything"), this::output);
    }

    @Test
    void demoRefusesATimeoutBelowOneSecond() {
        assertEquals(2, run("demo", "--timeout", "0"), this::output);
        assertTrue(onlyErrorLine().contains("--timeout"), this::output);
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"), this::output);
        assertTrue(out.toString().contains("serve") && out.toString().contains("demo"), this::output);
    }

    private int run(String... args) {
        CommandLine commandLine = DapkitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String onlyErrorLine() {
        String text = err.toString().strip();
        assertFalse(text.isEmpty(), "nothing on stderr");
        assertEquals(1, text.lines().count(), () -> "more than one line on stderr:\n" + text);
        return text;
    }

    private String output() {
        return "stdout:\n" + out + "\nstderr:\n" + err;
    }
}
