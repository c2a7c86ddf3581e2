package dev.dapkit.transport.tcp.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * A host and port as dapkit writes them: {@code tcp://127.0.0.1:4711}, {@code tcp://[::1]:4711}.
 * Immutable.
 *
 * @param host a host name or an IP literal, IPv6 without brackets
 * @param port 0 to 65535
 */
public record TcpAddress(String host, int port) {

    /** The scheme of every address. */
    public static final String SCHEME = "tcp";

    /**
     * @throws IllegalArgumentException when the host is empty or the port is out of range
     */
    public TcpAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty; give a host name or an IP address such as 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0..65535 (host " + host + ")");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
    }

    /** The address of a socket, by IP. */
    public static TcpAddress of(InetSocketAddress socket) {
        String host = socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
        int zone = host.indexOf('%');
        return new TcpAddress(zone >= 0 ? host.substring(0, zone) : host, socket.getPort());
    }

    /** {@code tcp://host:port}, with an IPv6 literal in brackets. */
    public URI toUri() {
        return URI.create(toString());
    }

    @Override
    public String toString() {
        return SCHEME + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
