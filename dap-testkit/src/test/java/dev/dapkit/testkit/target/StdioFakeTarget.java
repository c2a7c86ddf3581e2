package dev.dapkit.testkit.target;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.ProcessConnection;
import dev.dapkit.model.transport.StreamConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake target behind a DAP server in a child JVM ({@link StdioFakeServerMain}), reached over the
 * child's standard streams: one child per session, since stdio carries one session. The child runs
 * with this JVM's class path; its logger writes to standard error, which is kept for diagnostics.
 *
 * <p>Not thread-safe: the test thread uses it.
 */
final class StdioFakeTarget implements ConformanceTarget {

    private static final Logger LOG = LoggerFactory.getLogger(StdioFakeTarget.class);
    private static final long EXIT_WAIT_SECONDS = 10;

    private final Path clientRoot;
    private final ConformanceProgram program;
    private final List<ProcessConnection> children = new ArrayList<>();

    private StdioFakeTarget(Path clientRoot) {
        this.clientRoot = clientRoot;
        this.program = FakeConformancePrograms.program(clientRoot);
    }

    static StdioFakeTarget create() throws IOException {
        Path clientRoot = Files.createTempDirectory("dapkit-conformance-stdio-");
        FakeConformancePrograms.writeClientCopies(clientRoot);
        return new StdioFakeTarget(clientRoot);
    }

    @Override
    public ConformanceProgram program() {
        return program;
    }

    @Override
    public DapConnection openSession() throws IOException {
        ProcessConnection child = startChild("launch");
        children.add(child);
        return child;
    }

    @Override
    public Optional<AttachableDebuggee> startAttachable() throws IOException {
        return Optional.of(new StdioDebuggee(startChild("attach"), FakeConformancePrograms.attachArguments(clientRoot)));
    }

    private ProcessConnection startChild(String mode) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(),
                "-cp", System.getProperty("java.class.path"),
                // stdout is the DAP channel: the logger and the JVM's own warnings (stdout by default) go to stderr
                "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-XX:+DisplayVMOutputToStderr",
                // a short-lived server: start fast, use little of the shared CPU
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                StdioFakeServerMain.class.getName(), mode)
                .start();
        return StreamConnections.forProcess(process);
    }

    @Override
    public void close() throws Exception {
        try {
            for (ProcessConnection child : children) {
                end(child);
            }
        } finally {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(clientRoot)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Closes the child's stdin, which ends a launch server; kills what does not end by itself. */
    private static void end(ProcessConnection child) throws InterruptedException {
        child.close();
        Process process = child.process();
        if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } else if (process.exitValue() != 0) {
            LOG.warn("the stdio server {} exited with {}; its stderr ends with:\n{}", process.pid(), process.exitValue(),
                    child.stderrTail());
        }
    }

    /** The looping program in an attach-mode child: its stdio carries one session. The suite closes it. */
    private static final class StdioDebuggee implements AttachableDebuggee {

        private final ProcessConnection child;
        private final RawJson attachArguments;
        private boolean opened;

        StdioDebuggee(ProcessConnection child, RawJson attachArguments) {
            this.child = child;
            this.attachArguments = attachArguments;
        }

        @Override
        public RawJson attachArguments() {
            return attachArguments;
        }

        @Override
        public DapConnection openSession() {
            if (opened) {
                throw new IllegalStateException("the child JVM " + child.process().pid() + " serves one session on its"
                        + " stdio, and it was opened already");
            }
            opened = true;
            return child;
        }

        @Override
        public boolean reattachable() {
            return false;
        }

        @Override
        public boolean isRunning() {
            return child.process().isAlive();
        }

        @Override
        public void close() throws InterruptedException {
            child.close();
            child.process().destroyForcibly();
            child.process().waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public String toString() {
            return "the looping program in child JVM " + child.process().pid() + ", whose stdio carries one session";
        }
    }
}
