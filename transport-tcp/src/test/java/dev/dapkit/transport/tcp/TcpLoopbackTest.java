package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.framing.FrameEncoder;
import dev.dapkit.model.framing.FramingException;
import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.DapTransports;
import java.io.InputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Servers and clients on real loopback sockets. */
class TcpLoopbackTest {

    private static final long WAIT_SECONDS = 30;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    /** A started server on a free loopback port. */
    private TcpServerTransport server(TcpServerTransport.Builder builder, CompletableFuture<DapConnection> accepted)
            throws Exception {
        TcpServerTransport server = closeLater(builder.build());
        server.start(connection -> {
            closeLater(connection);
            accepted.complete(connection);
        });
        return server;
    }

    private DapConnection connect(URI address) throws Exception {
        return closeLater(TcpClientTransport.builder().address(address.getHost(), address.getPort()).build()
                .connect().get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Request threads(int seq) {
        return new Request(seq, "threads", null, Map.of());
    }

    private static Event output(int seq, String text) {
        return new Event(seq, "output", RawJson.from(Map.of("category", "stdout", "output", text)), Map.of());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean completesWithin(CompletableFuture<?> future, Duration wait) throws Exception {
        try {
            future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return fail("not completed within " + WAIT_SECONDS + " s");
        }
        return fail("completed normally; a failure was expected");
    }

    /** Sends one message each way over a started pair. */
    private static void exchange(DapConnection client, DapConnection server) throws Exception {
        BlockingQueue<DapMessage> atServer = new LinkedBlockingQueue<>();
        BlockingQueue<DapMessage> atClient = new LinkedBlockingQueue<>();
        server.start(atServer::add);
        client.start(atClient::add);
        await(client.send(threads(1)));
        assertEquals(threads(1), atServer.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        await(server.send(output(1, "hi\n")));
        assertEquals(output(1, "hi\n"), atClient.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aServerListensOnLoopbackAndReportsTheFreePortItGot() throws Exception {
        TcpServerTransport server = closeLater(TcpServerTransport.builder().build());
        URI address = server.address();
        assertEquals("tcp", address.getScheme());
        assertEquals("127.0.0.1", address.getHost());
        assertTrue(address.getPort() > 0, "port " + address.getPort());
        assertEquals(URI.create("tcp://127.0.0.1:" + address.getPort()), address);
    }

    @Test
    void messagesFlowBetweenAClientAndTheConnectionTheServerAccepted() throws Exception {
        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        TcpServerTransport server = server(TcpServerTransport.builder(), accepted);
        DapConnection client = connect(server.address());
        DapConnection served = await(accepted);
        assertEquals(server.address().toString(), client.description());
        assertTrue(served.description().startsWith("tcp://127.0.0.1:"), served.description());
        exchange(client, served);
    }

    @Test
    void fiftyClientsAtOnceEachGetAllTheirAnswersInOrder() throws Exception {
        int clients = 50;
        int perClient = 100;
        AtomicInteger served = new AtomicInteger();
        TcpServerTransport server = closeLater(TcpServerTransport.builder().build());
        server.start(connection -> {
            closeLater(connection);
            connection.start(message -> {
                served.incrementAndGet();
                Request request = (Request) message;
                connection.send(Response.success(request, Map.of("threads", List.of())).withSeq(request.seq()));
            });
        });
        TcpClientTransport transport = TcpClientTransport.builder()
                .address("127.0.0.1", server.address().getPort()).build();
        List<CompletableFuture<DapConnection>> connecting = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connecting.add(transport.connect());
        }
        List<CompletableFuture<List<Integer>>> answers = new ArrayList<>();
        for (CompletableFuture<DapConnection> future : connecting) {
            DapConnection client = closeLater(await(future));
            List<Integer> answered = new CopyOnWriteArrayList<>();
            CompletableFuture<List<Integer>> all = new CompletableFuture<>();
            answers.add(all);
            client.start(message -> {
                answered.add(((Response) message).requestSeq());
                if (answered.size() == perClient) {
                    all.complete(answered);
                }
            });
            for (int seq = 1; seq <= perClient; seq++) {
                client.send(threads(seq));
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int seq = 1; seq <= perClient; seq++) {
            expected.add(seq);
        }
        for (int c = 0; c < clients; c++) {
            assertEquals(expected, await(answers.get(c)), "answers of client " + c);
        }
        assertEquals(clients * perClient, served.get());
    }

    @Test
    void aPeerThatVanishesMidFrameFailsTheConnectionWithWhereTheFrameStopped() throws Exception {
        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        TcpServerTransport server = server(TcpServerTransport.builder(), accepted);
        ByteBuffer frame = new FrameEncoder().encode(output(1, "x".repeat(200)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            await(accepted).start(message -> { });
            socket.getOutputStream().write(frame.array(), frame.position(), frame.remaining() / 2);
            socket.getOutputStream().flush();
        }
        FramingException error = assertInstanceOf(FramingException.class, failure(await(accepted).closeFuture()));
        assertTrue(error.getMessage().startsWith("stream ended at stream offset " + frame.remaining() / 2),
                error.getMessage());
        assertTrue(error.getMessage().contains(" body bytes (frame at stream offset 0)"), error.getMessage());
    }

    @Test
    void aPeerThatStallsMidFrameIsDisconnectedAfterThePartialFrameTimeout() throws Exception {
        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        TcpServerTransport server = server(TcpServerTransport.builder().partialFrameTimeout(Duration.ofMillis(300)),
                accepted);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            await(accepted).start(message -> { });
            socket.getOutputStream().write("Content-Length: 40\r\n\r\n{\"seq\":1,".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            FramingException error = assertInstanceOf(FramingException.class, failure(await(accepted).closeFuture()));
            assertTrue(error.getMessage().startsWith("no complete frame within 300 ms from tcp://127.0.0.1:"),
                    error.getMessage());
            assertTrue(error.getMessage().endsWith(": 9 of 40 body bytes received (frame at stream offset 0)"),
                    error.getMessage());
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            InputStream in = socket.getInputStream();
            assertEquals(-1, in.read(), "the server closed the socket");
        }
    }

    @Test
    void aClientRetriesUntilTheServerStartsListening() throws Exception {
        int port = freePort();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch twoRefusals = new CountDownLatch(2);
        CompletableFuture<DapConnection> connecting = TcpClientTransport.builder()
                .address("127.0.0.1", port)
                .retry(ConnectRetry.attempts(1000, Duration.ofMillis(10), Duration.ofMillis(50)))
                .onAttemptFailed((attempt, cause, nextDelay) -> {
                    failures.add(cause);
                    twoRefusals.countDown();
                })
                .build()
                .connect();
        assertTrue(twoRefusals.await(WAIT_SECONDS, TimeUnit.SECONDS), "the first attempts were not refused");
        assertFalse(connecting.isDone(), "gave up or connected while nothing listened");

        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        server(TcpServerTransport.builder().bind("127.0.0.1", port), accepted);
        DapConnection client = closeLater(await(connecting));
        exchange(client, await(accepted));
        for (Throwable refusal : failures) {
            assertInstanceOf(ConnectException.class, refusal);
        }
    }

    @Test
    void aClientGivesUpAfterItsAttemptsWithAnErrorThatSaysWhatItTried() throws Exception {
        int port = freePort();
        AtomicInteger reported = new AtomicInteger();
        CompletableFuture<DapConnection> connecting = TcpClientTransport.builder()
                .address("127.0.0.1", port)
                .retry(ConnectRetry.attempts(3, Duration.ofMillis(10), Duration.ofMillis(20)))
                .onAttemptFailed((attempt, cause, nextDelay) -> reported.incrementAndGet())
                .build()
                .connect();
        ConnectException error = assertInstanceOf(ConnectException.class, failure(connecting));
        String text = error.getMessage();
        assertTrue(text.startsWith("cannot connect to tcp://127.0.0.1:" + port + ": 3 attempts in "), text);
        assertTrue(text.contains("(retry: up to 3 attempts, waiting 10 ms doubling to 20 ms); the last with: "), text);
        assertTrue(text.contains("refused"), text);
        assertInstanceOf(ConnectException.class, error.getCause());
        assertEquals(2, reported.get(), "failed attempts reported before the last");
    }

    @Test
    void withoutRetryOneRefusalFailsTheConnect() throws Exception {
        int port = freePort();
        CompletableFuture<DapConnection> connecting = TcpClientTransport.builder().address("127.0.0.1", port).build()
                .connect();
        ConnectException error = assertInstanceOf(ConnectException.class, failure(connecting));
        assertTrue(error.getMessage().startsWith("cannot connect to tcp://127.0.0.1:" + port
                + " (one attempt, no retry configured): "), error.getMessage());
    }

    @Test
    void aDeadlineBoundsTheAttempts() throws Exception {
        int port = freePort();
        CompletableFuture<DapConnection> connecting = TcpClientTransport.builder()
                .address("127.0.0.1", port)
                .retry(ConnectRetry.within(Duration.ofMillis(300), Duration.ofMillis(20), Duration.ofMillis(50)))
                .build()
                .connect();
        ConnectException error = assertInstanceOf(ConnectException.class, failure(connecting));
        assertTrue(error.getMessage().contains("(retry: attempts for 300 ms, waiting 20 ms doubling to 50 ms)"),
                error.getMessage());
    }

    @Test
    void dapTransportsFindsTheTcpProviderForConnectingAndListening() throws Exception {
        assertTrue(DapTransports.availableSchemes().contains("tcp"), DapTransports.availableSchemes().toString());
        ConnectionSource source = closeLater(DapTransports.listen("tcp://127.0.0.1:0"));
        assertInstanceOf(TcpServerTransport.class, source);
        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        source.start(connection -> accepted.complete(closeLater(connection)));
        int port = source.address().getPort();
        DapConnection client = closeLater(DapTransports.connect(URI.create("tcp://127.0.0.1:" + port)));
        exchange(client, await(accepted));
    }

    @Test
    void closingTheServerKeepsTheConnectionsItHandedOver() throws Exception {
        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        TcpServerTransport server = server(TcpServerTransport.builder(), accepted);
        DapConnection client = connect(server.address());
        DapConnection served = await(accepted);
        server.close();
        await(server.closeFuture());
        exchange(client, served);
        CompletableFuture<DapConnection> refused = TcpClientTransport.builder()
                .address("127.0.0.1", server.address().getPort()).build().connect();
        assertInstanceOf(ConnectException.class, failure(refused));
    }

    @Test
    void aServerStartsOnceAndNotAfterClose() throws Exception {
        TcpServerTransport server = closeLater(TcpServerTransport.builder().build());
        server.start(connection -> { });
        assertThrows(IllegalStateException.class, () -> server.start(connection -> { }));
        TcpServerTransport closed = closeLater(TcpServerTransport.builder().build());
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.start(connection -> { }));
    }

    @Test
    void bindingAPortInUseFailsNamingTheAddress() throws Exception {
        TcpServerTransport first = closeLater(TcpServerTransport.builder().build());
        int port = first.address().getPort();
        BindException error = assertThrows(BindException.class,
                () -> closeLater(TcpServerTransport.builder().bind("127.0.0.1", port).build()));
        assertTrue(error.getMessage().startsWith("cannot listen on tcp://127.0.0.1:" + port + ": "), error.getMessage());
    }

    @Test
    void aConnectionHandlerThatThrowsGetsItsConnectionClosed() throws Exception {
        TcpServerTransport server = closeLater(TcpServerTransport.builder().build());
        server.start(connection -> {
            throw new IllegalStateException("handler failed on purpose");
        });
        DapConnection client = connect(server.address());
        client.start(message -> { });
        await(client.closeFuture());
    }

    @Test
    void aPeerThatDoesNotReadFillsTheWriteQueueAndThenSendsFailWhileTheConnectionStaysOpen() throws Exception {
        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        TcpServerTransport server = server(TcpServerTransport.builder(), accepted);
        long bound = 1024 * 1024;
        DapConnection client = closeLater(TcpClientTransport.builder()
                .address("127.0.0.1", server.address().getPort())
                .maxQueuedWriteBytes(bound)
                .build().connect().get(WAIT_SECONDS, TimeUnit.SECONDS));
        DapConnection served = await(accepted); // not started: it reads nothing
        Event chunk = output(1, "w".repeat(64 * 1024));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        WriteQueueFullException full = null;
        CompletableFuture<Void> stuck = null;
        // Send as fast as the queue allows; when it is full, wait a little for the oldest pending
        // send. The socket buffers take some megabytes; after that nothing moves, because the peer
        // reads nothing, and the oldest send stays pending.
        for (int i = 0; i < 4000 && stuck == null; i++) {
            CompletableFuture<Void> send = client.send(chunk);
            if (!send.isCompletedExceptionally()) {
                sends.add(send);
                continue;
            }
            full = assertInstanceOf(WriteQueueFullException.class, failure(send));
            assertEquals(bound, full.limitBytes());
            assertTrue(full.queuedBytes() <= bound, "queued " + full.queuedBytes() + " past the bound " + bound);
            CompletableFuture<Void> oldest = sends.stream().filter(f -> !f.isDone()).findFirst().orElse(null);
            if (oldest != null && !completesWithin(oldest, Duration.ofMillis(300))) {
                stuck = oldest;
            }
        }
        assertNotNull(full, "4000 sends of 64 KiB were all queued for a peer that reads nothing");
        assertNotNull(stuck, "sends kept completing although the peer reads nothing");
        assertFalse(client.closeFuture().isDone(), "a full write queue closed the connection");

        CountDownLatch arrived = new CountDownLatch(sends.size() + 1);
        served.start(message -> arrived.countDown());
        await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
        await(client.send(chunk)); // room again once the peer reads
        assertTrue(arrived.await(WAIT_SECONDS, TimeUnit.SECONDS),
                arrived.getCount() + " of " + (sends.size() + 1) + " accepted messages did not arrive");
    }
}
