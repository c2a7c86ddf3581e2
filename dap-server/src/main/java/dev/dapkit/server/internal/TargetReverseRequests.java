package dev.dapkit.server.internal;

import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.ReverseRequests;
import dev.dapkit.server.spi.TargetException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;

/**
 * The target's view of reverse requests: sent only when the client declared support for them in
 * {@code initialize}; otherwise the future fails with {@link EngineError#CLIENT_UNSUPPORTED}.
 *
 * <p>Thread-safe.
 */
final class TargetReverseRequests implements ReverseRequests {

    private final ClientProfile client;
    private final ClientRequests requests;

    TargetReverseRequests(ClientProfile client, ClientRequests requests) {
        this.client = client;
        this.requests = requests;
    }

    @Override
    public boolean supportsRunInTerminal() {
        return client.supportsRunInTerminal();
    }

    @Override
    public boolean supportsStartDebugging() {
        return client.supportsStartDebugging();
    }

    @Override
    public CompletableFuture<RunInTerminalResponse> runInTerminal(RunInTerminalRequestArguments arguments) {
        if (!supportsRunInTerminal()) {
            return unsupported("runInTerminal", "supportsRunInTerminalRequest");
        }
        return requests.send("runInTerminal", arguments);
    }

    @Override
    public CompletableFuture<Void> startDebugging(StartDebuggingRequestArguments arguments) {
        if (!supportsStartDebugging()) {
            return unsupported("startDebugging", "supportsStartDebuggingRequest");
        }
        return requests.send("startDebugging", arguments);
    }

    private <T> CompletableFuture<T> unsupported(String command, String flag) {
        String name = client.arguments().getClientName() != null ? client.arguments().getClientName()
                : client.arguments().getClientID() != null ? client.arguments().getClientID() : "the client";
        return CompletableFuture.failedFuture(new TargetException(EngineError.CLIENT_UNSUPPORTED.error(
                "'" + command + "' cannot be sent: " + name + " did not declare " + flag + " in 'initialize'")));
    }
}
