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

/**
 * Connects to a JVM whose debug agent listens on a socket
 * ({@code -agentlib:jdwp=transport=dt_socket,server=y,...}), with JDI's socket attaching
 * connector. Stateless.
 */
final class VmAttacher {

    private VmAttacher() {
    }

    static VirtualMachine attach(JvmAttachConfiguration config) throws TargetException {
        AttachingConnector connector = socketAttacher();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("hostname").setValue(config.hostName());
        arguments.get("port").setValue(Integer.toString(config.port()));
        arguments.get("timeout").setValue(Integer.toString(config.timeoutMillis()));
        String where = config.hostName() + ":" + config.port();
        try {
            return connector.attach(arguments);
        } catch (ConnectException e) {
            throw JvmErrors.cannotAttach("nothing listens on " + where + ": start the JVM with"
                    + " -agentlib:jdwp=transport=dt_socket,server=y,address=" + config.port());
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
