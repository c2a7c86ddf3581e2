package dev.dapkit.testkit.target;

import dev.dapkit.model.transport.StreamConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.DebugSession;
import dev.dapkit.server.spi.TargetProvider;
import dev.dapkit.testkit.fake.FakeProgram;
import dev.dapkit.testkit.fake.FakeSources;
import dev.dapkit.testkit.fake.FakeTargetProvider;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A DAP server for the fake target on this process's standard input and output, for
 * {@link FakeTargetStdioConformanceTest}'s child JVM. With {@code launch} it serves one session that
 * launches programs from the launch arguments' sources, and exits when the session ends. With
 * {@code attach} it first starts {@link FakeConformancePrograms#LOOPING} without a debugger and
 * serves one session that attaches to it; the program runs on after the session, as a debuggee
 * process does, until the process is killed.
 */
public final class StdioFakeServerMain {

    private StdioFakeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        // stdout is the DAP channel: a stray print must not corrupt it (the connection writes to the real descriptor)
        System.setOut(System.err);
        boolean attach = args.length == 1 && args[0].equals("attach");
        if (!attach && !(args.length == 1 && args[0].equals("launch"))) {
            System.err.println("usage: StdioFakeServerMain launch|attach");
            System.exit(2);
        }
        FakeProgram running = attach ? FakeConformancePrograms.startLooping() : null;
        TargetProvider provider = attach ? new FakeTargetProvider(running) : new FakeTargetProvider(FakeSources.of(Map.of()));
        DapServer server = DapServer.builder().target(provider).build().start();
        DebugSession session = server.serve(StreamConnections.stdio());
        try {
            session.closeFuture().get();
        } catch (ExecutionException e) {
            System.err.println("the DAP session on stdio ended abnormally: " + e.getCause());
        }
        server.close();
        if (attach) {
            // the debuggee outlives its debugger
            running.exitCode().get();
        }
        System.exit(0);
    }
}
