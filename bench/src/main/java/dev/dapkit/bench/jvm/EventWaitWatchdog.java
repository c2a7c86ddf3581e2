package dev.dapkit.bench.jvm;

import java.util.concurrent.TimeUnit;

/**
 * Interrupts the benchmark thread when it has waited too long for a JDI event, so that a debuggee
 * that never stops fails the run instead of hanging it. JDI's {@code EventQueue.remove(timeout)}
 * starts a thread for every call, which would put a thread start and exit into every raw step and
 * every hot-loop hit; one daemon thread that looks once a second costs a wait two writes instead.
 *
 * <p>Thread-safe.
 */
final class EventWaitWatchdog implements AutoCloseable {

    private final Thread waiter;
    private final long limitNanos;
    private final Thread watcher;
    private long waitingSince;
    private boolean waiting;
    private boolean fired;

    /** Watches {@code waiter}, which waits at most {@code limitSeconds} for an event. */
    EventWaitWatchdog(Thread waiter, long limitSeconds) {
        this.waiter = waiter;
        this.limitNanos = TimeUnit.SECONDS.toNanos(limitSeconds);
        this.watcher = new Thread(this::watch, "raw-jdi-event-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The waiter starts waiting. */
    synchronized void waiting() {
        waitingSince = System.nanoTime();
        waiting = true;
        fired = false;
    }

    /**
     * The waiter stopped waiting.
     *
     * @return whether it was interrupted for waiting too long
     */
    synchronized boolean done() {
        waiting = false;
        if (fired) {
            Thread.interrupted();
        }
        return fired;
    }

    private void watch() {
        try {
            while (true) {
                TimeUnit.SECONDS.sleep(1);
                synchronized (this) {
                    if (waiting && !fired && System.nanoTime() - waitingSince > limitNanos) {
                        fired = true;
                        waiter.interrupt();
                    }
                }
            }
        } catch (InterruptedException closed) {
            // close()
        }
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
