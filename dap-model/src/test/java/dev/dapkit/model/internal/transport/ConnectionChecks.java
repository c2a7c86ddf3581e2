package dev.dapkit.model.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Checks that every connection implementation must pass, driven by the per-implementation tests. */
final class ConnectionChecks {

    private ConnectionChecks() {
    }

    /**
     * {@code senders} threads send {@code perSender} events each through {@code from} at once;
     * {@code to} must get every one, each sender's in its own order.
     */
    static void eachSenderKeepsItsOrder(DapConnection from, DapConnection to, int senders, int perSender)
            throws Exception {
        int total = senders * perSender;
        List<Event> received = new ArrayList<>(total);
        CountDownLatch all = new CountDownLatch(total);
        to.start(message -> {
            synchronized (received) {
                received.add((Event) message);
            }
            all.countDown();
        });
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            CompletableFuture<Void> done = new CompletableFuture<>();
            sends.add(done);
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    List<CompletableFuture<Void>> mine = new ArrayList<>();
                    for (int n = 0; n < perSender; n++) {
                        mine.add(from.send(Event.of("tick", Map.of("sender", sender, "n", n))));
                    }
                    CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new))
                            .whenComplete((v, e) -> complete(done, e));
                } catch (InterruptedException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }, "test-sender-" + s);
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertTrue(all.await(30, TimeUnit.SECONDS), "only " + (total - all.getCount()) + " of " + total + " arrived");
        int[] nextBySender = new int[senders];
        synchronized (received) {
            assertEquals(total, received.size());
            for (Event event : received) {
                JsonNode body = event.body().tree();
                int sender = body.get("sender").asInt();
                int n = body.get("n").asInt();
                assertEquals(nextBySender[sender], n, "sender " + sender + " out of order");
                nextBySender[sender]++;
            }
        }
        int[] expected = new int[senders];
        Arrays.fill(expected, perSender);
        assertEquals(Arrays.toString(expected), Arrays.toString(nextBySender));
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    /**
     * Both sides flood each other with pings while each receiver answers every ping with a pong
     * from inside its callback: with far more bytes than any pipe buffer holds, a connection whose
     * reader could block on a write would deadlock here.
     */
    static void receiversMaySendFromTheirCallbacks(DapConnection a, DapConnection b, int pings, int bodyBytes)
            throws Exception {
        String padding = "x".repeat(bodyBytes);
        CountDownLatch pongsAtA = new CountDownLatch(pings);
        CountDownLatch pongsAtB = new CountDownLatch(pings);
        a.start(message -> answer(a, message, pongsAtA));
        b.start(message -> answer(b, message, pongsAtB));
        // Flood from daemon threads: with a connection that writes on the caller's thread a flooder
        // blocks for good, and the test must then fail on the latches, not hang.
        flood(a, pings, padding);
        flood(b, pings, padding);
        assertTrue(pongsAtA.await(60, TimeUnit.SECONDS), "a got only " + (pings - pongsAtA.getCount()) + " pongs");
        assertTrue(pongsAtB.await(60, TimeUnit.SECONDS), "b got only " + (pings - pongsAtB.getCount()) + " pongs");
    }

    private static void flood(DapConnection from, int pings, String padding) {
        Thread flooder = new Thread(() -> {
            for (int i = 0; i < pings; i++) {
                from.send(Request.of("ping", Map.of("i", i, "padding", padding)));
            }
        }, "test-flood-" + from.description());
        flooder.setDaemon(true);
        flooder.start();
    }

    private static void answer(DapConnection self, DapMessage message, CountDownLatch pongs) {
        if (message instanceof Request request) {
            self.send(Response.success(request, request.arguments()));
        } else {
            pongs.countDown();
        }
    }

    /** {@code future} completes normally within 10 seconds. */
    static void completesNormally(CompletableFuture<?> future) throws Exception {
        future.get(10, TimeUnit.SECONDS);
    }

    /** {@code future} fails within 10 seconds; returns the cause, unwrapped. */
    static Throwable failure(CompletableFuture<?> future) throws InterruptedException, TimeoutException {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        return fail("expected the future to fail, but it completed normally");
    }

    /** {@code future} fails with an exception of {@code type}, which is returned. */
    static <T extends Throwable> T failsWith(Class<T> type, CompletableFuture<?> future) throws Exception {
        return assertInstanceOf(type, failure(future));
    }

    /** {@code thread} ends within 10 seconds. */
    static void ends(Thread thread) throws InterruptedException {
        thread.join(10_000);
        assertTrue(!thread.isAlive(), "thread " + thread.getName() + " still runs 10 s after close");
    }

    /** Starting {@code connection} a second time throws. */
    static void startsOnce(DapConnection connection) {
        assertThrows(IllegalStateException.class, () -> connection.start(message -> { }));
    }

    private static void complete(CompletableFuture<Void> done, Throwable failure) {
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(failure);
        }
    }
}
