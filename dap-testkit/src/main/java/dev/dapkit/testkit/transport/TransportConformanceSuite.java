package dev.dapkit.testkit.transport;

import static dev.dapkit.testkit.transport.BoundedWaits.allComplete;
import static dev.dapkit.testkit.transport.BoundedWaits.complete;
import static dev.dapkit.testkit.transport.BoundedWaits.everySendSettles;
import static dev.dapkit.testkit.transport.BoundedWaits.failsWithConnectionClosed;
import static dev.dapkit.testkit.transport.BoundedWaits.failure;
import static dev.dapkit.testkit.transport.BoundedWaits.settles;
import static dev.dapkit.testkit.transport.ValidMessages.checkAll;
import static dev.dapkit.testkit.transport.ValidMessages.largeOutput;
import static dev.dapkit.testkit.transport.ValidMessages.output;
import static dev.dapkit.testkit.transport.ValidMessages.threadsRequest;
import static dev.dapkit.testkit.transport.ValidMessages.threadsResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DapConnection} must do, written once and run by every transport (like grpc's
 * {@code AbstractTransportTest}). A transport's test extends this class and says how to make a
 * connected pair; the {@code @Test} methods here are the contract of {@link DapConnection}:
 * order, large messages, concurrent senders, receivers that answer from their callback, the close
 * rules, and the start rule.
 *
 * <pre>{@code
 * class TcpTransportConformanceTest extends TransportConformanceSuite {
 *     protected ConnectionPair newPair() throws Exception { ... }
 * }
 * }</pre>
 *
 * <p>Every message the suite sends or receives is checked against the DAP schema
 * ({@link dev.dapkit.testkit.DapSchemaValidator}): real {@code threads} requests and responses and
 * {@code output} events, with {@code seq} from 1. The large-message test sends a body of about
 * 10 MiB, so the pair must accept bodies of at least 11 MiB (the default limit is 16 MiB). Every
 * wait is bounded by {@link #WAIT}; nothing sleeps.
 *
 * <p>A new pair is made for each test, and both ends are closed after it, before
 * {@link #tearDownTransport()}.
 */
public abstract class TransportConformanceSuite {

    /** The longest any step of a test waits. */
    protected static final Duration WAIT = Duration.ofSeconds(30);

    private ConnectionPair pair;

    /** A new connected pair, neither end started. Called before each test. */
    protected abstract ConnectionPair newPair() throws Exception;

    /** Releases what {@link #newPair()} set up besides the two connections (a listening socket). */
    protected void tearDownTransport() throws Exception {
    }

    @BeforeEach
    public final void makePair() throws Exception {
        pair = Objects.requireNonNull(newPair(), "newPair() returned null");
    }

    @AfterEach
    public final void closePair() throws Exception {
        try {
            pair.client().close();
            pair.server().close();
        } finally {
            tearDownTransport();
        }
    }

    @Test
    public void messagesFlowBothWaysInSendOrder() throws Exception {
        Inbox atClient = new Inbox();
        Inbox atServer = new Inbox();
        client().start(atClient);
        server().start(atServer);
        List<DapMessage> requests = new ArrayList<>();
        List<DapMessage> events = new ArrayList<>();
        for (int seq = 1; seq <= 100; seq++) {
            requests.add(threadsRequest(seq));
            events.add(output(seq, "line " + seq + "\n", Map.of("n", seq)));
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sends.add(client().send(requests.get(i)));
            sends.add(server().send(events.get(i)));
        }
        allComplete(sends);
        assertEquals(requests, checked(atServer.await(100, WAIT)));
        assertEquals(events, checked(atClient.await(100, WAIT)));
    }

    @Test
    public void aLargeMessageArrivesIntactBothWays() throws Exception {
        Inbox atClient = new Inbox();
        Inbox atServer = new Inbox();
        client().start(atClient);
        server().start(atServer);
        Event large = largeOutput(1, 10 * 1024 * 1024);
        Event after = output(2, "after the large one\n", Map.of());
        allComplete(List.of(client().send(large), client().send(after), server().send(large), server().send(after)));
        assertEquals(List.of(large, after), checked(atServer.await(2, WAIT)));
        assertEquals(List.of(large, after), checked(atClient.await(2, WAIT)));
    }

    @Test
    public void concurrentSendersEachKeepTheirOrder() throws Exception {
        int senders = 8;
        int perSender = 250;
        Inbox atServer = new Inbox();
        client().start(message -> { });
        server().start(atServer);
        AtomicInteger seq = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done.add(finished);
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    List<CompletableFuture<Void>> mine = new ArrayList<>();
                    for (int n = 0; n < perSender; n++) {
                        mine.add(client().send(output(seq.incrementAndGet(), "sender " + sender + " line " + n + "\n",
                                Map.of("sender", sender, "n", n))));
                    }
                    CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
                        if (e == null) {
                            finished.complete(null);
                        } else {
                            finished.completeExceptionally(e);
                        }
                    });
                } catch (InterruptedException | RuntimeException | AssertionError e) {
                    finished.completeExceptionally(e);
                }
            }, "conformance-sender-" + s);
            thread.setDaemon(true);
            thread.start();
        }
        go.countDown();
        allComplete(done);
        List<DapMessage> received = checked(atServer.await(senders * perSender, WAIT));
        int[] next = new int[senders];
        for (DapMessage message : received) {
            var data = ((Event) message).body().tree().get("data");
            int sender = data.get("sender").asInt();
            assertEquals(next[sender], data.get("n").asInt(), "sender " + sender + "'s messages arrived out of order");
            next[sender]++;
        }
        for (int s = 0; s < senders; s++) {
            assertEquals(perSender, next[s], "messages of sender " + s);
        }
    }

    @Test
    public void receiversMayAnswerFromTheirCallbacks() throws Exception {
        int rounds = 1000;
        List<DapMessage> seenByServer = Collections.synchronizedList(new ArrayList<>());
        List<DapMessage> seenByClient = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> lastAnswer = new CompletableFuture<>();
        server().start(message -> {
            seenByServer.add(message);
            server().send(threadsResponse(((Request) message).seq(), (Request) message));
        });
        client().start(message -> {
            seenByClient.add(message);
            int answered = ((Response) message).requestSeq();
            if (answered == rounds) {
                lastAnswer.complete(null);
            } else {
                client().send(threadsRequest(answered + 1));
            }
        });
        client().send(threadsRequest(1));
        complete(lastAnswer, "the last of " + rounds + " ping-pong rounds");
        assertEquals(rounds, seenByServer.size());
        assertEquals(rounds, seenByClient.size());
        checkAll(List.copyOf(seenByServer));
        checkAll(List.copyOf(seenByClient));
    }

    @Test
    public void receiverIsCalledOnOneThreadThatIsNotTheSender() throws Exception {
        Inbox atServer = new Inbox();
        server().start(atServer);
        client().start(message -> { });
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int seq = 1; seq <= 20; seq++) {
            sends.add(client().send(threadsRequest(seq)));
        }
        allComplete(sends);
        checked(atServer.await(20, WAIT));
        assertEquals(1, atServer.threadNames().size(), "delivered on " + atServer.threadNames());
        assertFalse(atServer.threadNames().contains(Thread.currentThread().getName()));
    }

    @Test
    public void messagesSentBeforeTheReceiverStartsAreDelivered() throws Exception {
        client().start(message -> { });
        List<DapMessage> sent = new ArrayList<>();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int seq = 1; seq <= 5; seq++) {
            sent.add(threadsRequest(seq));
            sends.add(client().send(sent.get(seq - 1)));
        }
        allComplete(sends);
        Inbox atServer = new Inbox();
        server().start(atServer);
        assertEquals(sent, checked(atServer.await(5, WAIT)));
    }

    @Test
    public void closingOneEndClosesBothNormally() throws Exception {
        Inbox atClient = new Inbox();
        client().start(atClient);
        server().start(message -> { });
        complete(server().send(output(1, "hello\n", Map.of())), "a send");
        checked(atClient.await(1, WAIT));
        client().close();
        complete(client().closeFuture(), "the client's close future after close()");
        complete(server().closeFuture(), "the server's close future after the client closed");
    }

    @Test
    public void messagesSentBeforeAnOrderlyCloseArriveFirst() throws Exception {
        Inbox atServer = new Inbox();
        client().start(message -> { });
        server().start(atServer);
        List<DapMessage> sent = new ArrayList<>();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int seq = 1; seq <= 10; seq++) {
            sent.add(output(seq, "line " + seq + "\n", Map.of()));
            sends.add(client().send(sent.get(seq - 1)));
        }
        allComplete(sends);
        client().close();
        complete(server().closeFuture(), "the server's close future after the client closed");
        assertEquals(sent, checked(atServer.messages()));
    }

    @Test
    public void sendAfterCloseFailsWithConnectionClosedException() throws Exception {
        client().start(message -> { });
        server().start(message -> { });
        client().close();
        failsWithConnectionClosed(client().send(threadsRequest(1)), "a send after close()");
        complete(server().closeFuture(), "the server's close future after the client closed");
        failsWithConnectionClosed(server().send(output(1, "too late\n", Map.of())), "a send after the peer closed");
    }

    @Test
    public void pendingSendsCompleteOrFailWhenTheSenderCloses() throws Exception {
        client().start(message -> { });
        server().start(message -> { });
        List<CompletableFuture<Void>> sends = flood(client(), 200, 64 * 1024);
        client().close();
        everySendSettles(sends);
        complete(client().closeFuture(), "the client's close future after close()");
    }

    @Test
    public void pendingSendsCompleteOrFailWhenThePeerCloses() throws Exception {
        client().start(message -> { });
        server().start(message -> { });
        List<CompletableFuture<Void>> sends = flood(client(), 200, 64 * 1024);
        server().close();
        everySendSettles(sends);
        settles(client().closeFuture(), "the client's close future after the server closed");
    }

    @Test
    public void aThrowingReceiverClosesItsConnectionWithThatException() throws Exception {
        IllegalStateException thrown = new IllegalStateException("receiver failed on purpose");
        client().start(message -> { });
        server().start(message -> {
            throw thrown;
        });
        client().send(threadsRequest(1));
        assertSame(thrown, failure(server().closeFuture(), "the server's close future after its receiver threw"));
        complete(client().closeFuture(), "the client's close future after the server closed");
    }

    @Test
    public void aReceiverThatClosesItsConnectionIsNotCalledAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        client().start(message -> { });
        server().start(message -> {
            calls.incrementAndGet();
            server().close();
        });
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int seq = 1; seq <= 50; seq++) {
            sends.add(client().send(threadsRequest(seq)));
        }
        complete(server().closeFuture(), "the server's close future after its receiver closed it");
        everySendSettles(sends);
        settles(client().closeFuture(), "the client's close future after the server closed");
        assertEquals(1, calls.get(), "receiver calls after it closed its connection");
    }

    @Test
    public void startingTwiceThrowsIllegalStateException() {
        client().start(message -> { });
        server().start(message -> { });
        assertThrows(IllegalStateException.class, () -> client().start(message -> { }));
        assertThrows(IllegalStateException.class, () -> server().start(message -> { }));
    }

    @Test
    public void startingAClosedConnectionDeliversNothingAndDoesNotThrow() throws Exception {
        client().close();
        complete(client().closeFuture(), "the client's close future after close()");
        client().start(message -> fail("a closed connection delivered " + message));
        failsWithConnectionClosed(client().send(threadsRequest(1)), "a send on a closed connection");
    }

    @Test
    public void closeFutureIsACopyThatCallersCannotComplete() {
        client().closeFuture().complete(null);
        client().closeFuture().cancel(true);
        assertFalse(client().closeFuture().isDone(), "completing a returned close future closed the connection");
    }

    @Test
    public void bothEndsHaveADescription() {
        assertFalse(client().description().isBlank(), "the client end's description is blank");
        assertFalse(server().description().isBlank(), "the server end's description is blank");
    }

    private DapConnection client() {
        return pair.client();
    }

    private DapConnection server() {
        return pair.server();
    }

    /** Sends {@code count} output events of about {@code bytes} each, from this thread, without waiting. */
    private static List<CompletableFuture<Void>> flood(DapConnection from, int count, int bytes) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            sends.add(from.send(largeOutput(seq, bytes)));
        }
        return sends;
    }

    private static List<DapMessage> checked(List<DapMessage> received) {
        checkAll(received);
        return received;
    }
}
