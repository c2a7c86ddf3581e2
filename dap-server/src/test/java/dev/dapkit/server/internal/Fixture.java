package dev.dapkit.server.internal;

import dev.dapkit.model.transport.InMemoryConnections;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.ServerOptions;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetProvider;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A server with one session on an in-memory pair, and the test client on the other side. */
public final class Fixture implements AutoCloseable {

    public final DapServer server;
    public final TestClient client;
    public final ServerSession session;
    private final AtomicReference<DebugTarget> created;
    private final AtomicReference<TargetContext> context;

    private Fixture(DapServer server, TestClient client, ServerSession session, AtomicReference<DebugTarget> created,
            AtomicReference<TargetContext> context) {
        this.server = server;
        this.client = client;
        this.session = session;
        this.created = created;
        this.context = context;
    }

    public static Fixture of(Supplier<? extends DebugTarget> targets) {
        return of(targets, ServerOptions.defaults());
    }

    public static Fixture of(Supplier<? extends DebugTarget> targets, ServerOptions options) {
        AtomicReference<DebugTarget> created = new AtomicReference<>();
        AtomicReference<TargetContext> context = new AtomicReference<>();
        TargetProvider provider = provider(targets, created, context);
        DapServer server = DapServer.builder().target(provider).options(options).build();
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        ServerSession session = (ServerSession) server.serve(pair.b());
        return new Fixture(server, new TestClient(pair.a()), session, created, context);
    }

    /** A provider with id {@code fake} that remembers what it made. */
    public static TargetProvider provider(Supplier<? extends DebugTarget> targets, AtomicReference<DebugTarget> created,
            AtomicReference<TargetContext> context) {
        return new TargetProvider() {
            @Override
            public String id() {
                return "fake";
            }

            @Override
            public DebugTarget create(TargetContext c) {
                DebugTarget t = targets.get();
                if (t instanceof FakeTarget fake) {
                    fake.context = c;
                }
                context.set(c);
                created.set(t);
                return t;
            }
        };
    }

    /** The target the session created at initialize. */
    @SuppressWarnings("unchecked")
    public <T extends DebugTarget> T target() {
        return (T) created.get();
    }

    public TargetContext context() {
        return context.get();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
