package dev.dapkit.testkit.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A receiver that keeps what it is given, in order, and on which threads, so that a test can wait
 * for a number of messages and then look at them. Thread-safe.
 */
final class Inbox implements Consumer<DapMessage> {

    private final List<DapMessage> messages = new ArrayList<>();
    private final Set<String> threads = new TreeSet<>();

    @Override
    public synchronized void accept(DapMessage message) {
        messages.add(message);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    /**
     * Waits until at least {@code count} messages arrived and returns the first {@code count}.
     *
     * @throws AssertionError when they do not arrive within {@code timeout}
     */
    synchronized List<DapMessage> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count) {
            long left = deadline - System.nanoTime();
            assertTrue(left > 0, "only " + messages.size() + " of " + count + " messages arrived within " + timeout);
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(messages.subList(0, count));
    }

    /** Everything received so far. */
    synchronized List<DapMessage> messages() {
        return List.copyOf(messages);
    }

    /** The names of the threads that delivered messages. */
    synchronized Set<String> threadNames() {
        return Set.copyOf(threads);
    }
}
