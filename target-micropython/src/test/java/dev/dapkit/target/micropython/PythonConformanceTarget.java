package dev.dapkit.target.micropython;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.testkit.target.AttachableDebuggee;
import dev.dapkit.testkit.target.ConformanceProgram;
import dev.dapkit.testkit.target.ConformanceTarget;
import dev.dapkit.testkit.target.HostedServer;
import dev.dapkit.testkit.target.ServerHosting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The MicroPython target as the conformance suite runs it: the suite's programs in Python (see
 * {@link PythonPrograms}), run by a real interpreter with the agent, behind an in-memory server;
 * the client's copies live in another folder than the "device's", joined by {@code pathMappings}.
 * Not thread-safe: the test thread uses it.
 */
final class PythonConformanceTarget implements ConformanceTarget {

    private final ServerHosting hosting = ServerHosting.inMemory();
    private final Path root;
    private final PythonPrograms programs;
    private HostedServer server;

    PythonConformanceTarget(Interpreters.Kind kind) throws IOException {
        String python = Interpreters.path(kind);
        this.root = Files.createTempDirectory("dapkit-mpy-conformance");
        this.programs = new PythonPrograms(root, python, kind == Interpreters.Kind.CPYTHON);
    }

    @Override
    public ConformanceProgram program() {
        return programs.program();
    }

    @Override
    public DapConnection openSession() throws Exception {
        if (server == null) {
            server = hosting.host(new MicroPythonTargetProvider());
        }
        return server.connect();
    }

    @Override
    public Optional<AttachableDebuggee> startAttachable() throws Exception {
        ListeningProgram program = ListeningProgram.start(programs.python(), programs.device.resolve("looping.py"), root);
        try {
            return Optional.of(new Attachable(program, hosting.host(new MicroPythonTargetProvider()), programs));
        } catch (Exception | Error e) {
            program.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The looping program with its agent listening, and a server whose sessions attach to it. */
    private record Attachable(ListeningProgram program, HostedServer server, PythonPrograms programs)
            implements AttachableDebuggee {

        @Override
        public RawJson attachArguments() {
            return RawJson.from(Map.of("type", "python", "request", "attach", "justMyCode", false,
                    "connect", Map.of("host", "127.0.0.1", "port", program.port()),
                    "pathMappings", programs.pathMappings()));
        }

        @Override
        public DapConnection openSession() throws Exception {
            return server.connect();
        }

        @Override
        public boolean reattachable() {
            return true;
        }

        @Override
        public boolean isRunning() {
            return program.isRunning();
        }

        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                program.close();
            }
        }
    }
}
