package dev.dapkit.transport.tcp.internal;

import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.DapTransportProvider;
import dev.dapkit.transport.tcp.ConnectRetry;
import dev.dapkit.transport.tcp.TcpClientTransport;
import dev.dapkit.transport.tcp.TcpServerTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The {@code tcp://host:port} transport. Connecting takes two optional query parameters:
 * {@code retry} (a number of attempts, {@code ?retry=10}, or how long to keep trying,
 * {@code ?retry=30s}; waits double from 100 ms to 2 s) and {@code connectTimeout} (per attempt,
 * {@code ?connectTimeout=3s}); listening takes none, and port 0 picks a free port. Everything else
 * is the builders' default ({@link TcpClientTransport}, {@link TcpServerTransport}).
 *
 * <p>Stateless and thread-safe.
 */
public final class TcpTransportProvider implements DapTransportProvider {

    static final Duration RETRY_INITIAL_BACKOFF = Duration.ofMillis(100);
    static final Duration RETRY_MAX_BACKOFF = Duration.ofSeconds(2);
    private static final String FORM = "write tcp://host:port, e.g. tcp://127.0.0.1:4711";

    @Override
    public Set<String> schemes() {
        return Set.of(TcpAddress.SCHEME);
    }

    @Override
    public DapConnection connect(URI uri) throws IOException {
        TcpAddress address = address(uri);
        if (address.port() == 0) {
            throw new IllegalArgumentException("'" + uri + "' has port 0, which only listening can use; " + FORM);
        }
        TcpClientTransport.Builder builder = TcpClientTransport.builder().address(address.host(), address.port());
        for (Map.Entry<String, String> parameter : query(uri).entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "retry" -> builder.retry(retry(value, uri));
                case "connectTimeout" -> builder.connectTimeout(DurationText.parse(value, "connectTimeout in '" + uri + "'"));
                default -> throw new IllegalArgumentException("'" + uri + "' has an unknown parameter '"
                        + parameter.getKey() + "'; tcp addresses take retry (e.g. retry=10 or retry=30s) and"
                        + " connectTimeout (e.g. connectTimeout=3s)");
            }
        }
        CompletableFuture<DapConnection> connecting = builder.build().connect();
        try {
            return connecting.get();
        } catch (InterruptedException e) {
            connecting.cancel(false);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + address);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot connect to " + address + ": " + cause, cause);
        }
    }

    @Override
    public ConnectionSource listen(URI uri) throws IOException {
        TcpAddress address = address(uri);
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("'" + uri + "' has parameters, which listening does not take;"
                    + " write tcp://host:port (port 0 for any free port)");
        }
        return TcpServerTransport.builder().bind(address.host(), address.port()).build();
    }

    /** The host and port of a {@code tcp://} URI. */
    static TcpAddress address(URI uri) {
        if (uri.isOpaque()) {
            throw new IllegalArgumentException("'" + uri + "' is not a tcp address; " + FORM);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + uri.toString().replace(uri.getRawUserInfo() + "@", "***@")
                    + "' has user info, which tcp addresses do not take (a secret goes in a tcps:// address); " + FORM);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + uri + "' has no host (or one that is not a valid host name); "
                    + FORM);
        }
        if (uri.getPort() < 0) {
            throw new IllegalArgumentException("'" + uri + "' has no port; " + FORM);
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + uri + "' has a path or fragment, which tcp addresses do not take; "
                    + FORM);
        }
        return new TcpAddress(uri.getHost(), uri.getPort());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("'" + uri + "' has a parameter '" + pair
                        + "' that is not name=value");
            }
            if (parameters.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("'" + uri + "' gives parameter '" + pair.substring(0, eq) + "' twice");
            }
        }
        return parameters;
    }

    private static ConnectRetry retry(String value, URI uri) {
        if (value.chars().allMatch(Character::isDigit) && value.length() <= 9) {
            int attempts = Integer.parseInt(value);
            if (attempts < 1) {
                throw new IllegalArgumentException("retry in '" + uri + "' must be at least 1 attempt, got " + value);
            }
            return ConnectRetry.attempts(attempts, RETRY_INITIAL_BACKOFF, RETRY_MAX_BACKOFF);
        }
        Duration deadline = DurationText.parse(value, "retry in '" + uri + "' (a number of attempts or a duration)");
        if (deadline.isZero()) {
            throw new IllegalArgumentException("retry in '" + uri + "' must be a positive duration, got " + value);
        }
        return ConnectRetry.within(deadline, RETRY_INITIAL_BACKOFF, RETRY_MAX_BACKOFF);
    }
}
