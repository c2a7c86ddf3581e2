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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every client asks for once it is shown a stop, read before it asks
 * ({@link dev.dapkit.server.spi.DebugTarget#stopShown}), while the {@code stopped} event travels:
 * the listed threads with their names ({@link ThreadNames}: a JDWP round trip for each of the
 * program's threads), and the stopped thread's frames,
 * which JDI keeps until that thread resumes. The calling thread reads the frames; the list of live
 * threads and the names are asked for side by side on threads of their own, so that their round
 * trips overlap, and a stack trace asked for next waits only for the frames.
 * The list answers {@code threads} requests as long as the debuggee stays as it was read
 * ({@link ExecutionControl#version}); a client that asks twice at one stop (VS Code does) pays for
 * the names once.
 *
 * <p>Thread-safe.
 */
final class StopReadAhead {

    /** Threads that ask for thread names side by side; idle ones end after {@link #IDLE_SECONDS}. */
    private static final int NAME_READERS = 6;
    private static final long IDLE_SECONDS = 30;

    private final ThreadRegistry threads;
    private final ExecutionControl execution;
    private final AtomicReference<ThreadList> threadList = new AtomicReference<>();
    private final ExecutorService nameReaders = daemonPool("dapkit-jvm-names-", NAME_READERS);

    StopReadAhead(ThreadRegistry threads, ExecutionControl execution) {
        this.threads = threads;
        this.execution = execution;
    }

    /**
     * Starts reading the thread list (on a name reader) and reads the frames of {@code stopped}
     * (null when the stop named none) on the calling thread, so that both JDWP commands are in
     * flight at once and a stack trace asked for next waits for neither the list nor the names.
     */
    void read(ThreadReference stopped) {
        long version = execution.version();
        CompletableFuture<List<ListedThread>> list;
        try {
            list = CompletableFuture.supplyAsync(() -> threads.listing(nameReaders), nameReaders)
                    .thenCompose(named -> named);
        } catch (RuntimeException e) {
            // readers closed with the session; like a failed read, the threads request reads again and reports
            list = CompletableFuture.failedFuture(e);
        }
        threadList.set(new ThreadList(version, list));
        if (stopped != null) {
            try {
                stopped.frames();
            } catch (IncompatibleThreadStateException | ObjectCollectedException | VMDisconnectedException e) {
                // it runs again already, or has ended: the stackTrace request will say so
            }
        }
    }

    /** The threads a user sees: as read at this version of the debuggee, or read now. */
    List<ListedThread> listed() {
        long version = execution.version();
        ThreadList kept = threadList.get();
        if (kept != null && kept.version() == version) {
            List<ListedThread> read = joined(kept.threads());
            // a change while it was read makes it stale
            if (read != null && execution.version() == version) {
                return read;
            }
        }
        List<ListedThread> read = threads.listed(nameReaders);
        threadList.set(new ThreadList(version, CompletableFuture.completedFuture(read)));
        return read;
    }

    /** The list read ahead, or null when reading it failed (the caller reads again, and reports). */
    private static List<ListedThread> joined(CompletableFuture<List<ListedThread>> list) {
        try {
            return list.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    /** Stops the readers; at the end of the session. */
    void close() {
        nameReaders.shutdownNow();
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

    private record ThreadList(long version, CompletableFuture<List<ListedThread>> threads) {
    }
}
