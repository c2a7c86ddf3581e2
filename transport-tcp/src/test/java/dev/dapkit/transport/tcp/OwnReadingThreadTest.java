package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.NonBlockingReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every connection a server accepts reads on an event loop of its own, which ends with the
 * connection; a send made on that loop is written at once unless an earlier send still waits.
 */
class OwnReadingThreadTest {

    private static final long SECONDS = Loopback.SECONDS;

    private Loopback loopback;

    @BeforeEach
    void listen() throws Exception {
        loopback = new Loopback();
    }

    @AfterEach
    void closeAll() throws Exception {
        loopback.close();
    }

    @Test
    void eachAcceptedConnectionReadsOnAThreadOfItsOwnThatEndsWithIt() throws Exception {
        DapConnection firstClient = loopback.connect();
        DapConnection secondClient = loopback.connect();
        DapConnection first = loopback.accepted();
        DapConnection second = loopback.accepted();
        assertTrue(first.readsOnOwnThread());
        assertFalse(firstClient.readsOnOwnThread(), "a client's connection shares the event loops");

        CompletableFuture<Thread> firstReader = new CompletableFuture<>();
        CompletableFuture<Thread> secondReader = new CompletableFuture<>();
        first.start(NonBlockingReceiver.of(m -> firstReader.complete(Thread.currentThread())));
        second.start(NonBlockingReceiver.of(m -> secondReader.complete(Thread.currentThread())));
        firstClient.send(Event.of("hello", null));
        secondClient.send(Event.of("hello", null));
        Thread one = firstReader.get(SECONDS, TimeUnit.SECONDS);
        Thread two = secondReader.get(SECONDS, TimeUnit.SECONDS);
        assertNotEquals(one, two, "two connections read on one thread");
        assertTrue(one.getName().startsWith("dapkit-tcp-conn-"), one.getName());

        first.close();
        one.join(TimeUnit.SECONDS.toMillis(SECONDS));
        assertFalse(one.isAlive(), "the closed connection's thread lives on");
        assertTrue(two.isAlive(), "closing one connection ended the other's thread");
    }

    @Test
    void aSendOnTheReadingThreadWaitsBehindAnEarlierSendFromAnotherThread() throws Exception {
        DapConnection client = loopback.connect();
        DapConnection served = loopback.accepted();
        BlockingQueue<DapMessage> received = new LinkedBlockingQueue<>();
        client.start(received::add);
        CompletableFuture<Void> answered = new CompletableFuture<>();
        served.start(NonBlockingReceiver.of(message -> {
            try {
                // the loop is busy here, so this send waits in its task queue...
                Thread other = new Thread(() -> served.send(Event.of("first", null)));
                other.start();
                other.join();
                // ...and one made on the loop must not overtake it
                served.send(Event.of("second", null));
                served.send(Event.of("third", null));
                answered.complete(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answered.completeExceptionally(e);
            }
        }));
        client.send(new Request(1, "ping", null, Map.of()));
        answered.get(SECONDS, TimeUnit.SECONDS);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DapMessage message = received.poll(SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "only " + order + " arrived");
            order.add(((Event) message).event());
        }
        assertEquals(List.of("first", "second", "third"), order);
    }
}
