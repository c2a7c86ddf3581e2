package dev.dapkit.samples.cli;

import dev.dapkit.client.DapClient;
import dev.dapkit.server.DapServer;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dapkit demo}: starts a DAP server with the JVM target on a loopback port, connects
 * dapkit's client to it, and walks through a debug session of the bundled {@link BundledSample
 * sample program} ({@link DemoScript}), printing a transcript. Exits 0 when every step did what
 * it should.
 *
 * <p>Not thread-safe: picocli runs it once.
 */
@Command(name = "demo",
        description = {"Debug a bundled Java program with dapkit's client through dapkit's server (JVM target,"
                + " TCP loopback): breakpoint, stack, variables, evaluate, step, conditional breakpoint, exit.",
                "Prints each request and what came back."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "the longest the demo waits for any one step (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, not " + timeoutSeconds);
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Transcript transcript = new Transcript(spec.commandLine().getOut(), consoleCharset());
        try (BundledSample sample = BundledSample.extract();
                DapServer server = DapServer.builder().target("jvm").listen("tcp://127.0.0.1:0").build().start();
                DapClient client = DapClient.builder().uri(server.address()).requestTimeout(timeout).connect()) {
            transcript.note("dapkit demo: dapkit's client debugs " + BundledSample.MAIN_CLASS
                    + " through a dapkit server (target jvm) at " + server.address());
            transcript.note("source: " + sample.sourceFile());
            transcript.note("");
            new DemoScript(client, sample, transcript, timeout).run();
            transcript.note("");
            transcript.note("demo finished: breakpoint, stack, variables, evaluate, step, conditional breakpoint and"
                    + " exit, all over DAP.");
        } catch (IOException e) {
            throw new CommandFailure("the demo could not start: " + e.getMessage(), e);
        }
        return 0;
    }

    /** What the console shows: Java 17 names it only when standard output is a terminal. */
    private static Charset consoleCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Charset.defaultCharset();
        }
    }
}
