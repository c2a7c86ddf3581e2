package dev.dapkit.server.spi;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;

/**
 * Requests a target sends to the client. Each is sent only when the client declared support in
 * {@code initialize}; otherwise the future fails with a {@link TargetException} saying so.
 * Thread-safe.
 */
public interface ReverseRequests {

    /** Whether the client can run a command in its terminal. */
    boolean supportsRunInTerminal();

    /** Whether the client can start a child debug session. */
    boolean supportsStartDebugging();

    /** Asks the client to run a command in its terminal (e.g. the debuggee, for console input). */
    CompletableFuture<RunInTerminalResponse> runInTerminal(RunInTerminalRequestArguments arguments);

    /** Asks the client to start a child debug session (e.g. for a subprocess). */
    CompletableFuture<Void> startDebugging(StartDebuggingRequestArguments arguments);
}
