package dev.dapkit.model.internal.transport;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.transport.DapConnection;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One side of an in-memory pair. A send puts the message, as the immutable object it is, on the
 * peer's inbound queue; each side's delivery thread takes from its own queue in order.
 *
 * <p>Thread-safe as {@link DapConnection} says. Closing one side puts an end marker on the peer's
 * queue behind the messages already sent, so the peer delivers those first and then closes
 * orderly, as it would on the end of a stream.
 */
public final class InMemoryConnection implements DapConnection {

    /** Queue marker: the peer has closed; close orderly once reached. */
    private static final Object PEER_CLOSED = new Object();
    /** Queue marker: this side has closed; stop delivering. */
    private static final Object STOP = new Object();

    private final ConnectionState state;
    private final LinkedBlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
    /** Held while putting onto the peer's queue, so that a send and this side's close do not interleave. */
    private final Object sendLock = new Object();
    private InMemoryConnection peer;
    private volatile Thread deliveryThread;

    private InMemoryConnection(String description) {
        this.state = new ConnectionState(description, this::release);
    }

    /** Two connected sides. */
    public static InMemoryConnection[] pair(String descriptionA, String descriptionB) {
        InMemoryConnection a = new InMemoryConnection(descriptionA);
        InMemoryConnection b = new InMemoryConnection(descriptionB);
        a.peer = b;
        b.peer = a;
        return new InMemoryConnection[] {a, b};
    }

    @Override
    public void start(Consumer<DapMessage> receiver) {
        Objects.requireNonNull(receiver, "receiver");
        state.markStarted();
        if (state.isClosing()) {
            return;
        }
        Thread thread = new Thread(() -> deliver(receiver), "dapkit-delivery-" + state.description());
        thread.setDaemon(true);
        deliveryThread = thread;
        thread.start();
    }

    @Override
    public CompletableFuture<Void> send(DapMessage message) {
        Objects.requireNonNull(message, "message");
        synchronized (sendLock) {
            // The peer first: once it has closed, this side closes too, a moment later on its own
            // delivery thread, and the peer's close is the reason worth reporting.
            if (peer.state.isClosing()) {
                return CompletableFuture.failedFuture(state.closedException(
                        "message not sent: the peer " + peer.state.description() + " has closed"));
            }
            if (state.isClosing()) {
                return CompletableFuture.failedFuture(state.closedException("message not sent"));
            }
            peer.inbound.add(message);
        }
        return CompletableFuture.completedFuture(null);
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
    public String toString() {
        return "InMemoryConnection[" + state.description() + "]";
    }

    /** The delivery thread, or null before {@link #start}; for tests. */
    Thread deliveryThread() {
        return deliveryThread;
    }

    private void deliver(Consumer<DapMessage> receiver) {
        try {
            while (true) {
                Object item = inbound.take();
                if (item == STOP || state.isClosing()) {
                    return;
                }
                if (item == PEER_CLOSED) {
                    state.close(null);
                    return;
                }
                state.deliver(receiver, (DapMessage) item);
            }
        } catch (InterruptedException e) {
            // Only a shutdown interrupts this thread; nothing more can be delivered.
            state.close(new InterruptedIOException("delivery thread of " + state.description() + " was interrupted"));
        }
    }

    private void release(Throwable cause) {
        inbound.clear();
        inbound.add(STOP);
        synchronized (sendLock) {
            if (!peer.state.isClosing()) {
                peer.inbound.add(PEER_CLOSED);
            }
        }
    }
}
