package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.target.micropython.MicroPythonAttachConfiguration;
import dev.dapkit.target.micropython.MicroPythonLaunchConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArgumentsReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debug session with an agent: the link, what the agent said in its hello, the interpreter
 * when the session launched one, and the end of it all. Relays the agent's events to the engine,
 * and reports the end once: for a launch when the interpreter has exited (after its output), for
 * an attach when the link closes, with the reason, unless the host detached on purpose.
 *
 * <p>Thread-safe: the engine calls in on its session thread, the link's reader relays events.
 */
final class AgentSession implements AgentLink.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
    /** How long a launched interpreter may run on after its link closed before it is stopped. */
    private static final long ORPHAN_GRACE_MILLIS = 1000;

    final AgentLink link;
    private volatile ObjectNode hello;
    final DeviceBreakpoints breakpoints;
    final StopEvents stops;
    final ThreadIds threads = new ThreadIds();
    private final TargetEvents events;
    private final InterpreterProcess process;
    private final AtomicBoolean exitedReported = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean detaching;

    private AgentSession(AgentLink link, TargetEvents events, InterpreterProcess process) {
        this.link = link;
        this.breakpoints = new DeviceBreakpoints();
        this.stops = new StopEvents(breakpoints, threads, this::devicePath);
        this.events = events;
        this.process = process;
    }

    /** Opens a link to an agent as the attach arguments say, and checks its hello. */
    static AgentSession attach(MicroPythonAttachConfiguration config, TargetEvents events, Duration requestTimeout)
            throws TargetException {
        Socket socket;
        String address;
        if (config.mode() == MicroPythonAttachConfiguration.Mode.CONNECT) {
            socket = AgentConnector.connect(config.host(), config.port(), config.timeoutMillis());
            address = config.address();
        } else {
            try (ServerSocket server = AgentConnector.bind(config.host(), config.port())) {
                socket = AgentConnector.accept(server, config.timeoutMillis(), () -> true, config.address());
            } catch (IOException e) {
                throw MicroPythonErrors.cannotAttach("closing the listening socket " + config.address() + " failed: "
                        + e.getMessage());
            }
            address = AgentConnector.describe(socket);
        }
        return open(socket, address, events, requestTimeout, null, Duration.ofMillis(Math.max(config.timeoutMillis(), 5000)));
    }

    /** Starts an interpreter running the program under the agent, and waits for the agent to dial back. */
    static AgentSession launch(MicroPythonLaunchConfiguration config, TargetEvents events, Duration requestTimeout)
            throws TargetException {
        Path agentFolder = AgentResource.extract();
        Socket socket;
        InterpreterProcess process = null;
        try (ServerSocket server = AgentConnector.bind("127.0.0.1", 0)) {
            process = InterpreterProcess.start(config, agentFolder, server.getLocalPort(), events);
            socket = AgentConnector.accept(server, config.timeoutMillis(), process::isAlive,
                    "127.0.0.1:" + server.getLocalPort() + " from " + config.python());
            if (socket == null) {
                int code = process.exited().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> -1).join();
                throw MicroPythonErrors.cannotLaunch(config.python() + " exited with code " + code + " before its agent"
                        + " dialed back" + transcriptOf(process));
            }
            return open(socket, "127.0.0.1:" + socket.getPort() + " (pid " + process.pid() + ")", events,
                    requestTimeout, process, Duration.ofMillis(Math.max(config.timeoutMillis(), 5000)));
        } catch (IOException e) {
            if (process != null) {
                process.destroy();
            }
            throw MicroPythonErrors.cannotLaunch("closing the host's socket failed: " + e.getMessage());
        } catch (TargetException e) {
            // an interpreter that never reached us must not run on
            if (process != null) {
                process.destroy();
            }
            throw e;
        }
    }

    private static AgentSession open(Socket socket, String address, TargetEvents events, Duration requestTimeout,
            InterpreterProcess process, Duration helloWait) throws TargetException {
        AgentLink link;
        try {
            link = AgentLink.start(socket, address, requestTimeout);
        } catch (IOException e) {
            throw MicroPythonErrors.cannotAttach("cannot use the connection to the agent at " + address + ": "
                    + e.getMessage());
        }
        AgentSession session = new AgentSession(link, events, process);
        session.hello = link.awaitHello(helloWait, session);
        if (process != null) {
            process.exited().thenAccept(session::interpreterExited);
        }
        return session;
    }

    /** What the agent said of itself and its firmware. */
    ObjectNode hello() {
        return hello;
    }

    /**
     * A file as the agent named it, made absolute against the device's working directory: the
     * firmware's {@code co_filename} may be relative (a board runs {@code main.py} as {@code main.py}).
     */
    String devicePath(String file) {
        return DevicePaths.absolute(file, hello == null ? null : hello.path("cwd").asText(null));
    }

    /** Whether frames have {@code f_locals} on this firmware. */
    boolean hasLocals() {
        return hello.path("locals").asBoolean(false);
    }

    boolean launched() {
        return process != null;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Detaches: the agent clears breakpoints and stepping, resumes every thread and waits for the next host. */
    void detach() throws TargetException {
        detaching = true;
        try {
            if (link.isOpen()) {
                link.request("bye", null);
            }
        } finally {
            link.close("the host detached from the MicroPython agent at " + link.address());
        }
    }

    /** Ends the program: the agent raises {@code SystemExit} in it; a launched interpreter that lingers is stopped. */
    void terminate() throws TargetException {
        if (link.isOpen()) {
            try {
                link.request("term", null);
            } catch (TargetException e) {
                if (process == null) {
                    throw e;
                }
                LOG.debug("term failed, stopping the interpreter: {}", e.getMessage());
            }
        }
        if (process != null) {
            process.exited().orTimeout(ORPHAN_GRACE_MILLIS * 3, TimeUnit.MILLISECONDS).exceptionally(e -> {
                process.destroy();
                return -1;
            });
        }
    }

    @Override
    public void event(String name, ObjectNode event) {
        switch (name) {
            case "stopped" -> events.stopped(stops.translate(event));
            case "out" -> {
                String category = event.path("cat").asText(OutputEventArgumentsCategory.STDOUT);
                // a launched interpreter's print reaches us through its stdout too: only the agent's own
                // console lines (logpoints, agent errors) are news
                if (process == null || OutputEventArgumentsCategory.CONSOLE.equals(category)) {
                    output(category, event.path("text").asText(""));
                }
            }
            case "thread" -> {
                ThreadEventArguments thread = new ThreadEventArguments();
                thread.setThreadId(threads.dap(event.path("t").asLong()));
                thread.setReason(event.path("started").asBoolean(true) ? ThreadEventArgumentsReason.STARTED
                        : ThreadEventArgumentsReason.EXITED);
                events.thread(thread);
            }
            case "exit" -> {
                // a launched interpreter's own exit code is reported when it ends, after its output
                if (process == null && exitedReported.compareAndSet(false, true)) {
                    events.exited(event.path("code").asInt(0));
                }
            }
            default -> LOG.debug("ignoring agent event '{}' from {}: {}", name, link.address(), event);
        }
    }

    @Override
    public void output(String text) {
        output(OutputEventArgumentsCategory.STDOUT, text);
    }

    @Override
    public void closed(String reason) {
        if (process != null) {
            // the interpreter's end reports the end; one that runs on without its agent is stopped
            process.exited().orTimeout(ORPHAN_GRACE_MILLIS, TimeUnit.MILLISECONDS).exceptionally(e -> {
                if (!detaching) {
                    output(OutputEventArgumentsCategory.CONSOLE, reason + "; stopping the program\n");
                    process.destroy();
                }
                return -1;
            });
            return;
        }
        if (detaching) {
            return;
        }
        if (!exitedReported.get()) {
            output(OutputEventArgumentsCategory.CONSOLE, reason + "\n");
        }
        end();
    }

    private void interpreterExited(int code) {
        // the agent's last output and its exit event travel on the link: let them arrive first
        link.closed().orTimeout(ORPHAN_GRACE_MILLIS, TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
        if (exitedReported.compareAndSet(false, true)) {
            events.exited(code);
        }
        link.close("the program ended (exit code " + code + ")");
        end();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            events.terminated();
        }
    }

    private void output(String category, String text) {
        if (text.isEmpty()) {
            return;
        }
        OutputEventArguments output = new OutputEventArguments();
        output.setCategory(category);
        output.setOutput(text);
        events.output(output);
    }

    private static String transcriptOf(InterpreterProcess process) {
        String transcript = process.transcript();
        return transcript.isEmpty() ? "" : ": " + transcript;
    }
}
