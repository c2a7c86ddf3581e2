package dev.dapkit.target.jvm;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.RequestArguments;
import dev.dapkit.target.jvm.internal.JvmArguments;
import java.util.List;
import java.util.Objects;

/**
 * The {@code attach} arguments of the {@code jvm} target, with the names VS Code's Java debugger
 * uses: {@code {"hostName": "127.0.0.1", "port": 5005, "timeout": 10000, "sourcePaths": ["src/main/java"]}}.
 * The JVM must have been started listening for a debugger, e.g. with
 * {@code -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param hostName the host the JVM listens on; {@code 127.0.0.1} when not given
 * @param port the port it listens on (required)
 * @param timeoutMillis how long to try to connect, in milliseconds ({@code timeout}; 10000 when not given)
 * @param sourcePaths the folders holding the program's sources, as for {@link JvmLaunchConfiguration#sourcePaths()}
 */
public record JvmAttachConfiguration(String hostName, int port, int timeoutMillis, List<String> sourcePaths) {

    public JvmAttachConfiguration {
        Objects.requireNonNull(hostName, "hostName");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port (1 to 65535)");
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout " + timeoutMillis + " ms is negative");
        }
        sourcePaths = List.copyOf(sourcePaths);
    }

    /**
     * Reads the {@code attach} arguments.
     *
     * @throws TargetException naming the key that is missing or of the wrong type
     */
    public static JvmAttachConfiguration from(RawJson arguments) throws TargetException {
        RequestArguments read = JvmArguments.read("attach", arguments);
        String host = read.optionalString("hostName");
        int port = read.integer("port", -1);
        if (port < 1 || port > 65535) {
            throw read.invalid("port", "the TCP port the JVM's debug agent listens on, e.g. 5005"
                    + " (-agentlib:jdwp=transport=dt_socket,server=y,address=5005)");
        }
        int timeout = read.integer("timeout", 10_000);
        if (timeout < 0) {
            throw read.invalid("timeout", "a number of milliseconds, 0 or more");
        }
        return new JvmAttachConfiguration(host == null || host.isBlank() ? "127.0.0.1" : host, port, timeout,
                JvmArguments.paths(read, "sourcePaths"));
    }
}
