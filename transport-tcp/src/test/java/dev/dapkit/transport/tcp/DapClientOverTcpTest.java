package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.DapClient;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.DapTransports;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Test;

/** dap-client's builder reaches an adapter by {@code tcp://host:port}, found through this module's provider. */
class DapClientOverTcpTest {

    @Test
    void aClientBuiltFromATcpUriTalksToTheAdapterListeningThere() throws Exception {
        CompletableFuture<DapConnection> accepted = new CompletableFuture<>();
        try (ConnectionSource adapter = DapTransports.listen("tcp://127.0.0.1:0")) {
            adapter.start(connection -> {
                connection.start(message -> answer(connection, message));
                accepted.complete(connection);
            });
            DapClient client = DapClient.builder().uri(adapter.address()).connect();
            try {
                ThreadsResponse threads = client.server().threads().get(10, TimeUnit.SECONDS);
                assertEquals("main", threads.getThreads()[0].getName());
                assertTrue(client.description().contains("127.0.0.1"), client.description());
            } finally {
                client.close();
            }
            accepted.get(10, TimeUnit.SECONDS).closeFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The adapter's side: answers {@code threads} with one thread. */
    private static void answer(DapConnection connection, DapMessage message) {
        if (message instanceof Request request && request.command().equals("threads")) {
            Thread main = new Thread();
            main.setId(1);
            main.setName("main");
            ThreadsResponse body = new ThreadsResponse();
            body.setThreads(new Thread[] {main});
            connection.send(Response.success(request, body).withSeq(1));
        }
    }
}
