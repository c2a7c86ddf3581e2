package dev.dapkit.model.internal.transport;

import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source that yields exactly one connection, made when the source starts and handed over on the
 * thread that calls {@link #start}; standard streams are served this way. The source is done, and
 * its close future completes, when that connection closes or when the source is closed.
 *
 * <p>Thread-safe.
 */
public final class SingleConnectionSource implements ConnectionSource {

    private static final Logger LOG = LoggerFactory.getLogger(SingleConnectionSource.class);

    private final URI address;
    private final Supplier<DapConnection> connectionFactory;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    public SingleConnectionSource(URI address, Supplier<DapConnection> connectionFactory) {
        this.address = Objects.requireNonNull(address, "address");
        this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
    }

    @Override
    public void start(Consumer<DapConnection> onConnection) {
        Objects.requireNonNull(onConnection, "onConnection");
        if (closed.isDone()) {
            throw new IllegalStateException("connection source " + address + " is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("connection source " + address + " was already started");
        }
        DapConnection connection = connectionFactory.get();
        connection.closeFuture().whenComplete((ignored, failure) -> closed.complete(null));
        try {
            onConnection.accept(connection);
        } catch (RuntimeException | Error e) {
            // The callee never took ownership: nobody else would close this connection.
            LOG.error("handler for the connection from {} threw; closing it", address, e);
            connection.close();
            throw e;
        }
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        closed.complete(null);
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed.copy();
    }

    @Override
    public String toString() {
        return "SingleConnectionSource[" + address + "]";
    }
}
