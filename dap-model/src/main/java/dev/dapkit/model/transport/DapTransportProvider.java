package dev.dapkit.model.transport;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Makes connections for one or more URI schemes; found by
 * {@link dev.dapkit.model.transport.DapTransports} through {@link java.util.ServiceLoader}.
 * Declare an implementation with {@code provides} in {@code module-info.java} and in
 * {@code META-INF/services/dev.dapkit.model.transport.DapTransportProvider}.
 *
 * <p>Implementations are public, have a public no-argument constructor, hold no per-connection
 * state and are thread-safe.
 */
public interface DapTransportProvider {

    /** The schemes this provider serves, in lower case, e.g. {@code tcp}. */
    Set<String> schemes();

    /**
     * Opens a connection to {@code uri}, whose scheme is one of {@link #schemes()}. The
     * connection is returned not yet started.
     *
     * @throws IllegalArgumentException when {@code uri} is not a valid address for this transport
     * @throws IOException when the connection cannot be made, or this transport cannot connect
     */
    DapConnection connect(URI uri) throws IOException;

    /**
     * Opens a source of inbound connections at {@code uri}, whose scheme is one of
     * {@link #schemes()}. A socket is bound before this returns, so that
     * {@link ConnectionSource#address()} is final.
     *
     * @throws IllegalArgumentException when {@code uri} is not a valid address for this transport
     * @throws IOException when the source cannot be opened, or this transport cannot listen
     */
    ConnectionSource listen(URI uri) throws IOException;
}
