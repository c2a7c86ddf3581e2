package dev.dapkit.client;

import dev.dapkit.client.internal.ClientCore;
import dev.dapkit.client.internal.ClientSettings;
import dev.dapkit.client.internal.Scheduler;
import dev.dapkit.client.internal.Timeouts;
import dev.dapkit.model.MessageRegistry;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.DapTransports;
import dev.dapkit.model.transport.StreamConnections;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;

/**
 * Builds a {@link DapClient}. Give exactly one way to reach the adapter:
 * <ul>
 *   <li>{@link #connection(DapConnection)}: any connection, not yet started;
 *   <li>{@link #uri(String)}: an address such as {@code tcp://127.0.0.1:5678}, opened through
 *       {@link DapTransports} (the transport's module must be on the path);
 *   <li>{@link #adapterProcess(String...)}: a command the client starts, talking DAP over its
 *       standard input and output and keeping the end of its standard error for diagnostics.
 * </ul>
 * Everything is checked by {@link #connect()}, before anything is opened or started.
 *
 * <h2>Ownership</h2>
 * The client owns the connection it is given or opens: it starts it, and closes it when the
 * client closes. It owns an adapter process it starts: closing the client closes the process's
 * input and destroys the process if it has not exited two seconds later. It never shuts down an
 * executor it was given; one it made itself (when none is given) is shut down when the client
 * ends.
 *
 * <p>Not thread-safe; each {@code connect()} makes a new client from the current settings.
 */
public final class DapClientBuilder {

    /** The request timeout unless {@link #requestTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How many events the history keeps unless {@link #eventHistoryLimit(int)} says otherwise. */
    public static final int DEFAULT_EVENT_HISTORY_LIMIT = 1000;

    private DapConnection connection;
    private URI uri;
    private ProcessBuilder adapterProcess;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private final Map<String, Duration> commandTimeouts = new LinkedHashMap<>();
    private Executor executor;
    /** Null until set: without a listener, events no subscription wants cost no hand-off. */
    private DapClientListener listener;
    private Consumer<TraceEntry> trace;
    private boolean traceToLog;
    private int eventHistoryLimit = DEFAULT_EVENT_HISTORY_LIMIT;
    private MessageRegistry registry = MessageRegistry.standard();
    private final List<Map.Entry<String, ReverseRequestHandler>> reverseHandlers = new ArrayList<>();
    private Scheduler scheduler;
    private Clock clock = Clock.systemUTC();

    DapClientBuilder() {
    }

    /** Talks to the adapter over {@code connection}, which must not be started; the client owns it. */
    public DapClientBuilder connection(DapConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        return this;
    }

    /** Connects to the adapter at {@code uri}, e.g. {@code tcp://127.0.0.1:5678}. */
    public DapClientBuilder uri(URI uri) {
        this.uri = Objects.requireNonNull(uri, "uri");
        return this;
    }

