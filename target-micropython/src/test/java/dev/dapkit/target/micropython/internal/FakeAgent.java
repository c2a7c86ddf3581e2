package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted agent for tests of the host: a socket that speaks the link protocol as the test
 * tells it to, line by line, so that error paths (wrong version, malformed lines, silence, a
 * crash in the middle of a request) can be produced at will. Listens (for {@code connect}) or
 * dials in (for {@code listen}). Not thread-safe: one test thread drives it; a reader thread
 * queues what the host sends.
 */
final class FakeAgent implements AutoCloseable {

    static final long WAIT_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final CompletableFuture<Socket> connected = new CompletableFuture<>();
    private final BlockingQueue<ObjectNode> requests = new LinkedBlockingQueue<>();

    private FakeAgent(ServerSocket server) {
        this.server = server;
    }

    /** An agent that listens on a free port of 127.0.0.1, as {@code dapkit_agent.listen()} does. */
    static FakeAgent listening() throws IOException {
        FakeAgent agent = new FakeAgent(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
        Thread accept = new Thread(() -> {
            try {
                agent.use(agent.server.accept());
            } catch (IOException e) {
                agent.connected.completeExceptionally(e);
            }
        }, "fake-agent-accept");
        accept.setDaemon(true);
        accept.start();
        return agent;
    }

    /** An agent that dials in to a host listening on {@code port}, retrying until it is there. */
    static FakeAgent dialing(int port) {
        FakeAgent agent = new FakeAgent(null);
        Thread dial = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    agent.use(socket);
                    return;
                } catch (IOException e) {
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            }
            agent.connected.completeExceptionally(new IOException("the host never listened on " + port));
        }, "fake-agent-dial");
        dial.setDaemon(true);
        dial.start();
        return agent;
    }

    int port() {
        return server.getLocalPort();
    }

    private void use(Socket socket) throws IOException {
        connected.complete(socket);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.startsWith("\u001e")) {
                        throw new IOException("the host sent a line without the 0x1E marker: " + line);
                    }
                    requests.add((ObjectNode) JSON.readTree(line.substring(1)));
                }
            } catch (IOException e) {
                // the link ended; the tests look at what arrived before
            }
        }, "fake-agent-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private Socket socket() throws Exception {
        return connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends raw bytes: a line, or program output outside lines. */
    void sendRaw(String text) throws Exception {
        OutputStream out = socket().getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends one message as a line. */
    void send(String json) throws Exception {
        sendRaw("\u001e" + json + "\n");
    }

    void hello(int proto, boolean locals) throws Exception {
        send("{\"ev\":\"hello\",\"proto\":" + proto + ",\"agent\":\"test\",\"impl\":\"micropython\",\"version\":\"1.25.0\","
                + "\"platform\":\"test\",\"locals\":" + locals + ",\"threads\":true,\"mem_free\":1000,"
                + "\"main\":\"/flash/main.py\",\"cwd\":\"/flash\",\"sep\":\"/\"}");
    }

    /** The next request from the host, which must be {@code command}. */
    ObjectNode expect(String command) throws Exception {
        ObjectNode request = requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the host sent no '" + command + "' within " + WAIT_SECONDS + " s");
        }
        if (!command.equals(request.path("c").asText())) {
            throw new AssertionError("expected '" + command + "' from the host, got " + request);
        }
        return request;
    }

    /** Answers a request with the given result fields (a JSON object's inside, e.g. {@code "exists":true}). */
    void reply(ObjectNode request, String fields) throws Exception {
        send("{\"r\":" + request.get("i").asInt() + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    /** Answers the next request, which must be {@code command}. */
    ObjectNode answer(String command, String fields) throws Exception {
        ObjectNode request = expect(command);
        reply(request, fields);
        return request;
    }

    /** Whether the host sent nothing more so far. */
    boolean noMoreRequests() {
        return requests.isEmpty();
    }

    /** Drops the connection, as a board that resets does. */
    void crash() throws Exception {
        socket().close();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        Socket socket = connected.getNow(null);
        if (socket != null) {
            socket.close();
        }
    }
}
