package dev.dapkit.client;

import dev.dapkit.model.transport.StreamConnections;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A client reading from and writing to OS pipes, whose other ends the test holds: the test can
 * write bytes that are no DAP at all. What the client writes is drained on a daemon thread.
 */
final class PipedAdapter implements AutoCloseable {

    final DapClient client;
    private final OutputStream toClient;
    private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();

    private PipedAdapter(DapClient client, OutputStream toClient, InputStream clientOutput) {
        this.client = client;
        this.toClient = toClient;
        Thread drain = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (clientOutput) {
                int n;
                while ((n = clientOutput.read(buffer)) >= 0) {
                    synchronized (fromClient) {
                        fromClient.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the client closed its end
            }
        }, "piped-adapter-drain");
        drain.setDaemon(true);
        drain.start();
    }

    static PipedAdapter start(UnaryOperator<DapClientBuilder> settings) throws IOException {
        Pipe inbound = Pipe.open();
        Pipe outbound = Pipe.open();
        DapClient client = settings.apply(DapClient.builder().connection(StreamConnections.of(
                Channels.newInputStream(inbound.source()), Channels.newOutputStream(outbound.sink()), "piped adapter")))
                .connect();
        return new PipedAdapter(client, Channels.newOutputStream(inbound.sink()), Channels.newInputStream(outbound.source()));
    }

    /** Writes bytes to the client as they are. */
    void writeRaw(String text) throws IOException {
        toClient.write(text.getBytes(StandardCharsets.UTF_8));
        toClient.flush();
    }

    /** What the client has written so far. */
    String written() {
        synchronized (fromClient) {
            return fromClient.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        toClient.close();
    }
}
