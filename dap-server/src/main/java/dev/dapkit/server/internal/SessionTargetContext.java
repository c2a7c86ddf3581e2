package dev.dapkit.server.internal;

import dev.dapkit.server.spi.RequestCancellation;
import dev.dapkit.server.spi.ReverseRequests;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetEvents;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;

/**
 * What a target is given when it is created.
 *
 * @param events the session's event sink
 * @param client the client's initialize arguments
 * @param reverseRequests reverse requests, sent only when the client supports them
 * @param calls the call the session thread is making into the target, for its cancellation signal
 */
record SessionTargetContext(TargetEvents events, InitializeRequestArguments client, ReverseRequests reverseRequests,
        CurrentCall calls) implements TargetContext {

    @Override
    public RequestCancellation currentRequest() {
        return calls.signal();
    }
}
