package dev.dapkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.client.DapErrorException;
import dev.dapkit.model.DapError;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.debug.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the client maps between error responses and exceptions: an adapter's
 * error response becomes a {@link DapErrorException}; a reverse request the client cannot
 * answer, or whose handler failed, becomes an error response with a {@link DapError} in
 * {@code body.error}.
 */
final class ErrorResponses {

    /** {@code body.error.id} when no handler is registered for a reverse request. */
    static final int NO_HANDLER = 1001;
    /** {@code body.error.id} when a reverse-request handler failed with something other than a {@link DapErrorException}. */
    static final int HANDLER_FAILED = 1002;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    /** The exception for an adapter's error response, with its {@code body.error} when that is well formed. */
    static DapErrorException exceptionOf(Response response) {
        return new DapErrorException(response.command(), response.message(), errorOf(response.body()));
    }

    /** The answer to a reverse request for which no handler is registered. */
    static Response noHandler(Request request) {
        DapError error = DapError.of(NO_HANDLER, "The client does not handle the reverse request '{_command}'.",
                Map.of("_command", request.command()));
        return Response.failure(request, error.formatted(), Map.of("error", error.toMessage()));
    }

    /** The answer to a reverse request whose handler failed with {@code failure}. */
    static Response handlerFailed(Request request, Throwable failure) {
        Throwable reason = unwrap(failure);
        if (reason instanceof DapErrorException dapError && dapError.error() != null) {
            String message = dapError.shortMessage() != null ? dapError.shortMessage() : dapError.error().formatted();
            return Response.failure(request, message, Map.of("error", dapError.error().toMessage()));
        }
        String text = reason.getMessage() != null ? reason.getMessage() : reason.getClass().getName();
        if (reason instanceof DapErrorException) {
            return Response.failure(request, text, null);
        }
        DapError error = DapError.of(HANDLER_FAILED, "The client could not handle '{_command}': {reason}",
                Map.of("_command", request.command(), "reason", text));
        return Response.failure(request, error.formatted(), Map.of("error", error.toMessage()));
    }

    /** The cause inside the wrappers that futures put around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static DapError errorOf(RawJson body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode error = body.tree().get("error");
            if (error == null || !error.isObject()) {
                return null;
            }
            return DapError.fromMessage(RawJson.from(error).bind(Message.class));
        } catch (IllegalArgumentException e) {
            LOG.debug("an error response carries a body.error that is not a DAP Message: {}", e.getMessage());
            return null;
        }
    }
}
