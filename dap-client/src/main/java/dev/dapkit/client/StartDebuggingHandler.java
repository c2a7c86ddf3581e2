package dev.dapkit.client;

import java.util.concurrent.CompletionStage;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;

/**
 * Starts a child debug session when the adapter asks with a {@code startDebugging} reverse
 * request (set with {@link DapClientBuilder#startDebugging}); typically by building another
 * {@link DapClient} for the given configuration. The client answers the adapter when the
 * returned stage completes, with an error response when it fails.
 *
 * <p>Called on the client's executor, never on the thread that reads from the connection.
 */
@FunctionalInterface
public interface StartDebuggingHandler {

    /**
     * @param arguments the child's {@code configuration} (adapter-specific launch or attach
     *     arguments) and whether it is a {@code launch} or an {@code attach}
     * @return a stage that completes once the child session has been started
     */
    CompletionStage<Void> startDebugging(StartDebuggingRequestArguments arguments) throws Exception;
}
