package dev.dapkit.target.jvm;

import dev.dapkit.model.RawJson;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.testkit.target.AttachableDebuggee;
import dev.dapkit.testkit.target.ConformanceProgram;
import dev.dapkit.testkit.target.ConformanceProgram.Lines;
import dev.dapkit.testkit.target.ConformanceProgram.LoopingProgram;
import dev.dapkit.testkit.target.ConformanceProgram.RaisingProgram;
import dev.dapkit.testkit.target.ConformanceProgram.StructuredLocal;
import dev.dapkit.testkit.target.ConformanceProgram.ThreadsProgram;
import dev.dapkit.testkit.target.ConformanceTarget;
import dev.dapkit.testkit.target.HostedServer;
import dev.dapkit.testkit.target.ServerHosting;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM target as the conformance suite runs it: the Java versions of the suite's programs (the
 * samples {@code Canonical}, {@code Looping}, {@code Threads}, {@code Raising}), launched from the
 * test classes, behind an in-memory server. The client's files are the samples' real sources.
 * Not thread-safe: the test thread uses it.
 */
final class JvmConformanceTarget implements ConformanceTarget {

    private final ServerHosting hosting = ServerHosting.inMemory();
    private HostedServer server;

    @Override
    public ConformanceProgram program() {
        Lines lines = new Lines(Samples.line("Canonical", "ADD_DEF"), Samples.line("Canonical", "ADD_BODY"),
                Samples.line("Canonical", "ADD_RETURN"), Samples.line("Canonical", "LOOP"),
                Samples.line("Canonical", "CALL"), Samples.line("Canonical", "PRINT"));
        return ConformanceProgram.canonical(Samples.path("Canonical"), launch("Canonical"), lines)
                .withStructuredLocal(new StructuredLocal("items", List.of("10", "20", "30")))
                .withLooping(new LoopingProgram(Samples.path("Looping"), launch("Looping"),
                        Samples.line("Looping", "LOOP_BODY"), "count"))
                .withThreads(new ThreadsProgram(Samples.path("Threads"), launch("Threads"),
                        Samples.line("Threads", "WORKER")))
                .withRaising(new RaisingProgram(Samples.path("Raising"), launch("Raising"),
                        Samples.line("Raising", "RAISE"), "uncaught"));
    }

    private static RawJson launch(String sample) {
        return RawJson.from(Samples.launch(sample));
    }

    @Override
    public DapConnection openSession() throws Exception {
        if (server == null) {
            server = hosting.host(new JvmTargetProvider());
        }
        return server.connect();
    }

    @Override
    public Optional<AttachableDebuggee> startAttachable() throws Exception {
        ListeningJvm jvm = ListeningJvm.start("Looping");
        try {
            HostedServer attachServer = hosting.host(new JvmTargetProvider());
            return Optional.of(new Attachable(jvm, attachServer));
        } catch (Exception | Error e) {
            jvm.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The looping sample in a child JVM, and a server whose sessions attach to it. */
    private record Attachable(ListeningJvm jvm, HostedServer server) implements AttachableDebuggee {

        @Override
        public RawJson attachArguments() {
            return RawJson.from(Map.of("hostName", "127.0.0.1", "port", jvm.port(),
                    "sourcePaths", List.of(Samples.sourceRoot().toString())));
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
            return jvm.isRunning();
        }

        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                jvm.close();
            }
        }
    }
}
