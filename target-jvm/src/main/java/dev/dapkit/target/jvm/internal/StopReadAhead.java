package dev.dapkit.target.jvm.internal;

import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import dev.dapkit.target.jvm.internal.ThreadRegistry.ListedThread;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every client asks for once it is shown a stop, read before it asks
 * ({@link dev.dapkit.server.spi.DebugTarget#stopShown}), while the {@code stopped} event travels:
 * the listed threads with their names ({@link ThreadNames}: a JDWP round trip for each of the
 * program's threads), the stopped thread's frames, which JDI keeps until that thread resumes, and,
 * when the client opened them at the stop before, the values of the top frame's locals
 * ({@link TopFrameValues}). Each is read on a reader thread, so that the JDWP commands are in
 * flight while the client's requests travel, the session thread is free for the first of them at
 * once, and a stack trace asked for next waits only for the frames. The locals are asked for after
 * the names: the debuggee answers JDWP commands one at a time, in order, and a client asks for the
 * threads before it asks for the variables.
 *
 * <p>What was read holds as long as the debuggee stays as it was read
 * ({@link ExecutionControl#version}): the list answers {@code threads} requests (a client that asks
 * twice at one stop, as VS Code does, pays for the names once), the values the top frame's locals.
 *
 * <p>Only values are read ahead, with one JDWP command: no string's text, no child, no method
 * call; the locals of a client that never opens them are never read.
 *
 * <p>Thread-safe.
 */
final class StopReadAhead {

    /** Threads that ask for names, frames and values side by side; idle ones end after {@link #IDLE_SECONDS}. */
    private static final int READERS = 6;
    private static final long IDLE_SECONDS = 30;
    /** The thread id of what is read about the whole debuggee: JDWP gives no object the id 0. */
    private static final long WHOLE_DEBUGGEE = 0;

    private final ThreadRegistry threads;
    private final ExecutionControl execution;
    private final AtomicReference<Kept<List<ListedThread>>> threadList = new AtomicReference<>();
    private final AtomicReference<Kept<TopFrameValues>> topFrame = new AtomicReference<>();
    /** Whether the client asked for the top frame's locals since the last stop was read ahead. */
    private final AtomicBoolean topLocalsAsked = new AtomicBoolean();
    private final ExecutorService readers = daemonPool("dapkit-jvm-reader-", READERS);

    StopReadAhead(ThreadRegistry threads, ExecutionControl execution) {
        this.threads = threads;
        this.execution = execution;
    }

    /**
     * Starts reading, on the readers, the thread list, the frames of {@code stopped} (null when the
     * stop named none) and, if the client opened them at the last stop, its top frame's locals;
     * returns at once.
     */
    void read(ThreadReference stopped) {
        long version = execution.version();
        boolean readLocals = topLocalsAsked.getAndSet(false);
        CompletableFuture<List<ListedThread>> list;
        CompletableFuture<Void> frames;
        try {
            list = CompletableFuture.supplyAsync(() -> threads.listing(readers), readers).thenCompose(named -> named);
            frames = stopped == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> readFrames(stopped), readers);
        } catch (RuntimeException e) {
            // readers closed with the session; like a failed read, the requests read again and report
            list = CompletableFuture.failedFuture(e);
            frames = CompletableFuture.completedFuture(null);
        }
        threadList.set(new Kept<>(version, WHOLE_DEBUGGEE, list));
        if (stopped == null || !readLocals) {
            topFrame.set(null);
            return;
        }
        try {
            // after the names, which the threads request waits for, whether or not they could be read
            CompletableFuture<TopFrameValues> values = CompletableFuture.allOf(list.exceptionally(failed -> null), frames)
                    .thenApplyAsync(ignored -> TopFrameValues.read(stopped), readers);
            topFrame.set(new Kept<>(version, stopped.uniqueID(), values));
        } catch (RuntimeException e) {
            topFrame.set(null);
        }
    }

    private static void readFrames(ThreadReference stopped) {
        try {
            stopped.frames();
        } catch (IncompatibleThreadStateException | ObjectCollectedException | VMDisconnectedException e) {
            // it runs again already, or has ended: the stackTrace request will say so
        }
    }

    /**
     * The values of {@code thread}'s top frame as read ahead at this version of the debuggee, or
     * null when they were not (or reading them failed): the caller reads them itself. Asking tells
     * the next stop to read them ahead.
     */
    TopFrameValues topFrameValues(ThreadReference thread) {
        topLocalsAsked.set(true);
        return current(topFrame.get(), thread.uniqueID());
    }

    /** The threads a user sees: as read at this version of the debuggee, or read now. */
    List<ListedThread> listed() {
        List<ListedThread> kept = current(threadList.get(), WHOLE_DEBUGGEE);
        if (kept != null) {
            return kept;
        }
        long version = execution.version();
        List<ListedThread> read = threads.listed(readers);
        threadList.set(new Kept<>(version, WHOLE_DEBUGGEE, CompletableFuture.completedFuture(read)));
        return read;
    }

    /**
     * What {@code kept} read, if it was read about {@code threadUniqueId} at the debuggee's present
     * version and nothing changed while it was read; null otherwise, or when reading it failed (the
     * caller reads again, and reports).
     */
    private <T> T current(Kept<T> kept, long threadUniqueId) {
        long version = execution.version();
        if (kept == null || kept.version() != version || kept.threadUniqueId() != threadUniqueId) {
            return null;
        }
        T read;
        try {
            read = kept.value().join();
        } catch (CompletionException e) {
            return null;
        }
        // a change while it was read makes it stale
        return execution.version() == version ? read : null;
    }

    /** Stops the readers; at the end of the session. */
    void close() {
        readers.shutdownNow();
    }

    private static ExecutorService daemonPool(String prefix, int threads) {
        AtomicInteger serial = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, prefix + serial.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Something read ahead at one version of the debuggee about one thread, or about the whole
     * debuggee ({@link #WHOLE_DEBUGGEE}).
     */
    private record Kept<T>(long version, long threadUniqueId, CompletableFuture<T> value) {
    }
}
