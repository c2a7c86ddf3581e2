package dev.dapkit.model.internal.transport;

import static dev.dapkit.model.internal.transport.ConnectionChecks.completesNormally;
import static dev.dapkit.model.internal.transport.ConnectionChecks.ends;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.transport.ProcessConnection;
import dev.dapkit.model.transport.StreamConnections;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connections to real child processes: {@code cat} echoes every frame back. */
class ChildProcessConnectionTest {

    private Process process;

    @BeforeAll
    static void needsAPosixShell() {
        assumeTrue(new File("/bin/sh").canExecute(), "needs /bin/sh and cat");
    }

    @AfterEach
    void stopProcess() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void catEchoesEveryMessageBackAndExitsWhenTheConnectionCloses() throws Exception {
        ProcessConnection connection = StreamConnections.forProcess(start("cat"));
        assertEquals("process " + process.pid() + " (cat)", connection.description());
        Inbox inbox = new Inbox();
        connection.start(inbox);

        List<DapMessage> sent = List.of(
                new Request(1, "launch", RawJson.parse("{\"port\":5005,\"big\":12345678901234567890}"), Map.of()),
                Event.of("output", Map.of("output", "héllo ✓\n")).withSeq(2),
                new Request(3, "disconnect", null, Map.of("extra", RawJson.parse("[true]"))));
        for (DapMessage message : sent) {
            connection.send(message);
        }
        for (DapMessage message : sent) {
            assertEquals(message, inbox.next());
        }

        connection.close();
        completesNormally(connection.closeFuture());
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "cat did not exit after its stdin closed");
        ends(((ChildProcessConnection) connection).streamConnection().readerThread());
    }

    @Test
    void aProcessThatExitsEndsTheConnectionOrderly() throws Exception {
        ProcessConnection connection = StreamConnections.forProcess(start("sh", "-c", "exit 3"));
        connection.start(message -> { });

        completesNormally(connection.closeFuture());
        assertEquals(3, process.waitFor());
    }

    @Test
    void stderrIsKeptForDiagnostics() throws Exception {
        ProcessConnection connection = StreamConnections.forProcess(start("sh", "-c", "echo oops >&2; exec cat"));
        connection.start(message -> { });
        connection.close();

        completesNormally(connection.stderrEnded());
        assertEquals("oops\n", connection.stderrTail());
        assertEquals(process, connection.process());
    }

    @Test
    void stderrKeepsOnlyTheLastBytes() throws Exception {
        ProcessConnection connection = StreamConnections.forProcess(
                start("sh", "-c", "printf 0123456789abcdef >&2; printf XYZ >&2"), 16);
        connection.start(message -> { });

        completesNormally(connection.stderrEnded());
        assertEquals("3456789abcdefXYZ", connection.stderrTail());
    }

    private Process start(String... command) throws IOException {
        process = new ProcessBuilder(command).start();
        return process;
    }
}
