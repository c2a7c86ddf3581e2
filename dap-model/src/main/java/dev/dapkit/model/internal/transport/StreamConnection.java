package dev.dapkit.model.internal.transport;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.ExpectedBodies;
import dev.dapkit.model.framing.FrameDecoder;
import dev.dapkit.model.framing.FrameEncoder;
import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.framing.FramingException;
import dev.dapkit.model.transport.DapConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DapConnection} over an input and an output stream carrying {@code Content-Length}
 * frames. One reader thread reads, decodes and delivers; a {@link FrameWriter} writes.
 *
 * <p>Thread-safe as {@link DapConnection} says. The reader thread is the delivery thread, so a
 * slow receiver slows reading (and, through the OS buffers, the peer), which is the back-pressure
 * a debugger wants. Ends of the conversation: end of stream between frames closes orderly; end of
 * stream inside a frame, a decoder error or a read error closes with that exception. A receiver
 * that is also {@link ExpectedBodies} has its successful responses' bodies bound as they are read.
 */
public final class StreamConnection implements DapConnection {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final InputStream in;
    private final FrameDecoder decoder;
    private final FrameEncoder encoder;
    private final ConnectionState state;
    private final FrameWriter writer;
    private volatile Thread reader;

    public StreamConnection(InputStream in, OutputStream out, String description, FrameLimits limits) {
        this.in = in;
        this.decoder = new FrameDecoder(limits);
        this.encoder = new FrameEncoder(limits);
        this.state = new ConnectionState(description, this::release);
        this.writer = new FrameWriter(out, "dapkit-writer-" + description, state::closedException, state::close);
    }

    /** The reader thread serves this connection alone. */
    @Override
    public boolean readsOnOwnThread() {
        return true;
    }

    @Override
    public void start(Consumer<DapMessage> receiver) {
        Objects.requireNonNull(receiver, "receiver");
        state.markStarted();
        if (state.isClosing()) {
            return;
        }
        if (receiver instanceof ExpectedBodies expected) {
            // before the reader starts, which is the only thread that feeds the decoder
            decoder.expectBodies(expected);
        }
        Thread thread = new Thread(() -> read(receiver), "dapkit-reader-" + state.description());
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    @Override
    public CompletableFuture<Void> send(DapMessage message) {
        Objects.requireNonNull(message, "message");
        if (state.isClosing()) {
            return CompletableFuture.failedFuture(state.closedException("message not sent"));
        }
        ByteBuffer frame;
        try {
            // Encoding on the caller's thread spreads the work and reports a bad message to its sender.
            frame = encoder.encode(message);
        } catch (FramingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return writer.write(frame);
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
        return "StreamConnection[" + state.description() + "]";
    }

    /** The reader thread, or null before {@link #start}; for tests. */
    Thread readerThread() {
        return reader;
    }

    /** The writer thread, or null before the first send; for tests. */
    Thread writerThread() {
        return writer.thread();
    }

    private void read(Consumer<DapMessage> receiver) {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        Consumer<DapMessage> sink = message -> state.deliver(receiver, message);
        try {
            while (!state.isClosing()) {
                int n = in.read(buffer);
                if (n < 0) {
                    decoder.endOfStream();
                    state.close(null);
                    return;
                }
                decoder.feed(buffer, 0, n, sink);
            }
        } catch (IOException e) {
            // After a local close this is the read that the closed stream interrupted: close() ignores it.
            state.close(e);
        }
    }

    private void release(Throwable cause) {
        writer.close();
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing the input of {} failed: {}", state.description(), e.toString());
        }
    }
}
