package dev.dapkit.model.internal.transport;

import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.DapTransportProvider;
import dev.dapkit.model.transport.StreamConnections;
import java.net.URI;
import java.util.Set;

/**
 * The {@code stdio:} transport: this process's standard input and output. Both connecting and
 * listening give the one stdio connection (listening hands it over when the source starts).
 * The URI form is {@code stdio:-} ({@code stdio:} alone is not a valid {@link URI});
 * {@link dev.dapkit.model.transport.DapTransports} accepts {@code stdio:} as text.
 *
 * <p>Stateless and thread-safe.
 */
public final class StdioTransportProvider implements DapTransportProvider {

    static final URI ADDRESS = URI.create("stdio:-");

    @Override
    public Set<String> schemes() {
        return Set.of("stdio");
    }

    @Override
    public DapConnection connect(URI uri) {
        check(uri);
        return StreamConnections.stdio();
    }

    @Override
    public ConnectionSource listen(URI uri) {
        check(uri);
        return new SingleConnectionSource(ADDRESS, StreamConnections::stdio);
    }

    private static void check(URI uri) {
        if (!"-".equals(uri.getSchemeSpecificPart()) || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + uri + "' is not a stdio address: standard streams take no"
                    + " address, write stdio: (URI form stdio:-)");
        }
    }
}