    /**
     * Connects to the adapter at an address as users write it, e.g. {@code tcp://127.0.0.1:5678}.
     *
     * @throws IllegalArgumentException when the text is not a URI
     */
    public DapClientBuilder uri(String address) {
        Objects.requireNonNull(address, "address");
        try {
            return uri(new URI(address.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + address + "' is not an adapter address (" + e.getReason()
                    + "); write e.g. tcp://127.0.0.1:5678", e);
        }
    }

    /** Starts the adapter with this command (e.g. {@code "python3", "-m", "debugpy.adapter"}) and talks over stdio. */
    public DapClientBuilder adapterProcess(String... command) {
        return adapterProcess(List.of(command));
    }

    /** Starts the adapter with this command and talks to it over its standard input and output. */
    public DapClientBuilder adapterProcess(List<String> command) {
        return adapterProcess(new ProcessBuilder(List.copyOf(command)));
    }

    /**
     * Starts the adapter as {@code processBuilder} says (command, directory, environment). Its
     * standard input and output are the DAP channel and its standard error is kept for
     * diagnostics, whatever redirects the builder had for them.
     */
    public DapClientBuilder adapterProcess(ProcessBuilder processBuilder) {
        this.adapterProcess = Objects.requireNonNull(processBuilder, "processBuilder");
        return this;
    }

    /**
     * The timeout of every request that has none of its own ({@link #DEFAULT_REQUEST_TIMEOUT} if
     * not set); {@link DapClient#NO_TIMEOUT} for none.
     */
    public DapClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** The timeout of every {@code command} request, e.g. a longer one for {@code launch}. */
    public DapClientBuilder requestTimeout(String command, Duration timeout) {
        commandTimeouts.put(Objects.requireNonNull(command, "command"), Objects.requireNonNull(timeout, "timeout"));
        return this;
    }

    /**
     * Where futures complete and handlers run. The client never shuts it down. It must run at
     * least two tasks at once if an event handler waits for a response. Without one the client
     * makes a pool of daemon threads ({@code dapkit-client-<n>-<m>}) and shuts it down when it ends.
     */
    public DapClientBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** Hears of every event, of responses that match nothing, and of the end. */
    public DapClientBuilder listener(DapClientListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Records every message sent and received, with its final {@code seq}, to {@code trace}. The
     * consumer is called one entry at a time (sent messages in wire order) on the sending or the
     * reading thread, while the client holds its send lock: keep it fast, do not block, and do not
     * call the client from it.
     */
    public DapClientBuilder trace(Consumer<TraceEntry> trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
        return this;
    }

    /** Whether to log every message to SLF4J logger {@code dev.dapkit.client.trace} at debug level. */
    public DapClientBuilder traceToLog(boolean enabled) {
        this.traceToLog = enabled;
        return this;
    }

    /**
     * How many events the history keeps for {@link DapClient#awaitEvent} ({@value #DEFAULT_EVENT_HISTORY_LIMIT}
     * by default). When full, the oldest event is dropped, taken by a wait or not.
     */
    public DapClientBuilder eventHistoryLimit(int limit) {
        this.eventHistoryLimit = limit;
        return this;
    }

    /** The commands and events the client knows, for typed event subscriptions of custom events. */
    public DapClientBuilder registry(MessageRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /**
     * Answers {@code runInTerminal} with {@code handler} (e.g. {@link RunInTerminalHandler#startProcess()})
     * and declares {@code supportsRunInTerminalRequest} in {@code initialize}.
     */
    public DapClientBuilder runInTerminal(RunInTerminalHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return reverseRequestHandler("runInTerminal",
                request -> handler.runInTerminal(request.arguments(RunInTerminalRequestArguments.class)));
    }

    /** Answers {@code startDebugging} with {@code handler} and declares {@code supportsStartDebuggingRequest}. */
    public DapClientBuilder startDebugging(StartDebuggingHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return reverseRequestHandler("startDebugging",
                request -> handler.startDebugging(request.arguments(StartDebuggingRequestArguments.class)));
    }

    /**
     * Answers the reverse request {@code command} with {@code handler}. A reverse request without
     * a handler gets an error response.
     */
    public DapClientBuilder reverseRequestHandler(String command, ReverseRequestHandler handler) {
        reverseHandlers.add(Map.entry(Objects.requireNonNull(command, "command"),
                Objects.requireNonNull(handler, "handler")));
        return this;
    }

    /** Timeouts run on {@code scheduler} instead of a thread of the client's own; for tests with virtual time. */
    DapClientBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** The clock of trace timestamps; for tests. */
    DapClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Checks the settings, opens the connection (starting the adapter process, or connecting to
     * the URI) and starts the client.
     *
     * @throws IllegalStateException when not exactly one of connection, URI and adapter process is set
     * @throws IllegalArgumentException when a setting is invalid (a timeout that is not positive,
     *     a history limit below 1, two handlers for one reverse request)
     * @throws IOException when the process cannot be started or the URI cannot be connected
     */
    public DapClient connect() throws IOException {
        ClientSettings settings = settings();
        DapConnection opened;
        boolean ownsProcess = false;
        if (connection != null) {
            opened = connection;
        } else if (uri != null) {
            opened = DapTransports.connect(uri);
        } else {
            Process process = adapterProcess
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            opened = StreamConnections.forProcess(process);
            ownsProcess = true;
        }
        ClientCore core = new ClientCore(opened, ownsProcess, settings);
        try {
            core.start();
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        return new DapClient(core);
    }

    private ClientSettings settings() {
        int ways = (connection != null ? 1 : 0) + (uri != null ? 1 : 0) + (adapterProcess != null ? 1 : 0);
        if (ways != 1) {
            throw new IllegalStateException(ways == 0
                    ? "no adapter to talk to: set a connection(...), a uri(...) or an adapterProcess(...)"
                    : "more than one adapter to talk to: set only one of connection(...), uri(...) and adapterProcess(...)");
        }
        Timeouts.check(requestTimeout, "request timeout");
        commandTimeouts.forEach((command, timeout) -> Timeouts.check(timeout, "request timeout of '" + command + "'"));
        if (eventHistoryLimit < 1) {
            throw new IllegalArgumentException("the event history must keep at least 1 event, not " + eventHistoryLimit);
        }
        Map<String, ReverseRequestHandler> handlers = new LinkedHashMap<>();
        for (Map.Entry<String, ReverseRequestHandler> entry : reverseHandlers) {
            if (handlers.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalArgumentException("two handlers for the reverse request '" + entry.getKey()
                        + "'; set one");
            }
        }
        return new ClientSettings(requestTimeout, commandTimeouts, executor, listener, trace, traceToLog,
                eventHistoryLimit, registry, handlers, scheduler, clock);
    }
}
