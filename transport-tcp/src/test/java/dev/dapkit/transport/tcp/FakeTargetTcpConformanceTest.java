package dev.dapkit.transport.tcp;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.spi.TargetProvider;
import dev.dapkit.testkit.target.ConformanceTarget;
import dev.dapkit.testkit.target.HostedFakeTarget;
import dev.dapkit.testkit.target.HostedServer;
import dev.dapkit.testkit.target.TargetConformanceSuite;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The target conformance suite for the fake target over loopback TCP: a server listening at
 * {@code tcp://127.0.0.1:0} (found through the transport's URI provider), each session a new
 * {@link TcpClientTransport} connection.
 */
class FakeTargetTcpConformanceTest extends TargetConformanceSuite {

    private static final long CONNECT_SECONDS = 30;

    @Override
    protected ConformanceTarget newTarget() throws IOException {
        return HostedFakeTarget.create(TcpServer::start);
    }

    /** A server listening on a free loopback port, and a client transport that connects to it. */
    private static final class TcpServer implements HostedServer {

        private final DapServer server;
        private final TcpClientTransport client;

        private TcpServer(DapServer server) {
            this.server = server;
            URI address = server.address();
            this.client = TcpClientTransport.builder().address(address.getHost(), address.getPort()).build();
        }

        static TcpServer start(TargetProvider provider) throws IOException {
            return new TcpServer(DapServer.builder().target(provider).listen("tcp://127.0.0.1:0").build().start());
        }

        @Override
        public DapConnection connect() throws Exception {
            return client.connect().get(CONNECT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            server.close();
        }

        @Override
        public String toString() {
            return "a server at " + server.address();
        }
    }
}
