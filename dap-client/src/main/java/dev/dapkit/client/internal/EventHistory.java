package dev.dapkit.client.internal;

import dev.dapkit.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last {@code limit} events, and the waits on them: a mailbox with selective receive. Each
 * event satisfies at most one wait: a new wait takes the oldest event it matches that no earlier
 * wait took, or else waits for the next such event. So a wait started after its event arrived
 * still sees it (the race that makes VS Code's test client flaky), and a script that steps twice
 * and waits for {@code stopped} twice gets two different events.
 *
 * <p>Thread-safe. Predicates run under this object's lock, on the thread that adds an event or
 * starts a wait; they must be short and must not call back into the client.
 */
final class EventHistory {

    private static final Logger LOG = LoggerFactory.getLogger(EventHistory.class);

    private final int limit;
    private final ArrayDeque<ReceivedEvent> entries = new ArrayDeque<>();
    /**
     * The kept events no wait took, oldest first: a new wait looks only at these. A script that
     * takes every event it waits for leaves this empty, however full the history is. Each received
     * event is its own instance, so being here is being untaken.
     */
    private final ArrayDeque<ReceivedEvent> untaken = new ArrayDeque<>();
    private final List<EventWaiter<?>> waiters = new ArrayList<>();
    private ConnectionEnd end;

    EventHistory(int limit) {
        this.limit = limit;
    }

    /**
     * Keeps {@code event}, dropping the oldest one beyond the limit, and hands it to the oldest
     * wait it matches.
     *
     * @return the wait the event satisfied (the caller completes it), or null
     */
    synchronized EventWaiter<?> add(ReceivedEvent event) {
        EventWaiter<?> taker = null;
        for (Iterator<EventWaiter<?>> it = waiters.iterator(); it.hasNext(); ) {
            EventWaiter<?> waiter = it.next();
            if (waiter.filter().matches(event)) {
                it.remove();
                taker = waiter;
                break;
            }
        }
        entries.addLast(event);
        if (taker == null) {
            untaken.addLast(event);
        }
        if (entries.size() > limit) {
            ReceivedEvent dropped = entries.removeFirst();
            // the oldest kept event, if untaken, is the oldest untaken one too
            if (untaken.peekFirst() == dropped) {
                untaken.removeFirst();
                LOG.debug("event history full ({} events): dropping event '{}' seq {}, which no wait took",
                        limit, dropped.name(), dropped.event().seq());
            }
        }
        return taker;
    }

    /**
     * Takes the oldest kept event that {@code waiter} matches and no wait took yet, or else
     * registers the waiter for the next one.
     */
    synchronized Taken takeOrWait(EventWaiter<?> waiter) {
        if (end != null) {
            return new Taken(null, end);
        }
        for (Iterator<ReceivedEvent> it = untaken.iterator(); it.hasNext(); ) {
            ReceivedEvent event = it.next();
            if (waiter.filter().matches(event)) {
                it.remove();
                return new Taken(event, null);
            }
        }
        waiters.add(waiter);
        return new Taken(null, null);
    }

    /** Withdraws a wait (timed out or cancelled); false when it was no longer waiting. */
    synchronized boolean withdraw(EventWaiter<?> waiter) {
        return waiters.remove(waiter);
    }

    /** Ends every wait: returns them (the caller fails them) and refuses new ones. */
    synchronized List<EventWaiter<?>> close(ConnectionEnd connectionEnd) {
        end = connectionEnd;
        List<EventWaiter<?>> all = new ArrayList<>(waiters);
        waiters.clear();
        return all;
    }

    /** The kept events, oldest first, whether a wait took them or not. */
    synchronized List<Event> events() {
        List<Event> events = new ArrayList<>(entries.size());
        entries.forEach(entry -> events.add(entry.event()));
        return List.copyOf(events);
    }

    /** The names of the last {@code n} kept events, for a timeout message. */
    synchronized List<String> lastNames(int n) {
        List<String> names = new ArrayList<>();
        Iterator<ReceivedEvent> it = entries.descendingIterator();
        while (it.hasNext() && names.size() < n) {
            names.add(0, it.next().name());
        }
        return names;
    }

    /**
     * The outcome of {@link #takeOrWait}: the event taken, or the end that refused the wait, or
     * neither when the wait was registered.
     */
    record Taken(ReceivedEvent event, ConnectionEnd end) {
    }
}
