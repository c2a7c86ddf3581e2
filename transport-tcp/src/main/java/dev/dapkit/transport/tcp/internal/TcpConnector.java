package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.transport.tcp.ConnectAttemptListener;
import dev.dapkit.transport.tcp.ConnectRetry;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to one address, retrying refused and timed-out attempts as a {@link ConnectRetry} says.
 * Immutable and thread-safe; every {@link #connect()} is a separate series of attempts.
 */
public final class TcpConnector {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnector.class);

    private final TcpAddress address;
    private final ConnectionSettings settings;
    private final Duration connectTimeout;
    private final ConnectRetry retry;
    private final ConnectAttemptListener listener;

    public TcpConnector(TcpAddress address, ConnectionSettings settings, Duration connectTimeout, ConnectRetry retry,
            ConnectAttemptListener listener) {
        this.address = Objects.requireNonNull(address, "address");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts the attempts; see {@code TcpClientTransport.connect()}. */
    public CompletableFuture<DapConnection> connect() {
        CompletableFuture<DapConnection> result = new CompletableFuture<>();
        SharedEventLoops.Lease lease = SharedEventLoops.acquire();
        result.whenComplete((connection, failure) -> lease.close());
        new Attempts(result, lease).attempt(1);
        return result;
    }

    /** Whether a failure may go away by waiting: the peer is not listening yet, or not reachable yet. */
    static boolean isRetryable(Throwable cause) {
        // Netty's ConnectTimeoutException is a ConnectException too
        return cause instanceof ConnectException || cause instanceof NoRouteToHostException;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return message != null ? message : cause.getClass().getSimpleName();
        }
        return cause.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    /** One series of attempts; its methods run on the event loop, apart from the first attempt. */
    private final class Attempts {

        private final CompletableFuture<DapConnection> result;
        private final SharedEventLoops.Lease lease;
        private final long startNanos = System.nanoTime();

        Attempts(CompletableFuture<DapConnection> result, SharedEventLoops.Lease lease) {
            this.result = result;
            this.lease = lease;
        }

        void attempt(int number) {
            if (result.isDone()) {
                return; // cancelled
            }
            TcpConnection[] made = new TcpConnection[1];
            Bootstrap bootstrap = new Bootstrap()
                    .group(lease.group())
                    .channelFactory(DirectSocketChannel::new)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(connectTimeout.toMillis(), Integer.MAX_VALUE))
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            try {
                                SharedEventLoops.Lease connectionLease = lease.share();
                                made[0] = TcpConnection.install(channel, address.toString(), settings,
                                        connectionLease::close, false);
                            } catch (IllegalStateException e) {
                                channel.close(); // the caller gave up while this attempt began
                            }
                        }
                    });
            ChannelFuture connecting;
            try {
                connecting = bootstrap.connect(address.host(), address.port());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            connecting.addListener((ChannelFuture f) -> {
                if (f.isSuccess() && made[0] != null) {
                    if (!result.complete(made[0])) {
                        made[0].close(); // cancelled meanwhile
                    }
                } else {
                    failed(number, f.cause() != null ? f.cause() : new ConnectException("connection closed"));
                }
            });
        }

        private void failed(int number, Throwable cause) {
            if (result.isDone()) {
                return;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            Optional<Duration> delay = isRetryable(cause) ? retry.delayAfter(number, elapsed) : Optional.empty();
            if (delay.isEmpty()) {
                result.completeExceptionally(finalFailure(number, cause, elapsed));
                return;
            }
            LOG.debug("connecting to {}: attempt {} failed ({}), next in {}", address, number, describe(cause),
                    DurationText.format(delay.get()));
            try {
                listener.attemptFailed(number, cause, delay.get());
            } catch (RuntimeException e) {
                LOG.warn("connect attempt listener for {} threw; ignored", address, e);
            }
            try {
                lease.group().schedule(() -> attempt(number + 1), delay.get().toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(finalFailure(number, cause, elapsed));
            }
        }

        private ConnectException finalFailure(int attempts, Throwable cause, Duration elapsed) {
            String text;
            if (!isRetryable(cause)) {
                text = "cannot connect to " + address + ": attempt " + attempts + " failed with " + describe(cause)
                        + ", which waiting does not mend, so it was not retried";
            } else if (retry.maxAttempts() == 1) {
                text = "cannot connect to " + address + " (one attempt, no retry configured): " + describe(cause);
            } else {
                text = "cannot connect to " + address + ": " + attempts + (attempts == 1 ? " attempt" : " attempts")
                        + " in " + DurationText.format(elapsed) + " failed (retry: " + retry + "); the last with: "
                        + describe(cause);
            }
            ConnectException failure = new ConnectException(text);
            failure.initCause(cause);
            return failure;
        }
    }
}
