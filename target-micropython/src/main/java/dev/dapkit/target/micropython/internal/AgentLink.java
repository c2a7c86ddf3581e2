package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.server.spi.RequestCancellation;
import dev.dapkit.server.spi.TargetException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link to a dapkit agent (PROTOCOL.md): sends requests and waits for their replies, hands
 * events and program output to a {@link Listener}, and reports once when the link ends, with the
 * reason. The byte stream is a socket's; {@link AgentFrameDecoder} splits it.
 *
 * <p>Thread-safe. One reader thread per link reads the stream and calls the listener, in stream
 * order; requests may be sent from any thread.
 */
public final class AgentLink implements AutoCloseable {

    /** The link version this host speaks. */
    public static final int PROTOCOL = 1;

    private static final Logger LOG = LoggerFactory.getLogger(AgentLink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final String address;
    private final Duration timeout;
    private final OutputStream out;
    private final PendingRequests pending = new PendingRequests();
    private final CompletableFuture<ObjectNode> hello = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private volatile Listener listener;

    /** What the link hands on; called on the link's reader thread, in stream order. */
    public interface Listener {
        /** An agent event other than {@code hello}. */
        void event(String name, ObjectNode event);

        /** Program output that came on the link outside agent lines. */
        void output(String text);

        /** The link ended; called once. */
        void closed(String reason);
    }

    private AgentLink(Socket socket, String address, Duration timeout) throws IOException {
        this.socket = socket;
        this.address = address;
        this.timeout = timeout;
        this.out = socket.getOutputStream();
    }

    /**
     * Starts reading a connected socket. Nothing is handed to {@code listener} before the agent's
     * {@code hello} has been checked by {@link #awaitHello}.
     *
     * @param address how to name the agent in messages, e.g. {@code 192.168.1.20:5678}
     * @param timeout how long a request waits for its reply
     */
    public static AgentLink start(Socket socket, String address, Duration timeout) throws IOException {
        socket.setTcpNoDelay(true);
        AgentLink link = new AgentLink(socket, address, timeout);
        Thread reader = new Thread(link::read, "dapkit-micropython-link " + address);
        reader.setDaemon(true);
        reader.start();
        return link;
    }

    /** Where the agent is, as messages name it. */
    public String address() {
        return address;
    }

    /**
     * Waits for the agent's {@code hello}, checks its link version, and from then on hands events
     * to {@code listener}.
     *
     * @return the hello message
     * @throws TargetException when no hello comes in time, the link closes, or the version differs
     *     (the link is closed then)
     */
    public ObjectNode awaitHello(Duration wait, Listener listener) throws TargetException {
        ObjectNode message;
        try {
            message = hello.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close("no hello");
            throw MicroPythonErrors.cannotAttach("the MicroPython agent at " + address + " sent no hello within "
                    + MicroPythonErrors.seconds(wait.toMillis()) + " (is something else listening on that port?)");
        } catch (ExecutionException e) {
            throw MicroPythonErrors.cannotAttach(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close("interrupted");
            throw MicroPythonErrors.cannotAttach("interrupted while waiting for the hello of the agent at " + address);
        }
        int version = message.path("proto").asInt(-1);
        if (version != PROTOCOL) {
            String problem = "the agent at " + address + " speaks link version "
                    + (message.has("proto") ? message.get("proto").toString() : "(none)") + ", this host speaks "
                    + PROTOCOL + ": use the dapkit_agent that comes with this dapkit";
            close(problem);
            throw MicroPythonErrors.cannotAttach(problem);
        }
        this.listener = listener;
        reportClosed();
        return message;
    }

    /** Sends a request and waits for its reply, as long as the link's request timeout. */
    public ObjectNode request(String command, ObjectNode arguments) throws TargetException {
        return request(command, arguments, timeout, RequestCancellation.never());
    }

    /**
     * Sends a request and waits for its reply.
     *
     * @param arguments the request's keys besides {@code i} and {@code c}, or null
     * @param cancellation stops the wait when the client cancels the request
     * @return the reply, without {@code r}
     * @throws TargetException when the agent replies with an error, does not reply in time, the
     *     link closes, or the request is cancelled
     */
    public ObjectNode request(String command, ObjectNode arguments, Duration wait, RequestCancellation cancellation)
            throws TargetException {
        PendingRequests.Pending request = pending.register(command);
        send(envelope(request.id(), command, arguments), command);
        cancellation.onCancel(() -> request.reply().cancel(false));
        ObjectNode reply;
        try {
            reply = request.reply().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.forget(request.id());
            throw MicroPythonErrors.noAnswer(command, address, wait.toMillis());
        } catch (java.util.concurrent.CancellationException e) {
            pending.forget(request.id());
            throw MicroPythonErrors.cancelled(command);
        } catch (ExecutionException e) {
            throw MicroPythonErrors.linkClosed(command, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.forget(request.id());
            throw MicroPythonErrors.cancelled(command);
        }
        JsonNode error = reply.get("e");
        if (error != null && !error.isNull()) {
            throw MicroPythonErrors.agentRefused(command, address, error.asText());
        }
        reply.remove("r");
        return reply;
    }

    /** Sends a request without waiting for its reply (e.g. {@code term}, after which the link may close at once). */
    public void post(String command, ObjectNode arguments) throws TargetException {
        PendingRequests.Pending request = pending.register(command);
        pending.forget(request.id());
        send(envelope(request.id(), command, arguments), command);
    }

    /** A request as the protocol frames it: {@code {"i": id, "c": command, ...arguments}}. */
    private static ObjectNode envelope(int id, String command, ObjectNode arguments) {
        ObjectNode message = JSON.createObjectNode();
        message.put("i", id);
        message.put("c", command);
        if (arguments != null) {
            arguments.properties().forEach(e -> message.set(e.getKey(), e.getValue()));
        }
        return message;
    }

    /** Completes with the reason once the link has ended. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /** Closes the link; the listener hears {@code reason} (unless the link had ended already). */
    public void close(String reason) {
        end(reason);
    }

    @Override
    public void close() {
        end("the link to the MicroPython agent at " + address + " was closed by the host");
    }

    private void send(ObjectNode message, String command) throws TargetException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        line.write(AgentFrameDecoder.START);
        try {
            JSON.writeValue(line, message);
        } catch (IOException e) {
            throw MicroPythonErrors.linkClosed(command, "cannot write the request as JSON: " + e.getMessage());
        }
        line.write(AgentFrameDecoder.END);
        try {
            synchronized (out) {
                line.writeTo(out);
                out.flush();
            }
        } catch (IOException e) {
            String reason = reason(e);
            end(reason);
            throw MicroPythonErrors.linkClosed(command, reason);
        }
    }

    private void read() {
        AgentFrameDecoder decoder = new AgentFrameDecoder(address);
        AgentFrameDecoder.Sink sink = new AgentFrameDecoder.Sink() {
            @Override
            public void message(ObjectNode message) {
                dispatch(message);
            }

            @Override
            public void output(String text) {
                Listener l = listener;
                if (l != null) {
                    l.output(text);
                } else {
                    LOG.debug("output from {} before its hello: {}", address, text);
                }
            }
        };
        byte[] buffer = new byte[8192];
        String reason;
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                decoder.feed(buffer, 0, n, sink);
            }
            decoder.finish(sink);
            reason = reason(new EOFException());
        } catch (AgentLinkException e) {
            reason = e.getMessage();
        } catch (IOException e) {
            reason = reason(e);
        } catch (RuntimeException e) {
            LOG.warn("the link to {} failed while handling a message", address, e);
            reason = "the link to the MicroPython agent at " + address + " failed: " + e;
        }
        end(reason);
    }

