package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.transport.DapConnection;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket that makes a {@link TcpConnection} of every socket it accepts. The socket is
 * bound at once but accepts only after {@link #start}: connections that come earlier wait in the
 * operating system's backlog.
 *
 * <p>Thread-safe. Accepted connections are handed over on the listening socket's event loop, one
 * at a time; the callee must not block there.
 */
public final class TcpAcceptor {

    private static final Logger LOG = LoggerFactory.getLogger(TcpAcceptor.class);

    private final ConnectionSettings settings;
    private final SharedEventLoops.Lease lease;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Consumer<DapConnection> onConnection;
    private Channel serverChannel;
    private URI address;

    private TcpAcceptor(ConnectionSettings settings, SharedEventLoops.Lease lease) {
        this.settings = settings;
        this.lease = lease;
    }

    /**
     * Binds a socket at {@code address}.
     *
     * @throws BindException when the address cannot be bound, naming it
     */
    public static TcpAcceptor bind(TcpAddress address, ConnectionSettings settings) throws IOException {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(settings, "settings");
        SharedEventLoops.Lease lease = SharedEventLoops.acquire();
        TcpAcceptor acceptor = new TcpAcceptor(settings, lease);
        try {
            acceptor.open(address);
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
        return acceptor;
    }

    private void open(TcpAddress wanted) throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(lease.group())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        accepted(channel);
                    }
                });
        ChannelFuture bound = bootstrap.bind(wanted.host(), wanted.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            BindException failure = new BindException("cannot listen on " + wanted + ": "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
            failure.initCause(cause);
            throw failure;
        }
        serverChannel = bound.channel();
        address = TcpAddress.of((InetSocketAddress) serverChannel.localAddress()).toUri();
        serverChannel.closeFuture().addListener(f -> {
            lease.close();
            if (closing.get()) {
                closed.complete(null);
            } else {
                closed.completeExceptionally(new IOException("the listening socket " + address + " closed unexpectedly"));
            }
        });
        LOG.debug("listening on {}", address);
    }

    /**
     * Starts accepting.
     *
     * @throws IllegalStateException when called a second time, or after {@link #close()}
     */
    public void start(Consumer<DapConnection> handler) {
        Objects.requireNonNull(handler, "onConnection");
        if (closing.get()) {
            throw new IllegalStateException("connection source " + address + " is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("connection source " + address + " was already started");
        }
        onConnection = handler;
        serverChannel.config().setAutoRead(true);
    }

    /** {@code tcp://host:port} with the bound port. */
    public URI address() {
        return address;
    }

    /** Closes the listening socket; connections handed over stay open. Idempotent. */
    public void close() {
        if (closing.compareAndSet(false, true)) {
            serverChannel.close();
        }
    }

    /** Completes once the listening socket is closed; each call returns a new dependent future. */
    public CompletableFuture<Void> closeFuture() {
        return closed.copy();
    }

    /** On the accepted channel's event loop, while it registers. */
    private void accepted(Channel channel) {
        SharedEventLoops.Lease connectionLease;
        try {
            connectionLease = lease.share();
        } catch (IllegalStateException e) {
            // the listening socket closed while this one was being accepted
            channel.close();
            return;
        }
        String description = TcpAddress.of((InetSocketAddress) channel.remoteAddress())
                + " (accepted on port " + ((InetSocketAddress) serverChannel.localAddress()).getPort() + ")";
        TcpConnection connection = TcpConnection.install(channel, description, settings, connectionLease);
        serverChannel.eventLoop().execute(() -> handOver(connection));
    }

    /** On the listening socket's event loop, so that hand-overs happen one at a time. */
    private void handOver(TcpConnection connection) {
        if (closing.get()) {
            connection.close();
            return;
        }
        try {
            onConnection.accept(connection);
        } catch (RuntimeException | Error e) {
            // The callee never took ownership: nobody else would close this connection.
            LOG.error("handler for the connection from {} threw; closing it", connection.description(), e);
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "TcpAcceptor[" + address + "]";
    }
}
