package dev.dapkit.target.micropython.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Gathers a stream's text into whole lines before handing it on, so that a {@code print} that
 * the interpreter writes in pieces ({@code "total"}, {@code " "}, {@code "10"}, {@code "\n"}: the
 * unix port does) becomes one {@code output} event. A partial line is handed on once nothing more
 * has come for {@value #LINGER_MILLIS} ms, so prompts still show; a very long line is handed on
 * in {@value #MAX_PENDING}-character pieces.
 *
 * <p>Thread-safe: the stream's reader appends, the scheduler flushes.
 */
final class LineBufferedOutput {

    static final long LINGER_MILLIS = 50;
    static final int MAX_PENDING = 8192;

    private final Consumer<String> sink;
    private final ScheduledExecutorService scheduler;
    private final StringBuilder pending = new StringBuilder();
    private ScheduledFuture<?> partialFlush;

    LineBufferedOutput(Consumer<String> sink, ScheduledExecutorService scheduler) {
        this.sink = sink;
        this.scheduler = scheduler;
    }

    void append(String text) {
        String lines = null;
        synchronized (this) {
            pending.append(text);
            int newline = pending.lastIndexOf("\n");
            if (newline >= 0) {
                lines = pending.substring(0, newline + 1);
                pending.delete(0, newline + 1);
            } else if (pending.length() >= MAX_PENDING) {
                lines = pending.toString();
                pending.setLength(0);
            }
            if (partialFlush != null) {
                partialFlush.cancel(false);
                partialFlush = null;
            }
            if (pending.length() > 0 && !scheduler.isShutdown()) {
                partialFlush = scheduler.schedule(this::flush, LINGER_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        if (lines != null) {
            sink.accept(lines);
        }
    }

    /** Hands on whatever is pending. */
    void flush() {
        String rest;
        synchronized (this) {
            rest = pending.toString();
            pending.setLength(0);
        }
        if (!rest.isEmpty()) {
            sink.accept(rest);
        }
    }
}
