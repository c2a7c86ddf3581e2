package dev.dapkit.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mailbox behind awaitEvent: selective receive over a bounded history. */
class EventHistoryTest {

    @Test
    void aWaitTakesTheOldestUntakenMatchOrWaitsForTheNextOne() {
        EventHistory history = new EventHistory(10);
        ReceivedEvent first = event("stopped", 1);
        ReceivedEvent second = event("stopped", 2);
        assertNull(history.add(first));
        assertNull(history.add(second));

        assertSame(first, history.takeOrWait(waiter("stopped")).event());
        assertSame(second, history.takeOrWait(waiter("stopped")).event());
        EventWaiter<ReceivedEvent> third = waiter("stopped");
        EventHistory.Taken none = history.takeOrWait(third);
        assertNull(none.event());
        assertNull(none.end());

        ReceivedEvent later = event("stopped", 3);
        assertSame(third, history.add(later), "the new event goes to the waiting wait");
        assertEquals(3, history.events().size());
    }

    @Test
    void waitsAreServedInTheOrderTheyBeganAndOnlyByMatchingEvents() {
        EventHistory history = new EventHistory(10);
        EventWaiter<ReceivedEvent> output = waiter("output");
        EventWaiter<ReceivedEvent> stoppedA = waiter("stopped");
        EventWaiter<ReceivedEvent> stoppedB = waiter("stopped");
        history.takeOrWait(output);
        history.takeOrWait(stoppedA);
        history.takeOrWait(stoppedB);
        assertSame(stoppedA, history.add(event("stopped", 1)));
        assertSame(stoppedB, history.add(event("stopped", 2)));
        assertNull(history.add(event("stopped", 3)));
        assertTrue(history.withdraw(output));
        assertFalse(history.withdraw(output));
    }

    @Test
    void theOldestEventsFallOutAndTheLastNamesAreKept() {
        EventHistory history = new EventHistory(2);
        history.add(event("a", 1));
        history.add(event("b", 2));
        history.add(event("c", 3));
        assertEquals(List.of("b", "c"), history.lastNames(5));
        assertEquals(List.of("c"), history.lastNames(1));
        assertNull(history.takeOrWait(waiter("a")).event(), "a fell out");
    }

    @Test
    void untakenEventsStayFindableWhileTakenAndUntakenOnesFallOut() {
        EventHistory history = new EventHistory(3);
        history.add(event("a", 1));
        EventWaiter<ReceivedEvent> waitingForB = waiter("b");
        history.takeOrWait(waitingForB);
        assertSame(waitingForB, history.add(event("b", 2)));
        ReceivedEvent c = event("c", 3);
        history.add(c);
        ReceivedEvent d = event("c", 4);
        history.add(d);
        history.add(event("e", 5));
        assertEquals(List.of("c", "c", "e"), history.lastNames(5), "a (untaken) and b (taken) fell out");
        assertNull(history.takeOrWait(waiter("a")).event(), "a fell out");
        assertSame(c, history.takeOrWait(waiter("c")).event());
        history.add(event("f", 6));
        assertSame(d, history.takeOrWait(waiter("c")).event(), "the second c is still kept after the first was taken");
        assertNull(history.takeOrWait(waiter("c")).event(), "both c events are taken");
    }

    @Test
    void closingEndsWaitsAndRefusesNewOnes() {
        EventHistory history = new EventHistory(2);
        EventWaiter<ReceivedEvent> waiting = waiter("x");
        history.takeOrWait(waiting);
        ConnectionEnd end = ConnectionEnd.closedByClient(dev.dapkit.model.transport.InMemoryConnections.pair().a());
        assertEquals(List.of(waiting), history.close(end));
        assertSame(end, history.takeOrWait(waiter("x")).end());
    }

    private static ReceivedEvent event(String name, int seq) {
        return new ReceivedEvent(new Event(seq, name, RawJson.parse("{}"), java.util.Map.of()));
    }

    private static EventWaiter<ReceivedEvent> waiter(String name) {
        return new EventWaiter<>(new EventFilter(name, e -> true, "'" + name + "' event"), e -> e, Runnable::run);
    }
}