    private void dispatch(ObjectNode message) {
        JsonNode replyTo = message.get("r");
        if (replyTo != null) {
            if (!pending.complete(replyTo.asInt(), message)) {
                LOG.debug("dropping a reply from {} that nobody waits for (timed out or cancelled): {}", address, message);
            }
            return;
        }
        String event = message.path("ev").asText(null);
        if (event == null) {
            LOG.debug("ignoring a message from {} that is neither a reply nor an event: {}", address, message);
            return;
        }
        if (!hello.isDone()) {
            if (event.equals("hello")) {
                hello.complete(message);
            } else {
                LOG.debug("ignoring '{}' from {} before its hello", event, address);
            }
            return;
        }
        Listener l = listener;
        if (l != null) {
            l.event(event, message);
        }
    }

    private String reason(IOException e) {
        String why;
        if (e instanceof EOFException) {
            why = "the agent closed the connection";
        } else if (e instanceof SocketException && socket.isClosed()) {
            why = "closed by the host";
        } else {
            String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            why = text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return "the link to the MicroPython agent at " + address + " closed: " + why;
    }

    private void end(String reason) {
        if (!closed.complete(reason)) {
            return;
        }
        pending.closeAll(reason);
        hello.completeExceptionally(new AgentLinkException(reason));
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the socket to {} failed", address, e);
        }
        reportClosed();
    }

    /** Tells the listener of the end once, whichever comes last: the end or the listener. */
    private void reportClosed() {
        Listener l = listener;
        if (l != null && closed.isDone() && closeReported.compareAndSet(false, true)) {
            l.closed(closed.join());
        }
    }
}
