package dev.dapkit.client;

import dev.dapkit.model.Request;
import java.util.concurrent.CompletionStage;

/**
 * Answers one kind of reverse request, a request the adapter sends to the client (registered
 * with {@link DapClientBuilder#reverseRequestHandler}).
 *
 * <p>Called on the client's executor, never on the thread that reads from the connection, one
 * call per request; calls for different requests may overlap.
 */
@FunctionalInterface
public interface ReverseRequestHandler {

    /**
     * Handles {@code request}.
     *
     * @return a stage that completes with the response body (an LSP4J model object, a Jackson
     *     {@code JsonNode}, a {@code Map}, a {@link dev.dapkit.model.RawJson}, or null for no
     *     body). When the stage fails, or this method throws, the adapter gets an error response:
     *     a {@link DapErrorException} gives its own message and {@code body.error}; any other
     *     exception is described in the message
     */
    CompletionStage<?> handle(Request request) throws Exception;
}
