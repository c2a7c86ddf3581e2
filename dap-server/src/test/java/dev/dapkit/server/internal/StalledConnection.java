package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.DapConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A connection to a client that does not read: every send stays pending until the test releases
 * it, as a socket's would while the peer's window is full. The test plays the client by handing
 * requests to the session itself.
 */
final class StalledConnection implements DapConnection {

    private final List<DapMessage> sent = new ArrayList<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private Consumer<DapMessage> receiver;
    private int nextSeq = 1;

    @Override
    public synchronized void start(Consumer<DapMessage> receiver) {
        this.receiver = receiver;
    }

    /** Hands the session a request, as the delivery thread would. */
    void request(String command, Object arguments) {
        Consumer<DapMessage> r;
        int seq;
        synchronized (this) {
            r = receiver;
            seq = nextSeq++;
        }
        r.accept(new Request(seq, command, RawJson.from(arguments), Map.of()));
    }

    @Override
    public CompletableFuture<Void> send(DapMessage message) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (this) {
            if (closed.isDone()) {
                return CompletableFuture.failedFuture(new ConnectionClosedException("stalled connection is closed"));
            }
            sent.add(message);
            pending.add(f);
            notifyAll();
        }
        return f;
    }

    /** Lets every pending send complete, as if the client read everything. */
    void releaseAll() {
        List<CompletableFuture<Void>> now;
        synchronized (this) {
            now = new ArrayList<>(pending);
            pending.clear();
        }
        now.forEach(f -> f.complete(null));
    }

    /** The bytes of output event bodies sent and still pending. */
    synchronized long pendingOutputBytes() {
        long bytes = 0;
        for (int i = sent.size() - pending.size(); i < sent.size(); i++) {
            if (sent.get(i) instanceof Event e && e.event().equals("output")) {
                bytes += e.body().byteLength();
            }
        }
        return bytes;
    }

    synchronized List<DapMessage> sent() {
        return List.copyOf(sent);
    }

    /** Waits until a sent message matches. */
    synchronized DapMessage await(Predicate<DapMessage> wanted) {
        long deadline = System.currentTimeMillis() + TestClient.TIMEOUT_MILLIS;
        while (true) {
            for (DapMessage m : sent) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                fail("no matching message sent; sent " + sent.size());
            }
            try {
                TimeUnit.MILLISECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> now;
        synchronized (this) {
            now = new ArrayList<>(pending);
            pending.clear();
        }
        now.forEach(f -> f.completeExceptionally(new ConnectionClosedException("stalled connection closed")));
        closed.complete(null);
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed.copy();
    }

    @Override
    public String description() {
        return "stalled";
    }
}
