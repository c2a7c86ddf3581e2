package dev.dapkit.model.transport;

import dev.dapkit.model.DapMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One DAP conversation with a peer: sends messages, delivers the messages that arrive, and says
 * when and why it ended. Both engines talk to every transport through this interface only; a
 * transport moves whole messages and does nothing else (it does not stamp {@code seq}, match
 * responses to requests or look inside messages).
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>{@link #send}, {@link #close}, {@link #closeFuture} and {@link #description} are
 *       thread-safe and never block on the peer.
 *   <li>The receiver given to {@link #start} is called on one thread that the connection owns,
 *       one message at a time, in arrival order; each call happens-before the next. It may call
 *       {@link #send} and {@link #close} from inside the callback. While it runs no further
 *       message is delivered, so it should hand long work to another thread. A
 *       {@link NonBlockingReceiver} may instead be called on a thread the connection shares with
 *       other connections (the one that reads and decodes), as its Javadoc says.
 *   <li>A receiver that throws is a bug in the receiver: the exception is logged and the
 *       connection is closed with it as the cause, so that the failure shows in
 *       {@link #closeFuture()} instead of being lost along with the message.
 *   <li>After {@link #close()} the receiver is not called again, apart from a call already
 *       under way on the delivery thread.
 *   <li>Callbacks chained on the returned futures run on whichever thread completes them (the
 *       delivery thread, a writer thread, or the caller of {@code close}); they must not block.
 * </ul>
 */
public interface DapConnection extends AutoCloseable {

    /**
     * Starts delivering inbound messages to {@code receiver}. Messages that arrived before are
     * delivered first; nothing is lost by starting late. Starting a connection that is already
     * closed delivers nothing.
     *
     * <p>A receiver that also implements {@link dev.dapkit.model.ExpectedBodies} may be asked, on
     * the thread that decodes, what the body of each successful response binds to; a connection
     * that decodes frames itself then binds it while reading the response. Others ignore it.
     *
     * @throws IllegalStateException when called a second time
     */
    void start(Consumer<DapMessage> receiver);

    /**
     * Writes {@code message}. Messages are written in the order their {@code send} calls happened:
     * calls from one thread keep their order, calls on different threads keep the order in which
     * one returned before the other began. The message is written as it is; its {@code seq} is
     * the caller's business.
     *
     * @return a future that completes when the whole message has been handed to the operating
     *     system (or to the peer, in memory); it fails with {@link ConnectionClosedException} when
     *     the connection is or becomes closed before that, and with the encoder's exception when
     *     the message cannot be framed (the connection stays open then). Cancelling it does not
     *     stop the write.
     */
    CompletableFuture<Void> send(DapMessage message);

    /**
     * Closes the connection: the peer sees the end of the stream, sends not yet written fail with
     * {@link ConnectionClosedException}, delivery stops, and {@link #closeFuture()} completes
     * normally. Idempotent. To close after a last message, close when that message's send future
     * completes.
     */
    @Override
    void close();

    /**
     * Completes once the connection is closed: normally for an orderly end ({@link #close()} was
     * called, or the peer ended its stream between two messages), exceptionally with the cause
     * otherwise: a {@link dev.dapkit.model.ProtocolException} from the decoder (including the
     * stream ending inside a frame), an {@link java.io.IOException} from the transport, or the
     * exception a receiver threw.
     *
     * <p>Each call returns a new dependent future: completing or cancelling it does not affect the
     * connection. Sends that were still pending have failed by the time it completes.
     */
    CompletableFuture<Void> closeFuture();

    /** Who the peer is, for logs and error messages, e.g. {@code stdio}, {@code process 1234 (python3)}. */
    String description();

    /**
     * Whether the thread that reads and decodes this connection's messages serves this connection
     * alone, also when it calls a {@link NonBlockingReceiver}. A receiver may then do brief,
     * bounded work on that thread (answer a request at once instead of handing it to another
     * thread): while it works, only this connection's later messages wait. False (the default)
     * promises nothing.
     */
    default boolean readsOnOwnThread() {
        return false;
    }
}
