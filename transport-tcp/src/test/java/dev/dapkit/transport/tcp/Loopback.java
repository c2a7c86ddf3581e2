package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.testkit.transport.ConnectionPair;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on loopback, the clients connected to it and the connections it accepted, closed
 * together (last opened first). Not thread-safe: one test thread.
 */
final class Loopback implements AutoCloseable {

    static final long SECONDS = 10;

    private final TcpServerTransport server;
    private final BlockingQueue<DapConnection> accepted = new LinkedBlockingQueue<>();
    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    Loopback() throws IOException {
        server = TcpServerTransport.builder().build();
        open.push(server);
        server.start(accepted::add);
    }

    /** A client connected to the server. */
    DapConnection connect() throws Exception {
        DapConnection client = TcpClientTransport.builder().address(server.address().getHost(), server.address().getPort())
                .build().connect().get(SECONDS, TimeUnit.SECONDS);
        open.push(client);
        return client;
    }

    /** The next connection the server accepted. */
    DapConnection accepted() throws InterruptedException {
        DapConnection connection = accepted.poll(SECONDS, TimeUnit.SECONDS);
        assertNotNull(connection, "the server accepted nothing");
        open.push(connection);
        return connection;
    }

    /** A client connected to the server, and the server's side of it. */
    ConnectionPair pair() throws Exception {
        DapConnection client = connect();
        return new ConnectionPair(client, accepted());
    }

    @Override
    public void close() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }
}
