package dev.dapkit.server.internal;

import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.InMemoryConnections;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A connection source that "accepts" an in-memory connection whenever a test connects. */
final class TestConnectionSource implements ConnectionSource {

    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Consumer<DapConnection> onConnection;

    @Override
    public void start(Consumer<DapConnection> onConnection) {
        this.onConnection = onConnection;
    }

    /** Connects a new client; returns the client's side. */
    DapConnection connect() {
        if (closed.isDone()) {
            throw new IllegalStateException("source closed");
        }
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        onConnection.accept(pair.b());
        return pair.a();
    }

    @Override
    public URI address() {
        return URI.create("test:source");
    }

    @Override
    public void close() {
        closed.complete(null);
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed.copy();
    }

    boolean isClosed() {
        return closed.isDone();
    }
}
