package dev.dapkit.transport.tcp;

import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.transport.tcp.internal.ConnectionSettings;
import dev.dapkit.transport.tcp.internal.TcpAcceptor;
import dev.dapkit.transport.tcp.internal.TcpAddress;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A listening TCP socket that yields one {@link DapConnection} per accepted socket:
 * <pre>{@code
 * TcpServerTransport server = TcpServerTransport.builder().bind("127.0.0.1", 0).build();
 * server.start(connection -> sessions.open(connection));
 * log.info("listening on {}", server.address());   // tcp://127.0.0.1:40123
 * }</pre>
 *
 * <p>{@link Builder#build()} binds the socket, so that {@link #address()} reports the real port
 * when port 0 was asked for; connections are accepted only after {@link #start}. Until then
 * clients that connect wait in the operating system's backlog.
 *
 * <p><b>Ownership.</b> Each connection is handed over not yet started: the callee owns it, starts
 * it and closes it. Closing the server closes the listening socket only; connections already
 * handed over stay open. A connection accepted while the server closes is closed, not handed over.
 *
 * <p><b>Threading.</b> Thread-safe. {@code onConnection} is called on a transport thread, one
 * connection at a time; it should start the connection and return, not block. Sockets are served by
 * a small pool of daemon event loop threads ({@code dapkit-tcp-*}) shared by every TCP server and
 * connection in the process; it is made on first use and stops a second after its last user closed.
 * Each started connection delivers its messages on a thread of its own
 * ({@code dapkit-delivery-<description>}), so that a slow receiver never holds up another connection.
 *
 * <p>See {@link TcpClientTransport} for what every TCP connection does about a peer that stops
 * reading, and about a frame that never completes.
 */
public final class TcpServerTransport implements ConnectionSource {

    /** The address bound when none is given: the loopback interface only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private final TcpAcceptor acceptor;

    private TcpServerTransport(TcpAcceptor acceptor) {
        this.acceptor = acceptor;
    }

    /** A builder that binds {@value #DEFAULT_HOST} on a free port unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts accepting connections.
     *
     * @throws IllegalStateException when called a second time, or after {@link #close()}
     */
    @Override
    public void start(Consumer<DapConnection> onConnection) {
        acceptor.start(onConnection);
    }

    /** The bound address, e.g. {@code tcp://127.0.0.1:40123}, with the real port when port 0 was asked for. */
    @Override
    public URI address() {
        return acceptor.address();
    }

    /** Closes the listening socket; connections handed over stay open. Idempotent. */
    @Override
    public void close() {
        acceptor.close();
    }

    /**
     * Completes normally once the listening socket is closed after {@link #close()}, exceptionally
     * when it closed on its own. Each call returns a new dependent future.
     */
    @Override
    public CompletableFuture<Void> closeFuture() {
        return acceptor.closeFuture();
    }

    @Override
    public String toString() {
        return "TcpServerTransport[" + acceptor.address() + "]";
    }

    /**
     * Configures a {@link TcpServerTransport}. Setters check only for null; {@link #build()}
     * checks the values. Not thread-safe; a builder may build several servers.
     */
    public static final class Builder {

        private String host = DEFAULT_HOST;
        private int port;
        private FrameLimits frameLimits = FrameLimits.defaults();
        private Duration partialFrameTimeout = ConnectionSettings.DEFAULT_PARTIAL_FRAME_TIMEOUT;
        private long maxQueuedWriteBytes = ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES;

        private Builder() {
        }

        /**
         * Where to listen: a host name or IP address of a local interface, and a port (0 for any
         * free port). The default is {@value TcpServerTransport#DEFAULT_HOST} and port 0; other machines can reach
         * the server only when an address such as {@code 0.0.0.0} is given here explicitly.
         */
        public Builder bind(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            this.port = port;
            return this;
        }

        /** Caps on the frames of each connection; default {@link FrameLimits#defaults()}. */
        public Builder frameLimits(FrameLimits limits) {
            this.frameLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * How long one inbound frame may take to arrive, from its first byte; a connection whose
         * peer leaves a frame unfinished longer is closed. Default 30 s.
         */
        public Builder partialFrameTimeout(Duration timeout) {
            this.partialFrameTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How many encoded bytes of sent messages may wait for a peer that does not read, per
         * connection, before a send fails with {@link WriteQueueFullException}. Default 32 MiB.
         */
        public Builder maxQueuedWriteBytes(long bytes) {
            this.maxQueuedWriteBytes = bytes;
            return this;
        }

        /**
         * Checks the settings and binds the socket.
         *
         * @throws IllegalArgumentException when the host is empty, the port is outside 0..65535,
         *     the timeout is not positive or the write bound is below 1
         * @throws java.net.BindException when the address cannot be bound (in use, not local),
         *     naming it
         * @throws IOException when the socket cannot be opened
         */
        public TcpServerTransport build() throws IOException {
            TcpAddress address = new TcpAddress(host, port);
            ConnectionSettings settings = new ConnectionSettings(frameLimits, partialFrameTimeout, maxQueuedWriteBytes);
            return new TcpServerTransport(TcpAcceptor.bind(address, settings));
        }
    }
}
