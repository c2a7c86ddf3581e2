package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.transport.DapConnection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket that makes a {@link TcpConnection} of every socket it accepts. The socket is
 * bound at once but accepts only after {@link #start}: connections that come earlier wait in the
 * operating system's backlog.
 *
 * <p>Every accepted socket gets an event loop (a thread) of its own, ended when the socket closes:
 * a DAP server has a handful of clients, and a session may then answer a quick request on the
 * thread that read it ({@link DapConnection#readsOnOwnThread}), two thread hand-offs fewer per
 * request, without ever holding up another session. The listening socket itself stays on the
 * shared event loops.
 *
 * <p>Thread-safe. Accepted connections are handed over on the listening socket's event loop, one
 * at a time; the callee must not block there.
 */
public final class TcpAcceptor {

    private static final Logger LOG = LoggerFactory.getLogger(TcpAcceptor.class);
    private static final ThreadFactory OWN_LOOP_THREADS = new DefaultThreadFactory("dapkit-tcp-conn", true);
    /** How long a closed connection's event loop waits for stray tasks before it ends. */
    private static final long OWN_LOOP_QUIET_MILLIS = 100;

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
        NioServerSocketChannel listening = new DirectServerSocketChannel();
        listening.config().setAutoRead(false);
        listening.pipeline().addLast("accept", new Adopter());
        ChannelFuture registered = lease.group().register(listening).awaitUninterruptibly();
        if (!registered.isSuccess()) {
            throw bindFailure(wanted, registered.cause());
        }
        ChannelFuture bound = listening.bind(new InetSocketAddress(wanted.host(), wanted.port())).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            listening.close().awaitUninterruptibly();
            throw bindFailure(wanted, bound.cause());
        }
        serverChannel = listening;
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

    private static BindException bindFailure(TcpAddress wanted, Throwable cause) {
        BindException failure = new BindException("cannot listen on " + wanted + ": "
                + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
        failure.initCause(cause);
        return failure;
    }

    /** On the listening socket's event loop: registers an accepted socket with an event loop of its own. */
    private void adopt(Channel channel) {
        channel.config().setAutoRead(false);
        channel.config().setOption(ChannelOption.TCP_NODELAY, true);
        EventLoopGroup own = new MultiThreadIoEventLoopGroup(1, OWN_LOOP_THREADS, NioIoHandler.newFactory());
        channel.pipeline().addLast(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel registered) {
                accepted(registered, own);
            }
        });
        own.register(channel).addListener(f -> {
            if (!f.isSuccess()) {
                LOG.warn("cannot serve the connection from {}: {}", channel.remoteAddress(), f.cause().toString());
                channel.unsafe().closeForcibly();
                own.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** On the accepted channel's own event loop, while it registers. */
    private void accepted(Channel channel, EventLoopGroup own) {
        String description = TcpAddress.of((InetSocketAddress) channel.remoteAddress())
                + " (accepted on port " + ((InetSocketAddress) serverChannel.localAddress()).getPort() + ")";
        TcpConnection connection = TcpConnection.install(channel, description, settings,
                () -> own.shutdownGracefully(0, OWN_LOOP_QUIET_MILLIS, TimeUnit.MILLISECONDS), true);
        serverChannel.eventLoop().execute(() -> handOver(connection));
    }

    /** Takes the sockets the listening socket accepts; on its event loop. */
    private final class Adopter extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object accepted) {
            adopt((Channel) accepted);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            // accept() failed (too many open files, say): the listening socket stays open for the next try
            LOG.warn("accepting a connection on {} failed: {}", address, cause.toString());
        }
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
