package dev.dapkit.target.micropython.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The tests' side of the agent link (PROTOCOL.md): a minimal host that sends requests and waits for
 * replies and events, with timeouts. Messages are read by a daemon thread; events that arrive while a
 * test waits for something else are kept for a later {@link #event}.
 */
final class AgentSession implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CLOSED = MissingNode.getInstance();

    private final Socket socket;
    private final OutputStream out;
    private final AgentProcess process;
    private final boolean ownsProcess;
    private final BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    private final List<JsonNode> kept = new ArrayList<>();
    private final JsonNode hello;
    private int nextId = 1;
    private boolean closedByAgent;

    private AgentSession(Socket socket, AgentProcess process, boolean ownsProcess)
            throws IOException, InterruptedException {
        this.socket = socket;
        this.process = process;
        this.ownsProcess = ownsProcess;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "agent-link-reader");
        reader.setDaemon(true);
        reader.start();
        this.hello = event("hello");
    }

    /**
     * Launches {@code program} under the agent's runner, which dials back to this session; with
     * {@code wait} the program waits for {@code go}.
     */
    static AgentSession launch(Interpreter interpreter, Path agentDir, Program program, boolean wait,
            String... args) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            List<String> command = new ArrayList<>(List.of("-m", "dapkit_agent", "--connect",
                    "127.0.0.1:" + server.getLocalPort()));
            if (wait) {
                command.add("--wait");
            }
            command.add(program.file());
            command.addAll(List.of(args));
            AgentProcess process = AgentProcess.start(interpreter, agentDir, program.path().getParent(), command);
            try {
                Socket socket = server.accept();
                return new AgentSession(socket, process, true);
            } catch (IOException e) {
                process.close();
                throw new IOException("the agent did not connect: " + process.stderr(), e);
            }
        }
    }

    /** Attaches to an agent that listens on {@code port}; the caller keeps owning {@code process}. */
    static AgentSession attach(int port, AgentProcess process) throws IOException, InterruptedException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        return new AgentSession(socket, process, false);
    }

    JsonNode hello() {
        return hello;
    }

    AgentProcess process() {
        return process;
    }

    /** Sends a request ({@code key, value} pairs) and returns its reply, error or not. */
    JsonNode request(String command, Object... keyValues) throws InterruptedException {
        ObjectNode message = JSON.createObjectNode();
        int id = nextId++;
        message.put("i", id);
        message.put("c", command);
        for (int k = 0; k < keyValues.length; k += 2) {
            message.set((String) keyValues[k], JSON.valueToTree(keyValues[k + 1]));
        }
        sendRaw(message.toString());
        return await(m -> m.path("r").asInt(-1) == id, "the reply to " + message);
    }

    /** A request that must succeed. */
    JsonNode ok(String command, Object... keyValues) throws InterruptedException {
        JsonNode reply = request(command, keyValues);
        assertFalse(reply.has("e"), () -> command + " failed: " + reply);
        return reply;
    }

    /** Sends one raw line, framed with the record separator. */
    void sendRaw(String line) {
        try {
            out.write(0x1E);
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the agent", e);
        }
    }

    JsonNode event(String name) throws InterruptedException {
        return await(m -> name.equals(m.path("ev").asText()), "a '" + name + "' event");
    }

    /** Resumes the thread of {@code stop} and returns the program's exit code. */
    int continueToExit(JsonNode stop) throws InterruptedException {
        ok("cont", "t", stop.path("t").asLong());
        return event("exit").path("code").asInt();
    }

    /** Every frame of the thread of {@code stop}, top first. */
    JsonNode frames(JsonNode stop) throws InterruptedException {
        return ok("stack", "t", stop.path("t").asLong(), "start", 0, "levels", 0).path("frames");
    }

    JsonNode stopped() throws InterruptedException {
        return event("stopped");
    }

    /** The texts of every {@code out} event of category {@code category} received so far. */
    List<String> outputs(String category) {
        List<String> texts = new ArrayList<>();
        drainIncoming();
        for (JsonNode m : kept) {
            if ("out".equals(m.path("ev").asText()) && category.equals(m.path("cat").asText())) {
                texts.add(m.path("text").asText());
            }
        }
        return texts;
    }

    /** The launched process's stderr once it ended; fails when it does not end in time. */
    String stderrAtExit() throws InterruptedException {
        if (process == null || process.awaitExit(TIMEOUT_SECONDS) < 0) {
            return fail("the agent's process did not end within " + TIMEOUT_SECONDS + " s");
        }
        return process.stderr();
    }

    /** Waits until the agent closes the link; false after the timeout. */
    boolean awaitClosed() throws InterruptedException {
        while (!closedByAgent) {
            JsonNode m = incoming.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (m == null) {
                return false;
            }
            if (m == CLOSED) {
                closedByAgent = true;
            } else {
                kept.add(m);
            }
        }
        return true;
    }

    private JsonNode await(Predicate<JsonNode> wanted, String what) throws InterruptedException {
        for (int k = 0; k < kept.size(); k++) {
            if (wanted.test(kept.get(k))) {
                return kept.remove(k);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!closedByAgent) {
            JsonNode m = incoming.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m == null) {
                break;
            }
            if (m == CLOSED) {
                closedByAgent = true;
                break;
            }
            if (wanted.test(m)) {
                return m;
            }
            kept.add(m);
        }
        return fail("waited for " + what + (closedByAgent ? "; the agent closed the link" : "; timed out")
                + "; received meanwhile: " + kept + "; stderr: " + (process == null ? "" : process.stderr()));
    }

    private void drainIncoming() {
        JsonNode m;
        while ((m = incoming.poll()) != null) {
            if (m == CLOSED) {
                closedByAgent = true;
            } else {
                kept.add(m);
            }
        }
    }

    private void read() {
        try (InputStream in = new java.io.BufferedInputStream(socket.getInputStream())) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                byte[] bytes = line.toByteArray();
                line.reset();
                int start = bytes.length > 0 && bytes[0] == 0x1E ? 1 : 0;
                incoming.add(JSON.readTree(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            // the link is gone: CLOSED below says so
        } finally {
            incoming.add(CLOSED);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        if (ownsProcess) {
            process.close();
        }
    }
}
