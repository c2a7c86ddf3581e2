package dev.dapkit.testkit.target;

import dev.dapkit.model.transport.DapConnection;

/**
 * A running DAP server for one target provider, and the way the suite's client reaches it: in
 * memory, over TCP, or any other transport. Made by a {@link ServerHosting}.
 *
 * <p>Called from the test thread only; need not be thread-safe.
 */
public interface HostedServer extends AutoCloseable {

    /** A new client connection, not yet started, to a new session of this server. */
    DapConnection connect() throws Exception;

    /** Shuts the server down and waits for its sessions to end. */
    @Override
    void close() throws Exception;
}
