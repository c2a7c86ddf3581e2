package dev.dapkit.model.internal.transport;

import static dev.dapkit.model.internal.transport.ConnectionChecks.completesNormally;
import static dev.dapkit.model.internal.transport.ConnectionChecks.ends;
import static dev.dapkit.model.internal.transport.ConnectionChecks.failsWith;
import static dev.dapkit.model.internal.transport.ConnectionChecks.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.InMemoryConnections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryConnectionTest {

    private final InMemoryConnections.Pair pair = InMemoryConnections.pair();
    private final DapConnection a = pair.a();
    private final DapConnection b = pair.b();

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void messagesPassAsTheSameObjectsInOrderOnEachSidesOwnThread() throws Exception {
        Inbox atA = new Inbox();
        Inbox atB = new Inbox();
        a.start(atA);
        b.start(atB);
        assertEquals("in-memory a", a.description());
        assertEquals("in-memory b", b.description());

        List<DapMessage> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Event event = Event.of("tick", Map.of("n", i));
            sent.add(event);
            completesNormally(a.send(event));
        }
        for (DapMessage message : sent) {
            assertSame(message, atB.next());
            assertEquals("dapkit-delivery-in-memory b", atB.nextThreadName());
        }
        Request reverse = Request.of("runInTerminal", null);
        b.send(reverse);
        assertSame(reverse, atA.next());
        assertEquals("dapkit-delivery-in-memory a", atA.nextThreadName());
    }

    @Test
    void concurrentSendersEachKeepTheirOrder() throws Exception {
        a.start(message -> { });
        ConnectionChecks.eachSenderKeepsItsOrder(a, b, 8, 250);
    }

    @Test
    void receiversMaySendFromTheirCallbacks() throws Exception {
        ConnectionChecks.receiversMaySendFromTheirCallbacks(a, b, 2000, 16);
    }

    @Test
    void closingOneSideDeliversWhatItSentThenClosesTheOtherOrderly() throws Exception {
        Event first = Event.of("output", null);
        Event last = Event.of("terminated", null);
        a.send(first);
        a.send(last);
        a.close();
        completesNormally(a.closeFuture());
        failsWith(ConnectionClosedException.class, a.send(Event.of("late", null)));

        Inbox atB = new Inbox();
        b.start(atB);
        assertSame(first, atB.next());
        assertSame(last, atB.next());
        completesNormally(b.closeFuture());
        failsWith(ConnectionClosedException.class, b.send(Event.of("late", null)));
        ends(((InMemoryConnection) b).deliveryThread());
    }

    @Test
    void sendingToASideThatClosedFails() throws Exception {
        a.start(message -> { });
        b.close();

        ConnectionClosedException e = failsWith(ConnectionClosedException.class, a.send(Event.of("late", null)));
        assertTrue(e.getMessage().contains("in-memory b"), e.getMessage());
        completesNormally(a.closeFuture());
        ends(((InMemoryConnection) a).deliveryThread());
    }

    @Test
    void aReceiverThatThrowsClosesItsSideWithTheExceptionAndThePeerOrderly() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("receiver bug");
        List<DapMessage> seen = new ArrayList<>();
        b.start(message -> {
            seen.add(message);
            throw boom;
        });
        a.start(message -> { });
        a.send(Request.of("threads", null));
        a.send(Request.of("threads", null));

        assertSame(boom, failure(b.closeFuture()));
        completesNormally(a.closeFuture());
        ends(((InMemoryConnection) b).deliveryThread());
        assertEquals(1, seen.size());
    }

    @Test
    void localCloseStopsTheDeliveryThread() throws Exception {
        Inbox atA = new Inbox();
        a.start(atA);
        b.send(Response.success(Request.of("threads", null), null));
        atA.next();
        Thread delivery = ((InMemoryConnection) a).deliveryThread();
        assertTrue(delivery.isAlive());

        a.close();
        completesNormally(a.closeFuture());
        ends(delivery);
        ConnectionChecks.startsOnce(a);
    }
}
