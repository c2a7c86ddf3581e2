package dev.dapkit.testkit.target;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.testkit.fake.FakeProgram;
import dev.dapkit.testkit.fake.FakeSources;
import dev.dapkit.testkit.fake.FakeTargetProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fake target as the conformance suite runs it in this process, behind servers started by a
 * {@link ServerHosting} (in memory, TCP, ...): the programs of {@link FakeConformancePrograms},
 * with the client's copies in a temporary folder. Launch sessions get their sources from the
 * launch arguments alone; the attachable debuggee is the looping program, started in this process
 * and outliving the sessions that attach to it.
 *
 * <pre>{@code
 * class FakeTargetInMemoryConformanceTest extends TargetConformanceSuite {
 *     protected ConformanceTarget newTarget() throws IOException {
 *         return HostedFakeTarget.create(ServerHosting.inMemory());
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: the test thread uses it.
 */
public final class HostedFakeTarget implements ConformanceTarget {

    private final ServerHosting hosting;
    private final Path clientRoot;
    private final ConformanceProgram program;
    private HostedServer launchServer;

    private HostedFakeTarget(ServerHosting hosting, Path clientRoot) {
        this.hosting = hosting;
        this.clientRoot = clientRoot;
        this.program = FakeConformancePrograms.program(clientRoot);
    }

    /** A target whose servers {@code hosting} starts; the client's copies go to a new temporary folder. */
    public static HostedFakeTarget create(ServerHosting hosting) throws IOException {
        Path clientRoot = Files.createTempDirectory("dapkit-conformance-");
        FakeConformancePrograms.writeClientCopies(clientRoot);
        return new HostedFakeTarget(hosting, clientRoot);
    }

    @Override
    public ConformanceProgram program() {
        return program;
    }

    @Override
    public DapConnection openSession() throws Exception {
        if (launchServer == null) {
            // no sources of its own: a launch must bring the program's files
            launchServer = hosting.host(new FakeTargetProvider(FakeSources.of(Map.of())));
        }
        return launchServer.connect();
    }

    @Override
    public Optional<AttachableDebuggee> startAttachable() throws Exception {
        FakeProgram running = FakeConformancePrograms.startLooping();
        try {
            return Optional.of(new Attachable(running, hosting.host(new FakeTargetProvider(running)),
                    FakeConformancePrograms.attachArguments(clientRoot)));
        } catch (Exception | Error e) {
            running.terminate();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (launchServer != null) {
                launchServer.close();
            }
        } finally {
            deleteClientCopies();
        }
    }

    private void deleteClientCopies() throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(clientRoot)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** The looping program running in this process, and a server whose sessions attach to it. */
    private record Attachable(FakeProgram running, HostedServer server, RawJson attachArguments)
            implements AttachableDebuggee {

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
            return !running.exitCode().isDone();
        }

        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                running.terminate();
            }
        }

        @Override
        public String toString() {
            return running + " in this JVM, behind " + server;
        }
    }
}
