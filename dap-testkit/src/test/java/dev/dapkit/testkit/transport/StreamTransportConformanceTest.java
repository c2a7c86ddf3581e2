package dev.dapkit.testkit.transport;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.StreamConnections;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;

/**
 * The transport conformance suite on dap-model's stream connections over two OS pipes, one per
 * direction (closing a pipe channel's stream wakes a read blocked on it, as a socket's does).
 */
class StreamTransportConformanceTest extends TransportConformanceSuite {

    @Override
    protected ConnectionPair newPair() throws IOException {
        Pipe clientToServer = Pipe.open();
        Pipe serverToClient = Pipe.open();
        DapConnection client = StreamConnections.of(Channels.newInputStream(serverToClient.source()),
                Channels.newOutputStream(clientToServer.sink()), "pipe client");
        DapConnection server = StreamConnections.of(Channels.newInputStream(clientToServer.source()),
                Channels.newOutputStream(serverToClient.sink()), "pipe server");
        return new ConnectionPair(client, server);
    }
}
