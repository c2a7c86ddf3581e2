package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.transport.NonBlockingReceiver;
import dev.dapkit.testkit.transport.ConnectionPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A send that finds nothing unwritten goes to the socket on the sender's own thread; what the
 * socket cannot take at once, and every send behind it, goes through the event loop in order.
 */
class DirectWritesTest {

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
    void aSendReachesThePeerWhileTheConnectionsEventLoopIsBusy() throws Exception {
        ConnectionPair pair = loopback.pair();
        BlockingQueue<DapMessage> received = new LinkedBlockingQueue<>();
        pair.client().start(received::add);
        CountDownLatch loopBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pair.server().start(NonBlockingReceiver.of(message -> {
            loopBusy.countDown();
            try {
                release.await(SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        pair.client().send(new Request(1, "hold", null, Map.of()));
        assertTrue(loopBusy.await(SECONDS, TimeUnit.SECONDS), "the served connection's loop never took the request");
        try {
            CompletableFuture<Void> sent = pair.server().send(Event.of("meanwhile", null));
            DapMessage arrived = received.poll(SECONDS, TimeUnit.SECONDS);
            assertNotNull(arrived, "the event waited for the busy event loop");
            assertEquals("meanwhile", ((Event) arrived).event());
            sent.get(SECONDS, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFrameTheSocketCannotTakeAtOnceArrivesWholeBeforeTheSendsBehindIt() throws Exception {
        ConnectionPair pair = loopback.pair();
        pair.server().start(NonBlockingReceiver.of(message -> { }));
        // the client does not read yet: the large frame fills the socket buffers part way
        String large = "x".repeat(12 * 1024 * 1024);
        CompletableFuture<Void> first = pair.server().send(Event.of("large", Map.of("text", large)));
        List<CompletableFuture<Void>> behind = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            behind.add(pair.server().send(Event.of("small-" + i, null)));
        }
        assertFalse(first.isDone(), "12 MiB went into the socket at once; the test needs a frame it cannot take");
        assertFalse(behind.get(0).isDone(), "a send overtook the unwritten large frame");

        BlockingQueue<DapMessage> received = new LinkedBlockingQueue<>();
        pair.client().start(received::add);
        Event arrived = (Event) received.poll(SECONDS, TimeUnit.SECONDS);
        assertNotNull(arrived, "nothing arrived");
        assertEquals("large", arrived.event());
        assertEquals(large, arrived.body().bind(Map.class).get("text"));
        for (int i = 0; i < 20; i++) {
            DapMessage next = received.poll(SECONDS, TimeUnit.SECONDS);
            assertNotNull(next, "small-" + i + " never arrived");
            assertEquals("small-" + i, ((Event) next).event());
        }
        first.get(SECONDS, TimeUnit.SECONDS);
        CompletableFuture.allOf(behind.toArray(CompletableFuture[]::new)).get(SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void concurrentSendersKeepTheOrderOfEachThreadsSends() throws Exception {
        ConnectionPair pair = loopback.pair();
        pair.server().start(NonBlockingReceiver.of(message -> { }));
        BlockingQueue<DapMessage> received = new LinkedBlockingQueue<>();
        pair.client().start(received::add);
        int senders = 4;
        int each = 300;
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            String name = "sender-" + s;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    // every tenth frame is large enough to be written in parts
                    String padding = i % 10 == 0 ? "p".repeat(300_000) : "";
                    CompletableFuture<Void> sent = pair.server().send(Event.of(name,
                            Map.of("n", i, "padding", padding)));
                    synchronized (sends) {
                        sends.add(sent);
                    }
                }
            }, name);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(SECONDS));
        }
        Map<String, Integer> nextOf = new HashMap<>();
        for (int i = 0; i < senders * each; i++) {
            Event event = (Event) received.poll(SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "only " + i + " of " + senders * each + " events arrived");
            int n = ((Number) event.body().bind(Map.class).get("n")).intValue();
            int expected = nextOf.getOrDefault(event.event(), 0);
            assertEquals(expected, n, "out of order from " + event.event());
            nextOf.put(event.event(), n + 1);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(SECONDS, TimeUnit.SECONDS);
    }
}
