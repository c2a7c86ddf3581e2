package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.ExpectedBodies;
import dev.dapkit.model.ProtocolException;
import dev.dapkit.model.framing.FrameDecoder;
import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The inbound end of a DAP channel: feeds the bytes that arrive through dapkit's one
 * {@link FrameDecoder}, hands each message to a {@link Listener}, and ends the input exactly once,
 * with the reason.
 *
 * <p><b>Partial-frame timeout.</b> A frame must arrive whole within the timeout, counted from its
 * first byte (not from the last byte that arrived: a peer trickling a byte every few seconds, a
 * slowloris, would otherwise hold a buffer forever). When it does not, the input ends with a
 * {@link FramingException} such as {@code no complete frame within 30 s from tcp://…: 12 of 400
 * body bytes received (frame at stream offset 0)} and the channel is closed. The clock runs only
 * while reading is on ({@link #setReading}): when the connection stops reading because its
 * receiver fell behind, the wait is ours, not the peer's, so the clock restarts when reading
 * resumes. The timer is scheduled on the channel's executor and reads its {@code ticker()}, so
 * {@code EmbeddedChannel.advanceTimeBy} drives it in tests.
 *
 * <p>Ends of the input: end of stream between frames ends it orderly (null cause); end of stream
 * inside a frame, a decoder error, the timeout, or an exception from the channel ends it with that
 * exception. After the end nothing more is decoded.
 *
 * <p>Not sharable; every method runs on the channel's event loop.
 */
public final class DapFrameHandler extends ChannelInboundHandlerAdapter {

    /** Told what the handler decoded; called on the event loop. */
    public interface Listener {

        /**
         * A whole message arrived.
         *
         * @param frameBytes the size of its frame on the wire, header included
         */
        void messageDecoded(DapMessage message, long frameBytes);

        /**
         * The input ended, before or after the channel became inactive; called once.
         *
         * @param cause null for an end of stream between frames, else why the input ended
         */
        void inputEnded(Throwable cause);
    }

    private final FrameDecoder decoder;
    private final long timeoutNanos;
    private final String description;
    private final Listener listener;
    private final Consumer<DapMessage> decoded = this::decoded;

    private ChannelHandlerContext ctx;
    private io.netty.util.concurrent.Future<?> timer;
    private long frameStartNanos;
    private long lastFrameEnd;
    private int framesCompleted;
    private boolean reading;
    private boolean ended;

    /**
     * @param description names the peer in error messages
     * @param reading whether the channel reads from the start; when false, its {@code autoRead}
     *     must be off as well, until {@link #setReading} turns it on
     */
    public DapFrameHandler(FrameLimits limits, Duration partialFrameTimeout, String description, Listener listener,
            boolean reading) {
        this.reading = reading;
        this.decoder = new FrameDecoder(limits);
        this.timeoutNanos = partialFrameTimeout.toNanos();
        this.description = Objects.requireNonNull(description, "description");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Turns reading from the channel on or off (its {@code autoRead}), and with it the
     * partial-frame clock. Must run on the event loop.
     */
    public void setReading(boolean on) {
        reading = on;
        if (ctx == null) {
            return;
        }
        ctx.channel().config().setAutoRead(on);
        if (!on) {
            cancelTimer();
        } else if (!ended && decoder.isMidFrame() && timer == null) {
            armTimer();
        }
    }

    /**
     * Binds the bodies of successful responses decoded from now on while their envelopes are read,
     * as {@code expected} says (null: not). Must run on the event loop.
     */
    public void expectBodies(ExpectedBodies expected) {
        decoder.expectBodies(expected);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        cancelTimer();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            context.fireChannelRead(msg);
            return;
        }
        try {
            if (ended) {
                return;
            }
            int completedBefore = framesCompleted;
            try {
                int parts = buf.nioBufferCount();
                if (parts == 1) {
                    decoder.feed(buf.nioBuffer(), decoded);
                } else if (parts > 1) {
                    for (ByteBuffer part : buf.nioBuffers()) {
                        decoder.feed(part, decoded);
                    }
                } else {
                    // a buffer with no NIO view (rare): the decoder takes plain bytes as well
                    byte[] bytes = ByteBufUtil.getBytes(buf);
                    decoder.feed(bytes, 0, bytes.length, decoded);
                }
            } catch (ProtocolException e) {
                end(e);
                return;
            }
            updateTimer(framesCompleted != completedBefore);
        } finally {
            ReferenceCountUtil.release(buf);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (!ended) {
            try {
                decoder.endOfStream();
                end(null);
            } catch (FramingException e) {
                end(e);
            }
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // Handled here: the connection reports it through its close future. Passing it on would
        // only make Netty log it a second time as "not handled".
        end(cause);
    }

    private void decoded(DapMessage message) {
        framesCompleted++;
        long end = decoder.streamOffset();
        long frameBytes = end - lastFrameEnd;
        lastFrameEnd = end;
        listener.messageDecoded(message, frameBytes);
    }

    /** After a read: start the clock for a frame that has begun, stop it when between frames. */
    private void updateTimer(boolean frameCompleted) {
        if (ended || !decoder.isMidFrame()) {
            cancelTimer();
            return;
        }
        if (frameCompleted) {
            // a new frame began in this read: its clock starts now
            cancelTimer();
        }
        if (timer == null && reading) {
            armTimer();
        }
    }

    private void armTimer() {
        frameStartNanos = ctx.executor().ticker().nanoTime();
        timer = ctx.executor().schedule(this::checkTimeout, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void checkTimeout() {
        timer = null;
        if (ended || !reading || !decoder.isMidFrame()) {
            return;
        }
        long waited = ctx.executor().ticker().nanoTime() - frameStartNanos;
        if (waited < timeoutNanos) {
            timer = ctx.executor().schedule(this::checkTimeout, timeoutNanos - waited, TimeUnit.NANOSECONDS);
            return;
        }
        end(new FramingException("no complete frame within " + DurationText.format(Duration.ofNanos(timeoutNanos))
                + " from " + description + ": " + decoder.describePartialFrame(), decoder.streamOffset()));
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void end(Throwable cause) {
        if (ended) {
            return;
        }
        ended = true;
        cancelTimer();
        listener.inputEnded(cause);
        if (cause != null) {
            ctx.close();
        }
    }
}
