package dev.dapkit.model.internal.transport;

import static dev.dapkit.model.internal.transport.ConnectionChecks.completesNormally;
import static dev.dapkit.model.internal.transport.ConnectionChecks.ends;
import static dev.dapkit.model.internal.transport.ConnectionChecks.failsWith;
import static dev.dapkit.model.internal.transport.ConnectionChecks.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.MalformedMessageException;
import dev.dapkit.model.ProtocolException;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.framing.FrameDecoder;
import dev.dapkit.model.framing.FrameEncoder;
import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.framing.FramingException;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.StreamConnections;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stream connections over OS pipes ({@link Pipe}), whose close interrupts a blocked read. */
class StreamConnectionTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void messagesFlowBothWaysAndArriveOnTheReaderThread() throws Exception {
        StreamConnection[] ab = connectedPair();
        Inbox atA = new Inbox();
        Inbox atB = new Inbox();
        ab[0].start(atA);
        ab[1].start(atB);

        Request request = new Request(1, "launch", dev.dapkit.model.RawJson.parse("{\"port\":5005,\"x\":[1.50]}"),
                Map.of());
        completesNormally(ab[0].send(request));
        assertEquals(request, atB.next());
        assertEquals("dapkit-reader-pipe b", atB.nextThreadName());

        Response response = Response.success(request, Map.of("ok", true)).withSeq(1);
        completesNormally(ab[1].send(response));
        assertEquals(response, atA.next());
        assertEquals("dapkit-reader-pipe a", atA.nextThreadName());
        // each reader thread is its connection's own, so a receiver may work briefly on it
        assertTrue(ab[0].readsOnOwnThread() && ab[1].readsOnOwnThread());
    }

    @Test
    void concurrentSendersEachKeepTheirOrder() throws Exception {
        StreamConnection[] ab = connectedPair();
        ab[0].start(message -> { });
        ConnectionChecks.eachSenderKeepsItsOrder(ab[0], ab[1], 8, 250);
    }

    @Test
    void receiversSendingFromTheirCallbacksDoNotDeadlock() throws Exception {
        StreamConnection[] ab = connectedPair();
        // 200 pings of 8 KiB each way is about 3 MiB per direction against a 64 KiB pipe buffer.
        ConnectionChecks.receiversMaySendFromTheirCallbacks(ab[0], ab[1], 200, 8 * 1024);
    }

    @Test
    void localCloseCompletesNormallyStopsBothThreadsAndThePeerSeesAnOrderlyEnd() throws Exception {
        StreamConnection[] ab = connectedPair();
        Inbox atB = new Inbox();
        ab[0].start(message -> { });
        ab[1].start(atB);
        completesNormally(ab[0].send(Event.of("initialized", null)));
        atB.next();

        ab[0].close();
        ab[0].close();

        completesNormally(ab[0].closeFuture());
        completesNormally(ab[1].closeFuture());
        ends(ab[0].readerThread());
        ends(ab[0].writerThread());
        ends(ab[1].readerThread());
    }

    @Test
    void peerEndingTheStreamBetweenFramesClosesOrderlyAfterTheLastMessage() throws Exception {
        RawPeer peer = rawPeer();
        Inbox inbox = new Inbox();
        peer.connection.start(inbox);
        Event event = Event.of("terminated", null).withSeq(7);
        peer.write(frame(event));
        peer.endStream();

        assertEquals(event, inbox.next());
        completesNormally(peer.connection.closeFuture());
        ends(peer.connection.readerThread());
    }

    @Test
    void streamEndingInsideAFrameFailsWithFramingException() throws Exception {
        RawPeer peer = rawPeer();
        peer.connection.start(message -> { });
        peer.write("Content-Length: 40\r\n\r\n{\"seq\":1,".getBytes(StandardCharsets.US_ASCII));
        peer.endStream();

        failsWith(FramingException.class, peer.connection.closeFuture());
        ends(peer.connection.readerThread());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n",
        "Content-Length: -5\r\n\r\n",
        "Content-Length: 5\r\n\r\n[1,2]",
        "Content-Length: 9\r\n\r\n{\"seq\":1}",
    })
    void garbageFailsWithTheDecodersOwnException(String garbage) throws Exception {
        byte[] bytes = concat(frame(Event.of("before", null)), garbage.getBytes(StandardCharsets.US_ASCII));
        ProtocolException expected = assertThrows(ProtocolException.class,
                () -> new FrameDecoder().feed(bytes, 0, bytes.length, message -> { }));
        RawPeer peer = rawPeer();
        Inbox inbox = new Inbox();
        peer.connection.start(inbox);
        peer.write(bytes);

        assertEquals("before", ((Event) inbox.next()).event());
        Throwable cause = failure(peer.connection.closeFuture());
        assertSame(expected.getClass(), cause.getClass());
        assertEquals(expected.getMessage(), cause.getMessage());
        ends(peer.connection.readerThread());
    }

    @Test
    void aBodyThatIsNotADapMessageFailsWithMalformedMessageException() throws Exception {
        RawPeer peer = rawPeer();
        peer.connection.start(message -> { });
        peer.write("Content-Length: 2\r\n\r\n[]".getBytes(StandardCharsets.US_ASCII));

        failsWith(MalformedMessageException.class, peer.connection.closeFuture());
    }

    @Test
    void sendAfterCloseFailsWithConnectionClosedException() throws Exception {
        StreamConnection[] ab = connectedPair();
        ab[0].close();

        ConnectionClosedException e = failsWith(ConnectionClosedException.class,
                ab[0].send(Event.of("output", null)));
        assertTrue(e.getMessage().contains("pipe a"), e.getMessage());
    }

    @Test
    void closeFailsSendsThatAreStillQueuedBehindABlockedWrite() throws Exception {
        Pipe toPeer = Pipe.open();
        Pipe fromPeer = Pipe.open();
        StreamConnection connection = new StreamConnection(Channels.newInputStream(fromPeer.source()),
                Channels.newOutputStream(toPeer.sink()), "stuck", FrameLimits.defaults());
        toClose.add(fromPeer.sink());
        // Nobody reads toPeer: the first 1 MiB frame overfills any pipe buffer and the writer blocks for good.
        String padding = "y".repeat(1024 * 1024);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sends.add(connection.send(Event.of("output", Map.of("output", padding))));
        }
        connection.close();
        completesNormally(connection.closeFuture());

        int failed = 0;
        for (CompletableFuture<Void> send : sends.subList(1, sends.size())) {
            failsWith(ConnectionClosedException.class, send);
            failed++;
        }
        assertEquals(9, failed);
        // Closing the far end turns the blocked write into an error, which ends the writer thread.
        toPeer.source().close();
        failsWith(ConnectionClosedException.class, sends.get(0));
        ends(connection.writerThread());
    }

    @Test
    void aReceiverThatThrowsClosesTheConnectionWithItsException() throws Exception {
        RawPeer peer = rawPeer();
        IllegalStateException boom = new IllegalStateException("receiver bug");
        List<DapMessage> seen = new ArrayList<>();
        peer.connection.start(message -> {
            seen.add(message);
            throw boom;
        });
        byte[] two = concat(frame(Event.of("one", null)), frame(Event.of("two", null)));
        peer.write(two);

        assertSame(boom, failure(peer.connection.closeFuture()));
        ends(peer.connection.readerThread());
        assertEquals(1, seen.size(), "nothing is delivered after the receiver threw");
        ConnectionClosedException e = failsWith(ConnectionClosedException.class,
                peer.connection.send(Event.of("late", null)));
        assertSame(boom, e.getCause());
    }

    @Test
    void aReceiverMayCloseFromItsCallback() throws Exception {
        RawPeer peer = rawPeer();
        CountDownLatch delivered = new CountDownLatch(1);
        peer.connection.start(message -> {
            peer.connection.close();
            delivered.countDown();
        });
        peer.write(concat(frame(Event.of("one", null)), frame(Event.of("two", null))));

        assertTrue(delivered.await(10, TimeUnit.SECONDS));
        completesNormally(peer.connection.closeFuture());
        ends(peer.connection.readerThread());
    }

    @Test
    void aMessageTooLargeToFrameFailsItsSendAndLeavesTheConnectionOpen() throws Exception {
        Pipe pipe = Pipe.open();
        var connection = StreamConnections.of(Channels.newInputStream(pipe.source()),
                Channels.newOutputStream(pipe.sink()), "loop", FrameLimits.defaults().withMaxBodyBytes(100));
        toClose.add(connection);
        Inbox inbox = new Inbox();
        connection.start(inbox);

        assertInstanceOf(FramingException.class,
                failure(connection.send(Event.of("output", Map.of("output", "z".repeat(200))))));
        Event small = Event.of("small", null);
        completesNormally(connection.send(small));
        assertEquals(small, inbox.next());
    }

    @Test
    void startIsOnceOnlyAndAClosedConnectionStartsNoThread() throws Exception {
        StreamConnection[] ab = connectedPair();
        ab[0].start(message -> { });
        ConnectionChecks.startsOnce(ab[0]);

        ab[1].close();
        ab[1].start(message -> { });
        assertEquals(null, ab[1].readerThread());
        assertNotNull(ab[0].readerThread());
    }

    /** Two connections joined by two pipes, described as {@code pipe a} and {@code pipe b}. */
    private StreamConnection[] connectedPair() throws IOException {
        Pipe aToB = Pipe.open();
        Pipe bToA = Pipe.open();
        StreamConnection a = new StreamConnection(Channels.newInputStream(bToA.source()),
                Channels.newOutputStream(aToB.sink()), "pipe a", FrameLimits.defaults());
        StreamConnection b = new StreamConnection(Channels.newInputStream(aToB.source()),
                Channels.newOutputStream(bToA.sink()), "pipe b", FrameLimits.defaults());
        toClose.add(a);
        toClose.add(b);
        return new StreamConnection[] {a, b};
    }

    private RawPeer rawPeer() throws IOException {
        Pipe toConnection = Pipe.open();
        Pipe fromConnection = Pipe.open();
        StreamConnection connection = new StreamConnection(Channels.newInputStream(toConnection.source()),
                Channels.newOutputStream(fromConnection.sink()), "raw", FrameLimits.defaults());
        toClose.add(connection);
        toClose.add(fromConnection.source());
        RawPeer peer = new RawPeer(connection, Channels.newOutputStream(toConnection.sink()));
        toClose.add(peer.out);
        return peer;
    }

    /** A connection and the raw byte stream that feeds it. */
    private record RawPeer(StreamConnection connection, OutputStream out) {
        void write(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        void endStream() throws IOException {
            out.close();
        }
    }

    private static byte[] frame(DapMessage message) throws IOException {
        ByteBuffer frame = new FrameEncoder().encode(message);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
