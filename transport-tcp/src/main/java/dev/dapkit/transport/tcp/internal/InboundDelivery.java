package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.internal.transport.ConnectionState;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands decoded messages to a connection's receiver on a thread of its own
 * ({@code dapkit-delivery-<description>}), in arrival order, then the end of the input.
 *
 * <p>Why not deliver on the event loop: the loop is shared by every TCP connection in the process,
 * and a receiver is allowed to take its time (an engine asking a debuggee something); it must not
 * stall other connections, nor deadlock by waiting for a send that the same loop would write.
 *
 * <p>The queue counts the wire bytes of the messages it holds; the connection stops reading when
 * they reach {@link #HIGH_WATER_BYTES} and resumes when the receiver has brought them down to
 * {@link #LOW_WATER_BYTES} ({@code onDrained}). So a slow receiver slows the peer through TCP's
 * flow control instead of filling memory.
 *
 * <p>Thread-safe.
 */
final class InboundDelivery {

    /** Undelivered bytes at which reading stops. */
    static final long HIGH_WATER_BYTES = 1024 * 1024;
    /** Undelivered bytes at which reading resumes. */
    static final long LOW_WATER_BYTES = 256 * 1024;

    /** Queue marker: this side closed, stop at once. */
    private static final Object STOP = new Object();

    private final ConnectionState state;
    private final Runnable onDrained;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile Thread thread;

    /**
     * @param onDrained called on the delivery thread when the undelivered bytes fall to
     *     {@link #LOW_WATER_BYTES}; must not block
     */
    InboundDelivery(ConnectionState state, Runnable onDrained) {
        this.state = state;
        this.onDrained = onDrained;
    }

    /** Starts the delivery thread. */
    void start(Consumer<DapMessage> receiver) {
        Thread t = new Thread(() -> run(receiver), "dapkit-delivery-" + state.description());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Queues a message behind the others. */
    void add(DapMessage message, long frameBytes) {
        queuedBytes.addAndGet(frameBytes);
        queue.add(new Inbound(message, frameBytes));
    }

    /** Queues the end of the input: once the messages before it are delivered, the connection closes with {@code cause}. */
    void end(Throwable cause) {
        queue.add(new End(cause));
    }

    /** Drops what was not delivered and stops the thread; for a connection that is closing. */
    void stop() {
        queue.clear();
        queuedBytes.set(0);
        queue.add(STOP);
    }

    /**
     * Delivers what is queued on the calling thread, without starting the delivery thread; for a
     * receiver that takes messages on the reading thread from now on ({@code NonBlockingReceiver}).
     * Must run on the thread that queues.
     *
     * @return false when the input ended (or this side stopped) among the queued items, so that
     *     nothing more is to be delivered
     */
    boolean deliverQueued(Consumer<DapMessage> receiver) {
        Object item;
        while ((item = queue.poll()) != null) {
            if (item == STOP || state.isClosing()) {
                return false;
            }
            if (item instanceof End end) {
                state.close(end.cause);
                return false;
            }
            Inbound inbound = (Inbound) item;
            queuedBytes.addAndGet(-inbound.frameBytes);
            state.deliver(receiver, inbound.message);
        }
        return true;
    }

    /** Wire bytes of the messages not yet delivered. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** The delivery thread, or null before {@link #start}; for tests. */
    Thread thread() {
        return thread;
    }

    private void run(Consumer<DapMessage> receiver) {
        try {
            while (true) {
                Object item = queue.take();
                if (item == STOP || state.isClosing()) {
                    return;
                }
                if (item instanceof End end) {
                    state.close(end.cause);
                    return;
                }
                Inbound inbound = (Inbound) item;
                state.deliver(receiver, inbound.message);
                long left = queuedBytes.addAndGet(-inbound.frameBytes);
                if (left <= LOW_WATER_BYTES && left + inbound.frameBytes > LOW_WATER_BYTES) {
                    onDrained.run();
                }
            }
        } catch (InterruptedException e) {
            // Only a shutdown interrupts this thread; nothing more can be delivered.
            state.close(new InterruptedIOException("delivery thread of " + state.description() + " was interrupted"));
        }
    }

    private record Inbound(DapMessage message, long frameBytes) {
    }

    private record End(Throwable cause) {
    }
}
