package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.ExpectedBodies;
import dev.dapkit.model.framing.FrameEncoder;
import dev.dapkit.model.framing.FramingException;
import dev.dapkit.model.internal.transport.ConnectionState;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.NonBlockingReceiver;
import dev.dapkit.transport.tcp.WriteQueueFullException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link DapConnection} over one Netty channel: a {@link DapFrameHandler} decodes, an
 * {@link InboundDelivery} thread delivers, and sends are encoded and, when the socket is idle,
 * written on the caller's thread.
 *
 * <p><b>Direct delivery.</b> A {@link NonBlockingReceiver} is called on the event loop as each
 * message is decoded, with no delivery thread between: one thread hand-off less per message. It
 * has promised not to block, so it cannot stall the other connections on the loop. There is then
 * no queue here to bound: reading never pauses, and the receiver bounds what it holds.
 *
 * <p><b>Expected bodies.</b> A receiver that is also {@link ExpectedBodies} is asked, on the event
 * loop, what each successful response's body binds to, and the body is bound as the frame is read.
 *
 * <p>Thread-safe as {@link DapConnection} says. Reading starts with {@link #start}; until then the
 * peer's bytes wait in the socket buffers, so nothing is lost and nothing piles up in memory.
 *
 * <p><b>Own thread.</b> A connection a server accepted has an event loop of its own
 * ({@link #readsOnOwnThread}): its receiver may then work briefly on the loop, and delay nobody
 * else.
 *
 * <p><b>Writes.</b> A send finding nothing unwritten, neither in the event loop's task queue nor
 * in Netty, writes its frame to the socket on its own thread ({@link DirectSocketChannel}): a
 * request or an answer then goes out without waking the event loop, a thread hand-off that cost
 * as much as the rest of a round trip on loopback. What the socket does not take at once, and
 * every send while something is unwritten, goes through the event loop's task queue, so sends
 * keep the order of their calls; one lock orders the decisions. A send future completes when the
 * whole frame is in the socket. The encoded bytes of sends not yet written are counted; a send
 * that would take the count past {@code maxQueuedWriteBytes} fails at once with
 * {@link WriteQueueFullException} and nothing of it is written (the connection stays open; one
 * message is always accepted when nothing is waiting, whatever its size). A peer that never reads
 * thus costs at most that bound, plus the socket buffers. The count is kept here rather than read
 * from Netty's write-buffer water marks ({@code Channel.isWritable()}) so that the decision is
 * made on the caller's thread, at once, with the refused message's own size, and covers frames
 * still waiting as event-loop tasks.
 *
 * <p><b>Close.</b> Closing fails every send not yet written, before the close future completes,
 * and no write begins after it; a frame already being written when the close came may still reach
 * the peer although its future failed (the channel closes behind it).
 *
 * <p><b>Ends.</b> End of stream between frames closes orderly once the messages that arrived
 * before it are delivered; a decoder error, a partial-frame timeout or a read error closes the
 * channel at once and the connection after the same delivery; a write error closes it at once.
 */
public final class TcpConnection implements DapConnection {

    private final Channel channel;
    private final ConnectionState state;
    private final FrameEncoder encoder;
    private final DapFrameHandler handler;
    private final InboundDelivery delivery;
    private final long maxQueuedWriteBytes;
    private final AtomicLong queuedWriteBytes = new AtomicLong();
    private final Set<CompletableFuture<Void>> pendingSends = ConcurrentHashMap.newKeySet();
    /** Held while a send decides how it is written, and while it writes to {@link #socket}. */
    private final Object writeLock = new Object();
    /** The socket under the channel, for writes on the sending thread; null for a channel without one (tests). */
    private final SocketChannel socket;
    private final boolean ownThread;
    private volatile boolean started;
    /** Why the input ended, once it has; read by sends that find the channel closed. */
    private volatile Throwable inputEnd;
    private volatile boolean inputEnded;
    /** Whether the handler reads; event loop only. */
    private boolean reading;
    /** The receiver called on the event loop, once direct delivery has begun; event loop only. */
    private Consumer<DapMessage> direct;

    private TcpConnection(Channel channel, String description, ConnectionSettings settings, boolean reading,
            boolean ownThread) {
        this.channel = channel;
        this.socket = channel instanceof DirectSocketChannel direct ? direct.socket() : null;
        this.ownThread = ownThread;
        this.reading = reading;
        this.state = new ConnectionState(description, this::release);
        this.encoder = new FrameEncoder(settings.frameLimits());
        this.maxQueuedWriteBytes = settings.maxQueuedWriteBytes();
        this.delivery = new InboundDelivery(state, this::drained);
        this.handler = new DapFrameHandler(settings.frameLimits(), settings.partialFrameTimeout(), description,
                new Inbound(), reading);
    }

    /**
     * Makes a connection over {@code channel} and adds its handler at the end of the channel's
     * pipeline; call it while initializing the channel, with {@code autoRead} off. Once the channel
     * has closed, {@code release} runs (it lets go of the event loop).
     *
     * @param ownThread whether the channel's event loop serves this channel alone
     */
    public static TcpConnection install(Channel channel, String description, ConnectionSettings settings,
            Runnable release, boolean ownThread) {
        channel.config().setAutoRead(false);
        TcpConnection connection = new TcpConnection(channel, description, settings, false, ownThread);
        channel.pipeline().addLast("dap-frames", connection.handler);
        channel.closeFuture().addListener(f -> release.run());
        return connection;
    }

    /**
     * A connection over a channel that reads from the start, before {@link #start}; for tests on an
     * {@code EmbeddedChannel}.
     */
    static TcpConnection over(Channel channel, String description, ConnectionSettings settings) {
        TcpConnection connection = new TcpConnection(channel, description, settings, true, false);
        channel.pipeline().addLast("dap-frames", connection.handler);
        return connection;
    }

    @Override
    public void start(Consumer<DapMessage> receiver) {
        Objects.requireNonNull(receiver, "receiver");
        state.markStarted();
        if (state.isClosing()) {
            return;
        }
        started = true;
        ExpectedBodies expected = receiver instanceof ExpectedBodies e ? e : null;
        if (receiver instanceof NonBlockingReceiver && runOnLoop(() -> startDirect(receiver, expected))) {
            return;
        }
        delivery.start(receiver);
        runOnLoop(() -> {
            handler.expectBodies(expected);
            resumeIfDrained();
        });
    }

    /** On the event loop: what was decoded before the start goes first, then every message as it is decoded. */
    private void startDirect(Consumer<DapMessage> receiver, ExpectedBodies expected) {
        handler.expectBodies(expected);
        if (!delivery.deliverQueued(receiver)) {
            return;
        }
        direct = receiver;
        resumeIfDrained();
    }

    @Override
    public CompletableFuture<Void> send(DapMessage message) {
        Objects.requireNonNull(message, "message");
        if (state.isClosing()) {
            return CompletableFuture.failedFuture(state.closedException("message not sent"));
        }
        ByteBuffer frame;
        try {
            // Encoding on the caller's thread keeps a large message off the shared event loop and
            // reports a message that cannot be framed to its sender.
            frame = encoder.encode(message);
        } catch (FramingException e) {
            return CompletableFuture.failedFuture(e);
        }
        int size = frame.remaining();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        synchronized (writeLock) {
            long queuedBefore = queuedWriteBytes.get();
            if (queuedBefore > 0 && queuedBefore + size > maxQueuedWriteBytes) {
                return CompletableFuture.failedFuture(new WriteQueueFullException(state.description(), queuedBefore,
                        size, maxQueuedWriteBytes));
            }
            queuedWriteBytes.addAndGet(size);
            pendingSends.add(sent);
            // Nothing unwritten anywhere (task queue or Netty): this frame may go to the socket now
            if (queuedBefore == 0 && socket != null && writeNow(frame, size, sent)) {
                return sent;
            }
            ByteBuf rest = Unpooled.wrappedBuffer(frame);
            if (!runOnLoop(() -> write(rest, size, sent))) {
                rest.release();
                settled(size, sent, new ClosedChannelException());
            }
        }
        return sent;
    }

    /**
     * Writes {@code frame} to the socket on this thread, as far as the socket takes it at once.
     *
     * @return true when the send is settled (written, or failed), false when part of the frame is
     *     left for Netty
     */
    private boolean writeNow(ByteBuffer frame, int size, CompletableFuture<Void> sent) {
        if (state.isClosing()) {
            settled(size, sent, new ClosedChannelException());
            return true;
        }
        try {
            while (frame.hasRemaining()) {
                if (socket.write(frame) == 0) {
                    return false;
                }
            }
        } catch (IOException e) {
            settled(size, sent, e);
            return true;
        }
        settled(size, sent, null);
        return true;
    }

    @Override
    public void close() {
        state.close(null);
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return state.closeFuture();
    }

    @Override
    public String description() {
        return state.description();
    }

    @Override
    public boolean readsOnOwnThread() {
        return ownThread;
    }

    @Override
    public String toString() {
        return "TcpConnection[" + state.description() + "]";
    }

    /** Encoded bytes of sends not yet written; for tests. */
    long queuedWriteBytes() {
        return queuedWriteBytes.get();
    }

    /** The delivery thread, or null before {@link #start}; for tests. */
    Thread deliveryThread() {
        return delivery.thread();
    }

    private void write(ByteBuf buf, int size, CompletableFuture<Void> sent) {
        if (state.isClosing()) {
            // queued before the close but not begun: it is dropped, as its failed future says
            buf.release();
            settled(size, sent, new ClosedChannelException());
            return;
        }
        ChannelPromise promise = channel.newPromise();
        promise.addListener(f -> settled(size, sent, f.isSuccess() ? null : f.cause()));
        channel.writeAndFlush(buf, promise);
    }

    /** A write finished or was abandoned: settle its future and the byte count. */
    private void settled(int size, CompletableFuture<Void> sent, Throwable failure) {
        queuedWriteBytes.addAndGet(-size);
        pendingSends.remove(sent);
        if (failure == null) {
            sent.complete(null);
            return;
        }
        boolean channelGone = failure instanceof ClosedChannelException || inputEnded;
        if (!channelGone && !state.isClosing()) {
            // a real write error: the stream is broken from here on
            state.close(failure);
        }
        sent.completeExceptionally(closedException("closed before the message was written", failure));
    }

    private ConnectionClosedException closedException(String what, Throwable writeFailure) {
        if (state.isClosing()) {
            return state.closedException(what);
        }
        Throwable why = inputEnded ? inputEnd : writeFailure;
        String text = "connection " + state.description() + " is closed"
                + (why == null || why instanceof ClosedChannelException ? "" : " (" + why + ")") + ": " + what;
        return new ConnectionClosedException(text, why);
    }

    /** Runs {@code task} on the event loop, behind what is queued there; false when the loop is gone. */
    private boolean runOnLoop(Runnable task) {
        try {
            channel.eventLoop().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** On the delivery thread: the receiver caught up. */
    private void drained() {
        runOnLoop(this::resumeIfDrained);
    }

    private void resumeIfDrained() {
        if (!reading && started && !state.isClosing() && !inputEnded
                && delivery.queuedBytes() <= InboundDelivery.LOW_WATER_BYTES) {
            reading = true;
            handler.setReading(true);
        }
    }

    private void release(Throwable cause) {
        delivery.stop();
        List<CompletableFuture<Void>> abandoned = new ArrayList<>(pendingSends);
        for (CompletableFuture<Void> sent : abandoned) {
            sent.completeExceptionally(state.closedException("closed before the message was written"));
        }
        channel.close();
    }

    /** What the handler reports, on the event loop. */
    private final class Inbound implements DapFrameHandler.Listener {

        @Override
        public void messageDecoded(DapMessage message, long frameBytes) {
            if (direct != null) {
                state.deliver(direct, message);
                return;
            }
            delivery.add(message, frameBytes);
            if (reading && delivery.queuedBytes() >= InboundDelivery.HIGH_WATER_BYTES) {
                reading = false;
                handler.setReading(false);
            }
        }

        @Override
        public void inputEnded(Throwable cause) {
            inputEnd = cause;
            inputEnded = true;
            if (direct != null) {
                // every message before the end has been delivered already
                state.close(cause);
                return;
            }
            delivery.end(cause);
        }
    }
}
