package dev.dapkit.testkit.target;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.spi.TargetProvider;
import java.io.IOException;

/**
 * A server whose every session is served on one side of a new in-memory pair, the client getting
 * the other side. Not thread-safe: the test thread uses it.
 */
final class InMemoryServer implements HostedServer {

    private final DapServer server;
    private final String targetId;

    private InMemoryServer(DapServer server, String targetId) {
        this.server = server;
        this.targetId = targetId;
    }

    static InMemoryServer start(TargetProvider provider) throws IOException {
        return new InMemoryServer(DapServer.builder().target(provider).build().start(), provider.id());
    }

    @Override
    public DapConnection connect() {
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        server.serve(pair.b());
        return pair.a();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "an in-memory server for target '" + targetId + "'";
    }
}
