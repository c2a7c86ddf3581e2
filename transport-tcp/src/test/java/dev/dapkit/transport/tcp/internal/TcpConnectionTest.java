package dev.dapkit.transport.tcp.internal;

import static dev.dapkit.transport.tcp.internal.Frames.ascii;
import static dev.dapkit.transport.tcp.internal.Frames.buf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.framing.FrameDecoder;
import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.framing.FramingException;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.NonBlockingReceiver;
import dev.dapkit.transport.tcp.WriteQueueFullException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection over an {@link EmbeddedChannel}: writes wait in the channel's task queue until the
 * test runs it, which makes the write bound and the close rules deterministic to test.
 */
class TcpConnectionTest {

    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<TcpConnection> connections = new ArrayList<>();

    @AfterEach
    void closeAll() {
        connections.forEach(TcpConnection::close);
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    private TcpConnection connection(EmbeddedChannel channel, long maxQueuedWriteBytes) {
        channels.add(channel);
        TcpConnection connection = TcpConnection.over(channel, "embedded peer",
                new ConnectionSettings(FrameLimits.defaults(), Duration.ofSeconds(30), maxQueuedWriteBytes));
        connections.add(connection);
        return connection;
    }

    private TcpConnection connection() {
        return connection(new EmbeddedChannel(), ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
    }

    /** The messages written to {@code channel}, decoded. */
    private static List<DapMessage> written(EmbeddedChannel channel) throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        List<DapMessage> messages = new ArrayList<>();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            try {
                decoder.feed(out.nioBuffer(), messages::add);
            } finally {
                out.release();
            }
        }
        return messages;
    }

    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return fail("the future did not complete within 10 s");
        }
        return fail("the future completed normally; a failure was expected");
    }

    @Test
    void sendsAreWrittenInCallOrderAndCompleteOnceWritten() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        List<DapMessage> sent = List.of(Frames.request(1), Frames.output(2, "two\n"), Frames.request(3));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        sent.forEach(m -> sends.add(connection.send(m)));
        assertTrue(sends.stream().noneMatch(CompletableFuture::isDone), "completed before the event loop wrote");
        assertTrue(connection.queuedWriteBytes() > 0);

        channel.runPendingTasks();
        assertTrue(sends.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
        assertEquals(sent, written(channel));
        assertEquals(0, connection.queuedWriteBytes());
    }

    @Test
    void aSendPastTheWriteBoundFailsAtOnceAndTheConnectionStaysOpen() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        DapMessage message = Frames.output(1, "x".repeat(300));
        int frameBytes = Frames.of(message).length;
        TcpConnection connection = connection(channel, 2L * frameBytes + 10);
        CompletableFuture<Void> first = connection.send(message);
        CompletableFuture<Void> second = connection.send(message);
        CompletableFuture<Void> third = connection.send(message);

        assertTrue(third.isCompletedExceptionally(), "the third send must fail at once");
        WriteQueueFullException full = assertInstanceOf(WriteQueueFullException.class, failure(third));
        assertEquals(2L * frameBytes, full.queuedBytes());
        assertTrue(full.getMessage().contains("embedded peer") && full.getMessage().contains("stays open"),
                full.getMessage());

        channel.runPendingTasks();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertEquals(2, written(channel).size(), "the refused message was not written");
        assertFalse(connection.closeFuture().isDone());
        CompletableFuture<Void> fourth = connection.send(message);
        channel.runPendingTasks();
        fourth.get(10, TimeUnit.SECONDS);
    }

    @Test
    void oneMessageLargerThanTheBoundIsAcceptedWhenNothingWaits() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, 100);
        CompletableFuture<Void> large = connection.send(Frames.output(1, "y".repeat(1000)));
        channel.runPendingTasks();
        large.get(10, TimeUnit.SECONDS);
        assertEquals(1, written(channel).size());
    }

    @Test
    void closingFailsPendingSendsBeforeTheCloseFutureCompletes() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        CompletableFuture<Void> pending = connection.send(Frames.request(1));
        connection.close();
        assertTrue(connection.closeFuture().isDone());
        assertTrue(pending.isCompletedExceptionally(), "a pending send was not failed by close()");
        assertInstanceOf(ConnectionClosedException.class, failure(pending));
        assertInstanceOf(ConnectionClosedException.class, failure(connection.send(Frames.request(2))));

        channel.runPendingTasks();
        assertFalse(channel.isOpen());
        assertEquals(0, connection.queuedWriteBytes(), "the abandoned write was settled");
        assertTrue(written(channel).isEmpty());
    }

    @Test
    void aWriteErrorClosesTheConnectionWithIt() throws Exception {
        IOException broken = new IOException("Broken pipe");
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ReferenceCountUtil.release(msg);
                promise.setFailure(broken);
            }
        });
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        CompletableFuture<Void> send = connection.send(Frames.request(1));
        channel.runPendingTasks();
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, failure(send));
        assertSame(broken, closed.getCause());
        assertSame(broken, failure(connection.closeFuture()));
    }

    @Test
    void messagesThatArriveBeforeStartAreDeliveredInOrderOnTheDeliveryThread() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        List<DapMessage> sent = List.of(Frames.request(1), Frames.request(2), Frames.output(3, "three\n"));
        channel.writeInbound(buf(Frames.of(sent.toArray(DapMessage[]::new))));
        BlockingQueue<DapMessage> received = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        connection.start(message -> {
            threads.add(Thread.currentThread().getName());
            received.add(message);
        });
        for (DapMessage expected : sent) {
            assertEquals(expected, received.poll(10, TimeUnit.SECONDS));
            assertEquals("dapkit-delivery-embedded peer", threads.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void endOfStreamClosesOrderlyAfterTheMessagesBeforeItAreDelivered() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        CountDownLatch release = new CountDownLatch(1);
        List<DapMessage> received = new ArrayList<>();
        connection.start(message -> {
            await(release);
            received.add(message);
        });
        channel.writeInbound(buf(Frames.of(Frames.request(1), Frames.request(2))));
        channel.close();
        assertFalse(connection.closeFuture().isDone(), "closed before its messages were delivered");
        release.countDown();
        connection.closeFuture().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(Frames.request(1), Frames.request(2)), received);
    }

    @Test
    void aDecoderErrorClosesWithItAfterTheMessagesBeforeIt() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        BlockingQueue<DapMessage> received = new LinkedBlockingQueue<>();
        connection.start(received::add);
        byte[] good = Frames.of(Frames.request(1));
        byte[] bad = ascii("Content-Length: x\r\n\r\n");
        byte[] both = new byte[good.length + bad.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 0, both, good.length, bad.length);
        channel.writeInbound(buf(both));
        assertInstanceOf(FramingException.class, failure(connection.closeFuture()));
        assertEquals(Frames.request(1), received.poll());
        assertFalse(channel.isOpen());
    }

    @Test
    void readingStopsWhileTheReceiverIsBehindAndResumesWhenItCatchesUp() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        int count = 48;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(count);
        connection.start(message -> {
            await(release);
            delivered.countDown();
        });
        channel.runPendingTasks(); // start() turns reading on through the event loop
        assertTrue(channel.config().isAutoRead());
        DapMessage chunk = Frames.output(1, "z".repeat(64 * 1024));
        for (int i = 0; i < count; i++) {
            channel.writeInbound(buf(Frames.of(chunk)));
        }
        assertFalse(channel.config().isAutoRead(), "still reading with 3 MiB undelivered");

        release.countDown();
        assertTrue(delivered.await(10, TimeUnit.SECONDS), "the receiver did not catch up");
        channel.runPendingTasks(); // the delivery thread asked the loop to resume
        assertTrue(channel.config().isAutoRead(), "reading did not resume after the receiver caught up");
    }

    @Test
    void aNonBlockingReceiverGetsEveryMessageOnTheReadingThreadInOrderWithoutADeliveryThread() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        channel.writeInbound(buf(Frames.of(Frames.request(1), Frames.request(2))));
        List<DapMessage> received = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        connection.start(NonBlockingReceiver.of(message -> {
            threads.add(Thread.currentThread());
            received.add(message);
        }));
        channel.runPendingTasks(); // the start runs on the event loop: what arrived before goes first
        assertEquals(List.of(Frames.request(1), Frames.request(2)), received);

        channel.writeInbound(buf(Frames.of(Frames.output(3, "three\n"))));
        // delivered within the read, on the thread that read (an EmbeddedChannel's loop is the test's thread)
        assertEquals(List.of(Frames.request(1), Frames.request(2), Frames.output(3, "three\n")), received);
        assertTrue(threads.stream().allMatch(t -> t == Thread.currentThread()), "delivered on " + threads);
        assertEquals(null, connection.deliveryThread(), "a delivery thread was started");

        channel.close();
        connection.closeFuture().get(10, TimeUnit.SECONDS);
        assertEquals(3, received.size());
    }

    @Test
    void aNonBlockingReceiverSeesTheMessagesBeforeADecoderErrorAndTheConnectionClosesWithIt() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        List<DapMessage> received = new ArrayList<>();
        connection.start(NonBlockingReceiver.of(received::add));
        channel.runPendingTasks();
        byte[] good = Frames.of(Frames.request(1));
        byte[] bad = ascii("Content-Length: x\r\n\r\n");
        byte[] both = new byte[good.length + bad.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 0, both, good.length, bad.length);
        channel.writeInbound(buf(both));
        assertInstanceOf(FramingException.class, failure(connection.closeFuture()));
        assertEquals(List.of(Frames.request(1)), received);
        assertFalse(channel.isOpen());
    }

    @Test
    void aNonBlockingReceiverThatThrowsClosesTheConnectionWithItsException() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        TcpConnection connection = connection(channel, ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES);
        IllegalStateException bug = new IllegalStateException("receiver bug");
        connection.start(NonBlockingReceiver.of(message -> {
            throw bug;
        }));
        channel.runPendingTasks();
        channel.writeInbound(buf(Frames.of(Frames.request(1))));
        assertSame(bug, failure(connection.closeFuture()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test did not release the receiver within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
