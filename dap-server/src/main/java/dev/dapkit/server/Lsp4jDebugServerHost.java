package dev.dapkit.server;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.server.internal.Lsp4jSession;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * Hosts any LSP4J {@link IDebugProtocolServer} implementation on a dapkit connection, for power
 * users who already have one: dapkit does the framing, JSON, {@code seq} stamping, request
 * matching, {@code cancel} and error responses (never a stack trace on the wire); the server keeps
 * its own protocol logic. LSP4J's runtime (launchers, Gson) is not used.
 *
 * <pre>{@code
 * DebugSession session = Lsp4jDebugServerHost.serve(client -> new MyDebugServer(client), connection);
 * }</pre>
 *
 * <p>LSP4J has no "client aware" interface for debug servers; a server that talks back gets its
 * {@link IDebugProtocolClient} through the factory. Its {@code @JsonNotification} methods send
 * events and its {@code runInTerminal}/{@code startDebugging} send reverse requests whose futures
 * complete with the client's answer.
 *
 * <p>Threading: as with LSP4J's own launcher, the server's methods are called on the
 * connection's delivery thread, one at a time in arrival order; long work belongs in the returned
 * futures. The client proxy is thread-safe.
 */
public final class Lsp4jDebugServerHost {

    private Lsp4jDebugServerHost() {
    }

    /** Hosts a server that needs no client proxy; the session starts at once. */
    public static DebugSession serve(IDebugProtocolServer server, DapConnection connection) {
        Objects.requireNonNull(server, "server");
        return serve(client -> server, connection, ServerOptions.defaults());
    }

    /** Hosts the server {@code factory} makes from the client proxy; the session starts at once. */
    public static DebugSession serve(Function<? super IDebugProtocolClient, ? extends IDebugProtocolServer> factory,
            DapConnection connection) {
        return serve(factory, connection, ServerOptions.defaults());
    }

    /**
     * Hosts the server {@code factory} makes from the client proxy, with options (of which the
     * reverse request timeout applies).
     */
    public static DebugSession serve(Function<? super IDebugProtocolClient, ? extends IDebugProtocolServer> factory,
            DapConnection connection, ServerOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(options, "options");
        Lsp4jSession session = new Lsp4jSession(factory, connection, options);
        session.start();
        return session;
    }
}
