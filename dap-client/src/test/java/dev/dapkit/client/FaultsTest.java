package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.MalformedMessageException;
import dev.dapkit.model.ProtocolException;
import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.framing.FramingException;
import dev.dapkit.model.transport.StreamConnections;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What the client does when the adapter misbehaves: dies, sends garbage, answers what was never
 * asked, or closes the connection. Every open future must end, with a cause that says why.
 */
class FaultsTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anAdapterProcessThatDiesFailsOpenRequestsWithinASecondWithExitCodeAndStderr() throws Exception {
        DapClient client = DapClient.builder()
                .adapterProcess("/bin/sh", "-c", "head -c 1 > /dev/null; echo 'adapter: cannot import debugpy' >&2; exit 3")
                .connect();
        long start = System.nanoTime();
        CompletableFuture<ThreadsResponse> threads = client.server().threads();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> threads.get(1, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, failed.getCause());
        assertEquals(3, lost.exitCode());
        assertTrue(lost.stderrTail().contains("adapter: cannot import debugpy"), lost.stderrTail());
        String message = lost.getMessage();
        assertTrue(message.startsWith("the 'threads' request (seq 1) got no response: the connection to process "),
                message);
        assertTrue(message.contains("the adapter process exited with code 3; its standard error ends with:\n"
                + "adapter: cannot import debugpy"), message);
        assertTrue(millis < 1000, "took " + millis + " ms");
        client.closeFuture().get(10, TimeUnit.SECONDS);
        assertFalse(client.isOpen());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anAdapterWhoseChildKeepsItsOutputOpenStillFailsRequestsWithinASecond() throws Exception {
        // The background sleep inherits the adapter's stdout: no end of stream comes when the adapter exits.
        DapClient client = DapClient.builder()
                .adapterProcess("/bin/sh", "-c", "head -c 1 > /dev/null; sleep 5 2> /dev/null & exit 4")
                .connect();
        long start = System.nanoTime();
        CompletableFuture<ThreadsResponse> threads = client.server().threads();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> threads.get(1, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, failed.getCause());
        assertEquals(4, lost.exitCode());
        assertTrue(lost.getMessage().contains("wrote nothing to standard error"), lost.getMessage());
        assertTrue(millis < 1000, "took " + millis + " ms");
        client.close();
    }

    @Test
    void garbageClosesTheConnectionAndFailsRequestsWithTheDecodersError() throws Exception {
        try (PipedAdapter adapter = PipedAdapter.start(b -> b)) {
            CompletableFuture<ThreadsResponse> threads = adapter.client.server().threads();
            CompletableFuture<Event> stopped = adapter.client.awaitEvent("stopped", e -> true, DapClient.NO_TIMEOUT);
            adapter.writeRaw("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");

            ExecutionException failed = assertThrows(ExecutionException.class, () -> threads.get(10, TimeUnit.SECONDS));
            ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, failed.getCause());
            assertInstanceOf(FramingException.class, lost.getCause());
            assertTrue(lost.getMessage().startsWith("the 'threads' request (seq 1) got no response: the connection to"
                    + " piped adapter failed: "), lost.getMessage());
            ExecutionException waitFailed = assertThrows(ExecutionException.class, () -> stopped.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ConnectionLostException.class, waitFailed.getCause());
            assertTrue(waitFailed.getCause().getMessage().startsWith("no 'stopped' event matching the predicate arrived:"),
                    waitFailed.getCause().getMessage());
            ExecutionException ended = assertThrows(ExecutionException.class,
                    () -> adapter.client.closeFuture().get(10, TimeUnit.SECONDS).getClass());
            assertInstanceOf(ProtocolException.class, ended.getCause());
        }
    }

    @Test
    void aFrameThatIsNotJsonFailsRequestsWithTheMalformedMessageError() throws Exception {
        try (PipedAdapter adapter = PipedAdapter.start(b -> b)) {
            CompletableFuture<ThreadsResponse> threads = adapter.client.server().threads();
            adapter.writeRaw("Content-Length: 7\r\n\r\nnotjson");
            ExecutionException failed = assertThrows(ExecutionException.class, () -> threads.get(10, TimeUnit.SECONDS));
            assertInstanceOf(MalformedMessageException.class, failed.getCause().getCause());
        }
    }

    @Test
    void aRequestTooLargeToFrameFailsAloneAndTheConnectionStaysOpen() throws Exception {
        Pipe inbound = Pipe.open();
        Pipe outbound = Pipe.open();
        DapClient client = DapClient.builder().connection(StreamConnections.of(
                Channels.newInputStream(inbound.source()),
                Channels.newOutputStream(outbound.sink()), "small frames",
                FrameLimits.defaults().withMaxBodyBytes(100))).connect();
        try {
            CompletableFuture<Void> big = client.request("evaluate", Map.of("expression", "x".repeat(200)),
                    Void.class);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> big.get(10, TimeUnit.SECONDS));
            DapClientException error = assertInstanceOf(DapClientException.class, failed.getCause());
            assertTrue(error.getMessage().startsWith("the 'evaluate' request (seq 1) was not sent to small frames: "),
                    error.getMessage());
            assertInstanceOf(FramingException.class, error.getCause());
            assertTrue(client.isOpen());
        } finally {
            client.close();
        }
    }

    @Test
    void theConnectionClosingFailsEveryOpenRequestAndLaterOnes() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            List<CompletableFuture<ThreadsResponse>> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(f.client.server().threads());
                f.adapter.expectRequest("threads");
            }
            f.adapter.close();
            for (CompletableFuture<ThreadsResponse> future : open) {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
                ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, failed.getCause());
                assertTrue(lost.getMessage().endsWith("got no response: the connection to in-memory a closed"),
                        lost.getMessage());
            }
            f.client.closeFuture().get(10, TimeUnit.SECONDS);
            ExecutionException later = assertThrows(ExecutionException.class,
                    () -> f.client.server().threads().get(10, TimeUnit.SECONDS));
            assertEquals("cannot send a 'threads' request: the connection to in-memory a closed",
                    later.getCause().getMessage());
            ExecutionException laterWait = assertThrows(ExecutionException.class,
                    () -> f.client.awaitEvent("stopped", e -> true, Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(ConnectionLostException.class, laterWait.getCause());
        }
    }

    @Test
    void closingTheClientFailsOpenRequestsSayingSo() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            CompletableFuture<ThreadsResponse> threads = f.client.server().threads();
            f.adapter.expectRequest("threads");
            f.client.close();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> threads.get(10, TimeUnit.SECONDS));
            assertEquals("the 'threads' request (seq 1) got no response: the client was closed (connection in-memory a)",
                    failed.getCause().getMessage());
            f.client.closeFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
