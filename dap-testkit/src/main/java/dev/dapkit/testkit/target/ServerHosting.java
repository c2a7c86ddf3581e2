package dev.dapkit.testkit.target;

import dev.dapkit.server.spi.TargetProvider;

/**
 * Starts a {@link dev.dapkit.server.DapServer} for a target provider, reachable over one kind of
 * connection: how {@link HostedFakeTarget} runs the conformance suite over different transports.
 * {@link #inMemory()} is the testkit's own; a transport module's tests supply theirs.
 */
@FunctionalInterface
public interface ServerHosting {

    /** A started server whose sessions use targets made by {@code provider}. */
    HostedServer host(TargetProvider provider) throws Exception;

    /** Servers reached through {@link dev.dapkit.model.transport.InMemoryConnections} pairs. */
    static ServerHosting inMemory() {
        return InMemoryServer::start;
    }
}
