package dev.dapkit.client.internal;

import dev.dapkit.client.DapClientListener;
import dev.dapkit.client.ReverseRequestHandler;
import dev.dapkit.client.TraceEntry;
import dev.dapkit.model.MessageRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Everything a client is built from, checked by the builder. Immutable apart from the objects
 * it refers to.
 *
 * @param requestTimeout the timeout of a request without one of its own ({@link Timeouts#NONE} for none)
 * @param commandTimeouts timeouts by command, taking precedence over {@code requestTimeout}
 * @param executor the caller's executor, or null for one the client makes and shuts down
 * @param listener the listener, or null when none was set
 * @param trace where trace entries go, or null
 * @param traceToLog whether trace entries also go to SLF4J at debug
 * @param eventHistoryLimit how many events the history keeps
 * @param registry the commands and events the client knows
 * @param reverseRequestHandlers handlers by reverse-request command
 * @param scheduler the timeout scheduler, or null for one the client makes
 * @param clock the clock for trace timestamps
 */
public record ClientSettings(Duration requestTimeout, Map<String, Duration> commandTimeouts, Executor executor,
        DapClientListener listener, Consumer<TraceEntry> trace, boolean traceToLog, int eventHistoryLimit,
        MessageRegistry registry, Map<String, ReverseRequestHandler> reverseRequestHandlers, Scheduler scheduler,
        Clock clock) {

    public ClientSettings {
        commandTimeouts = Map.copyOf(commandTimeouts);
        reverseRequestHandlers = Map.copyOf(reverseRequestHandlers);
    }
}
