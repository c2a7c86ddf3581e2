package dev.dapkit.testkit.fake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Lets one debuggee thread run at a time, in turn, one statement each (a baton passed round the
 * live threads in the order they started), and holds them all while the program is suspended.
 * This makes a program with several threads deterministic, and it means that whenever the program
 * is suspended every thread stands between two statements, so its frames can be read safely.
 *
 * <p>Threads wait on a condition, never by polling. Thread-safe; {@link #lock} also guards the
 * debugger's state in {@link Vm}.
 */
final class Scheduler {

    final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<VmThread> ring = new ArrayList<>();
    private VmThread holder;
    private boolean suspended;
    private volatile boolean ending;

    /** Adds a thread at the end of the ring; it runs when the baton reaches it. Call with the lock held. */
    void join(VmThread thread) {
        ring.add(thread);
        if (holder == null) {
            holder = thread;
        }
        changed.signalAll();
    }

    /** Removes a finished thread, passing the baton on; returns whether it was the last. Call with the lock held. */
    boolean leave(VmThread thread) {
        int index = ring.indexOf(thread);
        ring.remove(index);
        if (holder == thread) {
            holder = ring.isEmpty() ? null : ring.get(index % ring.size());
        }
        changed.signalAll();
        return ring.isEmpty();
    }

    /**
     * Called by {@code thread} where it may stop. Passes the baton on when {@code yield} (before a
     * statement), waits for its turn, then asks {@code decide} whether to stop; if so, suspends the
     * whole program, calls {@code announce} with the lock held and waits until resumed.
     *
     * @throws ControlSignal of kind {@code PROGRAM_END} when the program is ending
     */
    void checkpoint(VmThread thread, boolean yield, Supplier<Stop> decide, Consumer<Stop> announce) {
        lock.lock();
        try {
            if (yield && holder == thread && ring.size() > 1) {
                holder = ring.get((ring.indexOf(thread) + 1) % ring.size());
                changed.signalAll();
            }
            awaitWhile(() -> holder != thread || suspended);
            Stop stop = decide.get();
            if (stop != null) {
                suspended = true;
                announce.accept(stop);
                awaitWhile(() -> suspended);
            }
        } finally {
            lock.unlock();
        }
    }

    private void awaitWhile(java.util.function.BooleanSupplier blocked) {
        while (!ending && blocked.getAsBoolean()) {
            changed.awaitUninterruptibly();
        }
        if (ending) {
            throw ControlSignal.of(ControlSignal.Kind.PROGRAM_END);
        }
    }

    /** Call with the lock held. */
    boolean isSuspended() {
        return suspended;
    }

    /** Lets the threads run again. Call with the lock held. */
    void resume() {
        suspended = false;
        changed.signalAll();
    }

    /** Makes every thread unwind at its next wait or statement. Call with the lock held. */
    void end() {
        ending = true;
        changed.signalAll();
    }

    /** Whether the program is ending; any thread may ask. */
    boolean isEnding() {
        return ending;
    }

    /** The live threads in start order. Call with the lock held. */
    List<VmThread> threads() {
        return List.copyOf(ring);
    }
}
