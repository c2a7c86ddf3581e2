package dev.dapkit.testkit.client;

import dev.dapkit.model.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every event received, in order, and which of them an await has taken. An await looks at the
 * events that arrived before it first, so an event is never missed because it came early; each
 * event is handed to at most one await, so two awaits for {@code stopped} get two stops.
 *
 * <p>Thread-safe. Waits on a condition with a deadline, never by polling.
 */
final class EventHistory {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Event> events = new ArrayList<>();
    private final BitSet taken = new BitSet();
    private String closedBecause;

    void add(Event event) {
        lock.lock();
        try {
            events.add(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No more events will come; waiting awaits fail at once. */
    void close(String why) {
        lock.lock();
        try {
            closedBecause = why;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<Event> all() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the first event not yet taken that {@code matches}, waiting up to {@code timeout}.
     * {@code matches} runs with the history locked: it must be quick and must not call the client.
     *
     * @param failure describes the failure when nothing matches in time
     */
    Event take(Predicate<Event> matches, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int next = 0;
            while (true) {
                for (; next < events.size(); next++) {
                    if (!taken.get(next) && matches.test(events.get(next))) {
                        taken.set(next);
                        return events.get(next);
                    }
                }
                long left = deadline - System.nanoTime();
                if (closedBecause != null || left <= 0) {
                    throw new AssertionError(failure.get() + (closedBecause == null ? " within " + timeout
                            : " before the connection closed (" + closedBecause + ")"));
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(failure.get() + ": interrupted while waiting", e);
        } finally {
            lock.unlock();
        }
    }
}
