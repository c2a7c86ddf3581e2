package dev.dapkit.target.jvm.internal;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.ListeningConnector;
import dev.dapkit.server.spi.ReverseRequests;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.target.jvm.JvmLaunchConfiguration;
import dev.dapkit.target.jvm.JvmLaunchConfiguration.Console;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArgumentsKind;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;

/**
 * Starts a debuggee JVM: listens with JDI's socket connector on a loopback port, starts
 * {@code java} with a debug agent that connects back to it (with {@link ProcessBuilder}, so the
 * working directory and environment apply, or through the client's {@code runInTerminal}), and
 * accepts the connection. The JVM arrives suspended before any class of the program loads.
 * Stateless.
 */
final class DebuggeeLauncher {

    /** How long the JVM has to connect back after it was started. */
    static final int CONNECT_TIMEOUT_MILLIS = 30_000;

    /**
     * A started debuggee.
     *
     * @param vm the connected JVM, suspended at its start
     * @param process the process when the target started it, else null (run in the client's terminal)
     * @param output the pump of its output, or null
     * @param pid its process id, or 0 when unknown
     */
    record Launched(VirtualMachine vm, Process process, ProcessOutput output, long pid) {
    }

    private DebuggeeLauncher() {
    }

    static Launched launch(JvmLaunchConfiguration config, TargetContext context) throws TargetException {
        checkFiles(config);
        ListeningConnector connector = socketListener();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("localAddress").setValue("127.0.0.1");
        arguments.get("port").setValue("0");
        arguments.get("timeout").setValue(Integer.toString(CONNECT_TIMEOUT_MILLIS));
        String address;
        try {
            address = connector.startListening(arguments);
        } catch (IOException | IllegalConnectorArgumentsException e) {
            throw JvmErrors.cannotLaunch("cannot listen on a loopback port for the JVM's debug agent: " + e.getMessage());
        }
        String agentAddress = "127.0.0.1:" + address.substring(address.lastIndexOf(':') + 1);
        List<String> command = JavaCommand.of(config, agentAddress);
        try {
            if (config.console() == Console.INTERNAL_CONSOLE) {
                return startProcess(config, command, connector, arguments, context);
            }
            long pid = startInTerminal(config, command, context.reverseRequests());
            return new Launched(accept(connector, arguments, null, null, command), null, null, pid);
        } finally {
            stopListening(connector, arguments);
        }
    }

    private static Launched startProcess(JvmLaunchConfiguration config, List<String> command,
            ListeningConnector connector, Map<String, Connector.Argument> arguments, TargetContext context)
            throws TargetException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (config.cwd() != null) {
            builder.directory(new File(config.cwd()));
        }
        Map<String, String> environment = builder.environment();
        config.env().forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw JvmErrors.cannotLaunch("cannot start " + config.javaExec() + ": " + e.getMessage());
        }
        ProcessOutput output = ProcessOutput.start(process, context.events(), Charset.defaultCharset(),
                "dapkit-jvm-" + process.pid());
        // a JVM that dies before it connects must not leave accept() waiting for the whole timeout
        process.onExit().thenRun(() -> stopListening(connector, arguments));
        return new Launched(accept(connector, arguments, process, output, command), process, output, process.pid());
    }

    private static VirtualMachine accept(ListeningConnector connector, Map<String, Connector.Argument> arguments,
            Process process, ProcessOutput output, List<String> command) throws TargetException {
        try {
            return connector.accept(arguments);
        } catch (IOException | IllegalConnectorArgumentsException | RuntimeException e) {
            if (process == null) {
                throw JvmErrors.cannotLaunch("the JVM started in the client's terminal did not connect to the debugger"
                        + " within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s (" + e.getMessage() + "); command: "
                        + String.join(" ", command));
            }
            String why = describeFailure(process, output);
            process.destroyForcibly();
            throw JvmErrors.cannotLaunch("the JVM did not connect to the debugger: " + why + "; command: "
                    + String.join(" ", command));
        }
    }

    private static String describeFailure(Process process, ProcessOutput output) {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                output.awaitDrained(1000);
                String said = output.transcript();
                return "it exited with code " + process.exitValue() + (said.isEmpty() ? "" : " saying: " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "it is still running after " + CONNECT_TIMEOUT_MILLIS / 1000 + " s; it was stopped";
    }

    private static long startInTerminal(JvmLaunchConfiguration config, List<String> command, ReverseRequests client)
            throws TargetException {
        if (!client.supportsRunInTerminal()) {
            throw JvmErrors.cannotLaunch("\"console\": \"" + (config.console() == Console.INTEGRATED_TERMINAL
                    ? "integratedTerminal" : "externalTerminal") + "\" needs a client that runs commands in its terminal"
                    + " (supportsRunInTerminalRequest), and this client does not; use \"internalConsole\"");
        }
        RunInTerminalRequestArguments request = new RunInTerminalRequestArguments();
        request.setKind(config.console() == Console.INTEGRATED_TERMINAL ? RunInTerminalRequestArgumentsKind.INTEGRATED
                : RunInTerminalRequestArgumentsKind.EXTERNAL);
        request.setTitle("Java: " + config.mainClass());
        request.setCwd(config.cwd() != null ? config.cwd() : Path.of("").toAbsolutePath().toString());
        request.setArgs(command.toArray(String[]::new));
        if (!config.env().isEmpty()) {
            request.setEnv(new java.util.HashMap<>(config.env()));
        }
        try {
            RunInTerminalResponse response = client.runInTerminal(request)
                    .get(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return response.getProcessId() == null ? 0 : response.getProcessId();
        } catch (ExecutionException e) {
            throw JvmErrors.cannotLaunch("the client could not run the JVM in its terminal: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw JvmErrors.cannotLaunch("the client did not answer runInTerminal within " + CONNECT_TIMEOUT_MILLIS / 1000
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JvmErrors.cannotLaunch("interrupted while the client started the JVM in its terminal");
        }
    }

    /** Fails early, with the path, when the java executable or the working directory does not exist. */
    private static void checkFiles(JvmLaunchConfiguration config) throws TargetException {
        if (!Files.isExecutable(Path.of(config.javaExec()))) {
            throw JvmErrors.cannotLaunch("there is no java executable at " + config.javaExec()
                    + ": set \"javaHome\" to a JDK folder or \"javaExec\" to its bin/java");
        }
        if (config.cwd() != null && !Files.isDirectory(Path.of(config.cwd()))) {
            throw JvmErrors.cannotLaunch("the working directory \"cwd\": " + config.cwd() + " is not a folder");
        }
    }

    private static ListeningConnector socketListener() throws TargetException {
        for (ListeningConnector c : Bootstrap.virtualMachineManager().listeningConnectors()) {
            if (c.name().equals("com.sun.jdi.SocketListen")) {
                return c;
            }
        }
        throw JvmErrors.cannotLaunch("this JDK's JDI has no socket listening connector (com.sun.jdi.SocketListen)");
    }

    private static void stopListening(ListeningConnector connector, Map<String, Connector.Argument> arguments) {
        try {
            connector.stopListening(arguments);
        } catch (IOException | IllegalConnectorArgumentsException | RuntimeException e) {
            // already stopped: accept() returned, or the JVM died first
        }
    }
}
