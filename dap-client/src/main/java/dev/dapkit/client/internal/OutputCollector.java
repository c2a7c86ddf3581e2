package dev.dapkit.client.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;

/**
 * The text of {@code output} events, by category ({@code console} when an event names none, as
 * DAP says), with a way to wait until some text has appeared.
 *
 * <p>Thread-safe: events are added on the client's event lane, read from any thread.
 */
public final class OutputCollector {

    private final Map<String, StringBuilder> byCategory = new LinkedHashMap<>();

    /** Adds the text of one {@code output} event. */
    public synchronized void add(OutputEventArguments output) {
        if (output.getOutput() == null) {
            return;
        }
        String category = output.getCategory() == null ? OutputEventArgumentsCategory.CONSOLE : output.getCategory();
        byCategory.computeIfAbsent(category, c -> new StringBuilder()).append(output.getOutput());
        notifyAll();
    }

    /** The text of {@code category} so far; empty when there is none. */
    public synchronized String text(String category) {
        StringBuilder text = byCategory.get(category);
        return text == null ? "" : text.toString();
    }

    /** The text so far of every category, in the order categories first appeared. */
    public synchronized Map<String, String> all() {
        Map<String, String> copy = new LinkedHashMap<>();
        byCategory.forEach((category, text) -> copy.put(category, text.toString()));
        return copy;
    }

    /**
     * Waits until the text of {@code category} contains {@code expected}.
     *
     * @return whether it did within {@code timeout}
     */
    public synchronized boolean awaitContains(String category, String expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!text(category).contains(expected)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
