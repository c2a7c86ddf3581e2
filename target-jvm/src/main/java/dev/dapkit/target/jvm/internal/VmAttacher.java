package dev.dapkit.target.jvm.internal;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.target.jvm.JvmAttachConfiguration;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Connects to a JVM whose debug agent listens on a socket
 * ({@code -agentlib:jdwp=transport=dt_socket,server=y,...}), with JDI's socket attaching
 * connector, trying again while the connection is refused until the attach timeout has passed (an
 * agent listens again only a moment after its last debugger detached). Stateless.
 */
final class VmAttacher {

    /** How long to wait before trying again to reach an agent that refused the connection. */
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private VmAttacher() {
    }

    static VirtualMachine attach(JvmAttachConfiguration config) throws TargetException {
        AttachingConnector connector = socketAttacher();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("hostname").setValue(config.hostName());
        arguments.get("port").setValue(Integer.toString(config.port()));
        arguments.get("timeout").setValue(Integer.toString(config.timeoutMillis()));
        String where = config.hostName() + ":" + config.port();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.timeoutMillis());
        try {
            while (true) {
                try {
                    return connector.attach(arguments);
                } catch (ConnectException e) {
                    // a debug agent whose last debugger just left listens again only a moment later
                    if (System.nanoTime() + RETRY_NANOS > deadline) {
                        throw e;
                    }
                    TimeUnit.NANOSECONDS.sleep(RETRY_NANOS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JvmErrors.cannotAttach("interrupted while attaching to " + where);
        } catch (ConnectException e) {
            throw JvmErrors.cannotAttach("nothing listens on " + where + " (tried for " + config.timeoutMillis()
                    + " ms): start the JVM with -agentlib:jdwp=transport=dt_socket,server=y,address=" + config.port());
        } catch (IOException e) {
            throw JvmErrors.cannotAttach("cannot attach to the JVM at " + where + ": " + e.getMessage()
                    + " (is it a JVM debug agent, and is no other debugger attached?)");
        } catch (IllegalConnectorArgumentsException e) {
            throw JvmErrors.cannotAttach("cannot attach to " + where + ": bad connector arguments " + e.argumentNames());
        }
    }

    private static AttachingConnector socketAttacher() throws TargetException {
        for (AttachingConnector c : Bootstrap.virtualMachineManager().attachingConnectors()) {
            if (c.name().equals("com.sun.jdi.SocketAttach")) {
                return c;
            }
        }
        throw JvmErrors.cannotAttach("this JDK's JDI has no socket attaching connector (com.sun.jdi.SocketAttach)");
    }
}
