package dev.dapkit.testkit.transport;

import dev.dapkit.model.transport.DapConnection;
import java.util.Objects;

/**
 * Two connected ends of the transport under test, neither started: what the client side sends
 * the server side receives, and the other way round.
 *
 * @param client the end that connected (or either end, for a symmetric transport)
 * @param server the end that accepted
 */
public record ConnectionPair(DapConnection client, DapConnection server) {

    public ConnectionPair {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        if (client == server) {
            throw new IllegalArgumentException("client and server are the same connection: " + client.description());
        }
    }
}
