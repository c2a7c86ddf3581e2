package dev.dapkit.server.internal;

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
 */
record SessionTargetContext(TargetEvents events, InitializeRequestArguments client, ReverseRequests reverseRequests)
        implements TargetContext {
}
