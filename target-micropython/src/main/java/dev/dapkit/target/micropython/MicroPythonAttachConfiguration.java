package dev.dapkit.target.micropython;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.RequestArguments;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.target.micropython.internal.MicroPythonErrors;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code attach} arguments of the {@code micropython} target, in the form VS Code users write for
 * debugpy:
 * <pre>{@code
 * {"type": "python", "request": "attach", "connect": {"host": "192.168.1.20", "port": 5678},
 *  "pathMappings": [{"localRoot": "${workspaceFolder}", "remoteRoot": "/"}]}
 * }</pre>
 * {@code connect} reaches an agent that listens ({@code dapkit_agent.listen(5678, "0.0.0.0")} on
 * the board); {@code "listen": {"host": "0.0.0.0", "port": 5678}} instead waits for an agent that
 * dials in ({@code dapkit_agent.connect(host, port)}), for boards behind NAT. debugpy's own keys
 * ({@code justMyCode}, {@code redirectOutput}, ...) are ignored; {@code pathMappings} is the
 * engine's.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mode whether the host connects or listens
 * @param host the agent's host ({@link Mode#CONNECT}), or the address to listen on ({@link Mode#LISTEN})
 * @param port the agent's port, or the port to listen on
 * @param timeoutMillis how long to try to connect, or to wait for the agent, in milliseconds
 *     ({@code timeout}; 5000 to connect, 60000 to listen)
 */
public record MicroPythonAttachConfiguration(Mode mode, String host, int port, int timeoutMillis) {

    private static final Logger LOG = LoggerFactory.getLogger(MicroPythonAttachConfiguration.class);

    /** The keys this target reads, and those that are the engine's or the client's. */
    private static final Set<String> KNOWN = Set.of("connect", "listen", "host", "port", "timeout", "type", "request",
            "name", "pathMappings", "secret", "__sessionId", "__configurationTarget");

    /** How the link to the agent is opened. */
    public enum Mode {
        /** The host connects to an agent that listens. */
        CONNECT,
        /** The host listens, and the agent dials in. */
        LISTEN
    }

    public MicroPythonAttachConfiguration {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port (0 to 65535)");
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout " + timeoutMillis + " ms is negative");
        }
    }

    /**
     * Reads the {@code attach} arguments: {@code connect} or {@code listen} (each {@code {"host", "port"}}),
     * or debugpy's older top-level {@code host} and {@code port}.
     *
     * @throws TargetException naming the key that is missing or of the wrong type
     */
    public static MicroPythonAttachConfiguration from(RawJson arguments) throws TargetException {
        RequestArguments read = RequestArguments.of("attach", arguments, MicroPythonErrors::badArguments);
        List<String> ignored = read.unknownKeys(KNOWN);
        if (!ignored.isEmpty()) {
            LOG.debug("the micropython target ignores these attach keys: {}", ignored);
        }
        Mode mode;
        String host;
        int port;
        if (read.has("listen")) {
            RequestArguments listen = read.object("listen", "an object {\"host\": \"0.0.0.0\", \"port\": 5678}");
            mode = Mode.LISTEN;
            host = listen.optionalString("host");
            port = listen.port("port", true);
        } else if (read.has("connect")) {
            RequestArguments connect = read.object("connect", "an object {\"host\": \"192.168.1.20\", \"port\": 5678}");
            mode = Mode.CONNECT;
            host = connect.optionalString("host");
            port = connect.port("port", false);
        } else if (read.has("port")) {
            mode = Mode.CONNECT;
            host = read.optionalString("host");
            port = read.port("port", false);
        } else {
            throw read.invalid("connect", "where the agent listens, e.g. {\"host\": \"192.168.1.20\", \"port\": 5678}"
                    + " (or give \"listen\": {\"host\": \"0.0.0.0\", \"port\": 5678} to wait for an agent that dials in)");
        }
        int timeout = read.integer("timeout", mode == Mode.CONNECT ? 5_000 : 60_000);
        if (timeout < 0) {
            throw read.invalid("timeout", "a number of milliseconds, 0 or more");
        }
        String defaultHost = mode == Mode.CONNECT ? "127.0.0.1" : "0.0.0.0";
        return new MicroPythonAttachConfiguration(mode, host == null || host.isBlank() ? defaultHost : host, port,
                timeout);
    }

    /** {@code host:port}, as messages name the agent or the listening address. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
