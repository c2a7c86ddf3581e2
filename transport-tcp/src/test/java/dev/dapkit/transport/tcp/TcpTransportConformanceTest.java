package dev.dapkit.transport.tcp;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.testkit.transport.ConnectionPair;
import dev.dapkit.testkit.transport.TransportConformanceSuite;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The transport conformance suite over loopback TCP: a client connection and the server's accepted one. */
class TcpTransportConformanceTest extends TransportConformanceSuite {

    private TcpServerTransport server;

    @Override
    protected ConnectionPair newPair() throws Exception {
        server = TcpServerTransport.builder().build();
        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        server.start(accepted::complete);
        DapConnection client = TcpClientTransport.builder()
                .address(server.address().getHost(), server.address().getPort())
                .build()
                .connect()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new ConnectionPair(client, accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    protected void tearDownTransport() {
        server.close();
    }
}
