package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.transport.DapConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MessageSequencerTest {

    /** Records messages in the order send is called, as a real connection writes them. */
    static final class RecordingConnection implements DapConnection {
        final List<DapMessage> wire = new ArrayList<>();

        @Override
        public void start(Consumer<DapMessage> receiver) {
        }

        @Override
        public synchronized CompletableFuture<Void> send(DapMessage message) {
            wire.add(message);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }

        @Override
        public CompletableFuture<Void> closeFuture() {
            return new CompletableFuture<>();
        }

        @Override
        public String description() {
            return "recording";
        }
    }

    @Test
    void seqStartsAtOneAndFollowsWireOrderUnderConcurrentSends() throws Exception {
        RecordingConnection connection = new RecordingConnection();
        MessageSequencer sequencer = new MessageSequencer(connection);
        int threads = 8;
        int each = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    sequencer.send(Event.of("output", null));
                }
            });
            thread.start();
            senders.add(thread);
        }
        go.countDown();
        for (Thread t : senders) {
            t.join();
        }
        assertEquals(threads * each, connection.wire.size());
        for (int i = 0; i < connection.wire.size(); i++) {
            assertEquals(i + 1, connection.wire.get(i).seq());
        }
        assertEquals(threads * each, sequencer.lastSeq());
    }
}
