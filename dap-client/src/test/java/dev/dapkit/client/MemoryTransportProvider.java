package dev.dapkit.client;

import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.DapTransportProvider;
import dev.dapkit.model.transport.InMemoryConnections;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test transport for {@code test-memory://name}: connecting returns one side of an in-memory
 * pair whose other side a test took with {@link #adapterSide(String)}. Found by
 * {@link dev.dapkit.model.transport.DapTransports} through {@code META-INF/services} in the test
 * resources, so the client's URI path runs without transport-tcp (which would close a cycle in
 * the reactor).
 */
public final class MemoryTransportProvider implements DapTransportProvider {

    private static final Map<String, DapConnection> CLIENT_SIDES = new ConcurrentHashMap<>();

    /** Makes a pair for {@code test-memory://name} and returns the adapter's side. */
    static DapConnection adapterSide(String name) {
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        CLIENT_SIDES.put(name, pair.a());
        return pair.b();
    }

    @Override
    public Set<String> schemes() {
        return Set.of("test-memory");
    }

    @Override
    public DapConnection connect(URI uri) throws IOException {
        DapConnection side = CLIENT_SIDES.remove(uri.getHost());
        if (side == null) {
            throw new IOException("nothing listens at " + uri);
        }
        return side;
    }

    @Override
    public ConnectionSource listen(URI uri) throws IOException {
        throw new IOException("test-memory transports only connect: " + uri);
    }
}
