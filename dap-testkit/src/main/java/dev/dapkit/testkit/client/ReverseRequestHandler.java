package dev.dapkit.testkit.client;

import dev.dapkit.model.Request;

/**
 * Answers a reverse request (one the adapter sends, such as {@code runInTerminal}) for a
 * {@link ScriptedClient}. Called on the connection's delivery thread; must not block.
 */
@FunctionalInterface
public interface ReverseRequestHandler {

    /**
     * @return the response body (an LSP4J model object, a map, raw JSON), or null for none
     * @throws Exception to answer with an error response carrying the exception's message
     */
    Object answer(Request request) throws Exception;
}
