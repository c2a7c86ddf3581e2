package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.junit.jupiter.api.Test;

/** Attaching, detaching and attaching again; a JVM nobody listens for; debuggees that die under the debugger. */
class JvmAttachTest {

    @Test
    void attachStopDetachAndAttachAgainWhileTheJvmRunsOn() throws Exception {
        int loop = Samples.line("Looping", "LOOP_BODY");
        try (ListeningJvm looping = ListeningJvm.start("Looping")) {
            long previous = -1;
            for (int round = 1; round <= 3; round++) {
                int r = round;
                try (ServedJvm jvm = ServedJvm.open()) {
                    jvm.start("attach", attachArguments(looping.port()), () -> {
                        org.eclipse.lsp4j.debug.Breakpoint placed = jvm.setBreakpoints(Samples.path("Looping"), loop)[0];
                        assertTrue(placed.isVerified(), "round " + r + ": " + placed.getMessage());
                    });
                    StoppedEventArguments stop = jvm.stopped();
                    assertEquals(StoppedEventArgumentsReason.BREAKPOINT, stop.getReason());
                    assertEquals(loop, jvm.top(stop.getThreadId()).getLine());
                    long count = count(jvm, stop.getThreadId());
                    assertTrue(count > previous, "round " + round + ": count grew from " + previous + " to " + count);
                    previous = count;
                    Response detached = jvm.disconnect(false);
                    assertTrue(detached.success(), detached.message());
                    assertEquals(0, jvm.count("exited"));
                }
                assertTrue(looping.isRunning(), "the JVM runs on after round " + round);
            }
        }
    }

    @Test
    void attachingWhereNothingListensSaysHowToStartTheJvm() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.initialize(false);
            Map<String, Object> arguments = new java.util.HashMap<>(attachArguments(port));
            arguments.put("timeout", 300);
            Response response = jvm.requestResponse("attach", arguments);
            assertFalse(response.success());
            assertTrue(response.message().contains("nothing listens on 127.0.0.1:" + port)
                    && response.message().contains("-agentlib:jdwp=transport=dt_socket,server=y,address=" + port),
                    response.message());
        }
    }

    @Test
    void anAttachedJvmThatIsKilledEndsTheSession() throws Exception {
        try (ListeningJvm looping = ListeningJvm.start("Looping"); ServedJvm jvm = ServedJvm.open()) {
            jvm.start("attach", attachArguments(looping.port()), () -> { });
            looping.process().destroyForcibly();
            jvm.awaitTerminated(Duration.ofSeconds(5));
        }
    }

    @Test
    void aLaunchedJvmKilledWhileStoppedReportsItsExitAndRequestsFailCleanly() throws Exception {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Canonical"), "Canonical", Samples.line("Canonical", "CALL"));
            StoppedEventArguments stop = jvm.stopped();
            long pid = jvm.client.awaitEvent(org.eclipse.lsp4j.debug.ProcessEventArguments.class, p -> true,
                    ServedJvm.TIMEOUT).getSystemProcessId();
            assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
            assertEquals(137, jvm.awaitExit(), "killed by SIGKILL");
            StackTraceArguments arguments = new StackTraceArguments();
            arguments.setThreadId(stop.getThreadId());
            Response late = jvm.requestResponse("stackTrace", arguments);
            assertFalse(late.success(), "a request after the JVM died fails");
            assertFalse(late.message() == null || late.message().isBlank());
        }
    }

    private static Map<String, Object> attachArguments(int port) {
        return Map.of("hostName", "127.0.0.1", "port", port, "sourcePaths", List.of(Samples.sourceRoot().toString()));
    }

    private static long count(ServedJvm jvm, int threadId) {
        List<Scope> scopes = jvm.scopes(jvm.top(threadId).getId());
        Scope statics = scopes.stream().filter(s -> s.getName().startsWith("Static")).findFirst().orElseThrow();
        return Long.parseLong(jvm.variables(statics.getVariablesReference()).get("count").getValue());
    }
}
