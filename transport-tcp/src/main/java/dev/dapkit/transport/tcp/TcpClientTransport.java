package dev.dapkit.transport.tcp;

import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.transport.tcp.internal.ConnectionSettings;
import dev.dapkit.transport.tcp.internal.TcpAddress;
import dev.dapkit.transport.tcp.internal.TcpConnector;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Connects to a DAP peer over TCP, retrying while the peer is not listening yet when asked to:
 * <pre>{@code
 * TcpClientTransport board = TcpClientTransport.builder()
 *         .address("192.168.4.1", 5678)
 *         .connectTimeout(Duration.ofSeconds(3))
 *         .retry(ConnectRetry.within(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(2)))
 *         .build();
 * DapConnection connection = board.connect().get();
 * }</pre>
 *
 * <p>An instance holds settings only: each {@link #connect()} opens a new connection, which the
 * caller owns and must close. Immutable and thread-safe.
 *
 * <p><b>Every TCP connection</b> (made here or accepted by a {@link TcpServerTransport}):
 * <ul>
 *   <li><b>Reading</b> starts with {@link DapConnection#start}; until then the peer's bytes wait in
 *       the socket buffers. Messages are delivered on the connection's own thread
 *       ({@code dapkit-delivery-<description>}). When the receiver falls behind by more than
 *       1 MiB of messages, the connection stops reading until it has caught up, so the peer is
 *       slowed by TCP's flow control rather than memory filling up.
 *   <li><b>A frame that never completes</b>: each inbound frame must arrive whole within the
 *       partial-frame timeout (default 30 s), counted from its first byte, or the connection is
 *       closed with a {@link dev.dapkit.model.framing.FramingException} that says how much of the
 *       frame came. The clock pauses while the connection itself is not reading.
 *   <li><b>A peer that does not read</b>: sends are queued and their futures stay pending until the
 *       frame is handed to the socket. The encoded bytes waiting are bounded (default 32 MiB); a
 *       send past the bound fails at once with {@link WriteQueueFullException}, writes nothing and
 *       leaves the connection open, so the caller chooses between dropping, waiting on earlier
 *       send futures, or closing. A single message is accepted whatever its size when nothing else
 *       waits.
 *   <li>Sends are encoded on the calling thread and written by a shared event loop thread
 *       ({@code dapkit-tcp-*}), in call order; their futures complete on that thread.
 * </ul>
 */
public final class TcpClientTransport {

    /** The default time one connection attempt may take. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI address;
    private final TcpConnector connector;

    private TcpClientTransport(URI address, TcpConnector connector) {
        this.address = address;
        this.connector = connector;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects, retrying as configured. The connection is returned not yet started.
     *
     * @return a future for the connection; it fails with a {@link java.net.ConnectException} that
     *     names the address, the number of attempts and the last cause (also its
     *     {@link Throwable#getCause() cause}) once the retry policy gives up, or at once for a
     *     failure that waiting does not mend (an unknown host). Cancelling it stops the attempts.
     */
    public CompletableFuture<DapConnection> connect() {
        return connector.connect();
    }

    /** The address connected to, e.g. {@code tcp://127.0.0.1:4711}. */
    public URI address() {
        return address;
    }

    @Override
    public String toString() {
        return "TcpClientTransport[" + address + "]";
    }

    /**
     * Configures a {@link TcpClientTransport}. Setters check only for null; {@link #build()}
     * checks the values. Not thread-safe.
     */
    public static final class Builder {

        private String host;
        private int port;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private ConnectRetry retry = ConnectRetry.none();
        private ConnectAttemptListener attemptListener = (attempt, cause, nextDelay) -> { };
        private FrameLimits frameLimits = FrameLimits.defaults();
        private Duration partialFrameTimeout = ConnectionSettings.DEFAULT_PARTIAL_FRAME_TIMEOUT;
        private long maxQueuedWriteBytes = ConnectionSettings.DEFAULT_MAX_QUEUED_WRITE_BYTES;

        private Builder() {
        }

        /** The peer: a host name or IP address, and a port. Required. */
        public Builder address(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            this.port = port;
            return this;
        }

        /** How long one attempt may take before it counts as failed (and may be retried). Default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Whether and how to retry when the peer refuses, times out or cannot be reached.
         * Default {@link ConnectRetry#none()}.
         */
        public Builder retry(ConnectRetry policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Told about each failed attempt that will be retried; see {@link ConnectAttemptListener}. */
        public Builder onAttemptFailed(ConnectAttemptListener listener) {
            this.attemptListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Caps on the frames of the connection; default {@link FrameLimits#defaults()}. */
        public Builder frameLimits(FrameLimits limits) {
            this.frameLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** How long one inbound frame may take to arrive, from its first byte. Default 30 s. */
        public Builder partialFrameTimeout(Duration timeout) {
            this.partialFrameTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How many encoded bytes of sent messages may wait for a peer that does not read before a
         * send fails with {@link WriteQueueFullException}. Default 32 MiB.
         */
        public Builder maxQueuedWriteBytes(long bytes) {
            this.maxQueuedWriteBytes = bytes;
            return this;
        }

        /**
         * Checks the settings.
         *
         * @throws IllegalStateException when no address was given
         * @throws IllegalArgumentException when the host is empty, the port is outside 1..65535,
         *     a timeout is not positive or the write bound is below 1
         */
        public TcpClientTransport build() {
            if (host == null) {
                throw new IllegalStateException("no address: call address(host, port) before build()");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range 1..65535 (host " + host + ")");
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
            }
            TcpAddress address = new TcpAddress(host, port);
            ConnectionSettings settings = new ConnectionSettings(frameLimits, partialFrameTimeout, maxQueuedWriteBytes);
            return new TcpClientTransport(address.toUri(),
                    new TcpConnector(address, settings, connectTimeout, retry, attemptListener));
        }
    }
}
