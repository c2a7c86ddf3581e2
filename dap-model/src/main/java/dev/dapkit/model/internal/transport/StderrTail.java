package dev.dapkit.model.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a process's standard error on a daemon thread until it ends, keeping only the last
 * {@code capacity} bytes in a ring. Reading it all keeps the process from blocking on a full
 * pipe; keeping a bounded tail keeps a chatty process from filling memory.
 *
 * <p>Thread-safe: one thread appends, any thread reads {@link #text()}.
 */
final class StderrTail {

    private static final Logger LOG = LoggerFactory.getLogger(StderrTail.class);

    private final byte[] ring;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Where the next byte goes. */
    private int next;
    /** Whether the ring has wrapped at least once, so every slot holds tail bytes. */
    private boolean full;

    StderrTail(int capacity) {
        this.ring = new byte[capacity];
    }

    /** Starts the thread that drains {@code stderr} into this tail. */
    void drain(InputStream stderr, String threadName) {
        Thread thread = new Thread(() -> pump(stderr, threadName), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** The kept bytes as UTF-8 text, dropping a character cut at the start. */
    String text() {
        byte[] bytes;
        synchronized (this) {
            if (!full) {
                bytes = Arrays.copyOf(ring, next);
            } else {
                bytes = new byte[ring.length];
                int older = ring.length - next;
                System.arraycopy(ring, next, bytes, 0, older);
                System.arraycopy(ring, 0, bytes, older, next);
            }
        }
        int start = 0;
        if (full) {
            while (start < bytes.length && start < 3 && (bytes[start] & 0xC0) == 0x80) {
                start++;
            }
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /** Completes when standard error has ended (or could no longer be read). */
    CompletableFuture<Void> ended() {
        return ended;
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        if (length >= ring.length) {
            System.arraycopy(bytes, offset + length - ring.length, ring, 0, ring.length);
            next = 0;
            full = true;
            return;
        }
        int first = Math.min(length, ring.length - next);
        System.arraycopy(bytes, offset, ring, next, first);
        System.arraycopy(bytes, offset + first, ring, 0, length - first);
        if (next + length >= ring.length) {
            full = true;
        }
        next = (next + length) % ring.length;
    }

    private void pump(InputStream stderr, String threadName) {
        byte[] buffer = new byte[4096];
        try (stderr) {
            int n;
            while ((n = stderr.read(buffer)) >= 0) {
                append(buffer, 0, n);
            }
        } catch (IOException e) {
            LOG.debug("{} stopped reading: {}", threadName, e.toString());
        } finally {
            ended.complete(null);
        }
    }
}
