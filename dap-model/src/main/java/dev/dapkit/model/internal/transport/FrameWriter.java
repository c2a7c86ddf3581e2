package dev.dapkit.model.internal.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes encoded frames to one output stream, in the order they were queued, on a thread of its
 * own that starts with the first frame.
 *
 * <p>Why a writer thread instead of writing on the caller's thread under a lock: a write blocks
 * while the peer is not reading, and the peer may not be reading because it is itself blocked
 * writing to us. When a receiver sends from inside its callback (an engine answering a request,
 * an echo peer), the blocked writer would be our reader thread, so neither side would ever read
 * again. With a queue the reader never blocks on a write and keeps draining the peer, and callers
 * of {@code send} never block on a slow peer. The queue is unbounded; a caller that needs
 * back-pressure waits on the send futures.
 *
 * <p>Thread-safe. Only the writer thread touches the stream, including its final close, so a
 * close never races a half-written frame; when no frame was ever queued, {@link #close} closes
 * the stream itself.
 */
final class FrameWriter {

    private static final Logger LOG = LoggerFactory.getLogger(FrameWriter.class);

    private final OutputStream out;
    private final String threadName;
    private final Function<String, IOException> closedException;
    private final Consumer<IOException> onWriteFailure;
    private final Object lock = new Object();
    private final ArrayDeque<PendingFrame> queue = new ArrayDeque<>();
    private Thread thread;
    private boolean closed;

    /**
     * @param closedException makes the exception for a frame that will not be written because the
     *     connection closed, given what happened to it
     * @param onWriteFailure told, on the writer thread, when a write fails; it closes the connection
     */
    FrameWriter(OutputStream out, String threadName, Function<String, IOException> closedException,
            Consumer<IOException> onWriteFailure) {
        this.out = out;
        this.threadName = threadName;
        this.closedException = closedException;
        this.onWriteFailure = onWriteFailure;
    }

    /** Queues a whole frame (between its position and limit); the future completes once it is flushed. */
    CompletableFuture<Void> write(ByteBuffer frame) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                written.completeExceptionally(closedException.apply("message not sent"));
                return written;
            }
            queue.add(new PendingFrame(frame, written));
            if (thread == null) {
                thread = new Thread(this::run, threadName);
                thread.setDaemon(true);
                thread.start();
            }
            lock.notifyAll();
        }
        return written;
    }

    /** Fails every frame not yet written, stops the writer thread and closes the stream. Idempotent. */
    void close() {
        List<PendingFrame> abandoned;
        boolean running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            abandoned = new ArrayList<>(queue);
            queue.clear();
            running = thread != null;
            lock.notifyAll();
        }
        for (PendingFrame frame : abandoned) {
            frame.written.completeExceptionally(closedException.apply("closed before the message was written"));
        }
        if (!running) {
            closeStream();
        }
    }

    /** The writer thread, or null when nothing was ever queued; for tests. */
    Thread thread() {
        synchronized (lock) {
            return thread;
        }
    }

    private void run() {
        try {
            PendingFrame next;
            while ((next = take()) != null) {
                try {
                    ByteBuffer frame = next.frame;
                    if (frame.hasArray()) {
                        out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
                    } else {
                        byte[] copy = new byte[frame.remaining()];
                        frame.duplicate().get(copy);
                        out.write(copy);
                    }
                    out.flush();
                } catch (IOException e) {
                    next.written.completeExceptionally(closedException.apply("write failed: " + e));
                    onWriteFailure.accept(e);
                    return;
                }
                next.written.complete(null);
            }
        } catch (InterruptedException e) {
            // Nobody but a shutdown interrupts this thread: treat it as losing the stream.
            onWriteFailure.accept(new InterruptedIOException("writer thread " + threadName + " was interrupted"));
        } finally {
            closeStream();
        }
    }

    /** The next frame, or null once closed. */
    private PendingFrame take() throws InterruptedException {
        synchronized (lock) {
            while (queue.isEmpty() && !closed) {
                lock.wait();
            }
            return closed ? null : queue.poll();
        }
    }

    private void closeStream() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.debug("closing the output of {} failed: {}", threadName, e.toString());
        }
    }

    private record PendingFrame(ByteBuffer frame, CompletableFuture<Void> written) {
    }
}
