package dev.dapkit.client;

import dev.dapkit.model.transport.InMemoryConnections;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A client and a {@link ScriptedAdapter} joined in memory, with virtual time for timeouts.
 * Closing closes both and waits (bounded) for the client to end.
 */
final class ClientFixture implements AutoCloseable {

    final ManualScheduler time = new ManualScheduler();
    final DapClient client;
    final ScriptedAdapter adapter;

    private ClientFixture(UnaryOperator<DapClientBuilder> settings) throws IOException {
        InMemoryConnections.Pair pair = InMemoryConnections.pair();
        adapter = new ScriptedAdapter(pair.b());
        client = settings.apply(DapClient.builder().connection(pair.a()).scheduler(time)).connect();
    }

    static ClientFixture start() throws IOException {
        return new ClientFixture(b -> b);
    }

    static ClientFixture start(UnaryOperator<DapClientBuilder> settings) throws IOException {
        return new ClientFixture(settings);
    }

    @Override
    public void close() throws Exception {
        client.close();
        adapter.close();
        client.closeFuture().get(ScriptedAdapter.WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
