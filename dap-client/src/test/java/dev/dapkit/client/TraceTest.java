package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.TraceEntry.Direction;
import dev.dapkit.model.Request;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The wire trace: every message, its final seq, direction and time, in wire order. */
class TraceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void everyMessageIsTracedWithItsFinalSeqAndDirection() throws Exception {
        List<TraceEntry> trace = new CopyOnWriteArrayList<>();
        try (ClientFixture f = ClientFixture.start(b -> b.trace(trace::add).clock(Clock.fixed(T0, ZoneOffset.UTC)))) {
            CompletableFuture<?> threads = f.client.server().threads();
            f.adapter.event("output", EventsTest.output("hi"));
            Request request = f.adapter.expectRequest("threads");
            f.adapter.respond(request, null);
            threads.get(10, TimeUnit.SECONDS);

            assertEquals(3, trace.size(), () -> "trace: " + trace);
            TraceEntry sent = trace.get(0);
            assertEquals(Direction.SENT, sent.direction());
            assertEquals(1, sent.seq());
            assertEquals(T0, sent.timestamp());
            assertEquals("{\"seq\":1,\"type\":\"request\",\"command\":\"threads\"}", sent.json());
            assertEquals("-> 2024-05-01T10:00:00Z {\"seq\":1,\"type\":\"request\",\"command\":\"threads\"}",
                    sent.toString());
            assertEquals(Direction.RECEIVED, trace.get(1).direction());
            assertEquals(1, trace.get(1).seq(), "the adapter's own seq");
            assertEquals(Direction.RECEIVED, trace.get(2).direction());
            assertEquals(2, trace.get(2).seq());
            assertTrue(trace.get(2).toString().startsWith("<- "));
        }
    }

    @Test
    void concurrentSendersGetSeqsInWireAndTraceOrder() throws Exception {
        int threads = 8;
        int perThread = 50;
        List<TraceEntry> trace = new CopyOnWriteArrayList<>();
        try (ClientFixture f = ClientFixture.start(b -> b.trace(trace::add))) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread sender = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        f.client.request("ping", null, Void.class);
                    }
                });
                sender.start();
                senders.add(sender);
            }
            go.countDown();
            for (Thread sender : senders) {
                sender.join(10_000);
            }
            for (int seq = 1; seq <= threads * perThread; seq++) {
                assertEquals(seq, f.adapter.expectRequest("ping").seq(), "wire order is seq order");
            }
            List<Integer> traced = trace.stream().map(TraceEntry::seq).toList();
            for (int i = 0; i < traced.size(); i++) {
                assertEquals(i + 1, traced.get(i), "trace order is seq order");
            }
        }
    }

    @Test
    void aThrowingTraceConsumerDoesNotBreakTheConversation() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b.trace(e -> {
            throw new IllegalStateException("trace bug");
        }).traceToLog(true))) {
            CompletableFuture<?> threads = f.client.server().threads();
            f.adapter.respond(f.adapter.expectRequest("threads"), null);
            threads.get(10, TimeUnit.SECONDS);
        }
    }
}
