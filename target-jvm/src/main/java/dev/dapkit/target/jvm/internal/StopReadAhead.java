package dev.dapkit.target.jvm.internal;

import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import dev.dapkit.target.jvm.internal.ThreadRegistry.ListedThread;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every client asks for once it is shown a stop, read before it asks
 * ({@link dev.dapkit.server.spi.DebugTarget#stopShown}), while the {@code stopped} event travels:
 * the listed threads with their names, a JDWP round trip each, and the stopped thread's frames,
 * which JDI keeps until that thread resumes. The names and the frames are asked for side by side,
 * so their round trips overlap. The thread list answers {@code threads} requests as long as the
 * debuggee stays as it was read ({@link ExecutionControl#version}); a client that asks twice at
 * one stop (VS Code does) pays for the names once.
 *
 * <p>Thread-safe.
 */
final class StopReadAhead {

    /** Threads that ask for thread names (and the frames) side by side; idle ones end. */
    private static final int NAME_READERS = 6;

    private final ThreadRegistry threads;
    private final ExecutionControl execution;
    private final AtomicReference<ThreadList> threadList = new AtomicReference<>();
    private final ThreadPoolExecutor nameReaders;

    StopReadAhead(ThreadRegistry threads, ExecutionControl execution) {
        this.threads = threads;
        this.execution = execution;
        AtomicInteger serial = new AtomicInteger();
        this.nameReaders = new ThreadPoolExecutor(NAME_READERS, NAME_READERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "dapkit-jvm-names-" + serial.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        nameReaders.allowCoreThreadTimeOut(true);
    }

    /** Reads the thread list and, side by side with it, the frames of {@code stopped} (null when the stop named none). */
    void read(ThreadReference stopped) {
        CompletableFuture<Void> frames = stopped == null ? null
                : CompletableFuture.runAsync(() -> readFrames(stopped), nameReaders);
        listed();
        if (frames != null) {
            frames.join();
        }
    }

    private static void readFrames(ThreadReference thread) {
        try {
            thread.frames();
        } catch (IncompatibleThreadStateException | ObjectCollectedException | VMDisconnectedException e) {
            // it runs again already, or has ended: the stackTrace request will say so
        }
    }

    /** The threads a user sees: as read at this version of the debuggee, or read now. */
    List<ListedThread> listed() {
        long version = execution.version();
        ThreadList kept = threadList.get();
        if (kept != null && kept.version() == version) {
            return kept.threads();
        }
        // read at the version seen before reading: a change meanwhile makes it stale at once
        List<ListedThread> read = threads.listed(nameReaders);
        threadList.set(new ThreadList(version, read));
        return read;
    }

    /** Stops the name readers; at the end of the session. */
    void close() {
        nameReaders.shutdownNow();
    }

    private record ThreadList(long version, List<ListedThread> threads) {
    }
}
