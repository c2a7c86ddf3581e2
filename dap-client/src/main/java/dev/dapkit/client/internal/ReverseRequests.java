package dev.dapkit.client.internal;

import dev.dapkit.client.ReverseRequestHandler;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the adapter's reverse requests with the registered handlers, on the client's executor,
 * each with exactly one response: the handler's body, or an error response when the handler
 * fails or none is registered for the command.
 *
 * <p>Thread-safe; the handler map is fixed when the client is built.
 */
final class ReverseRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ReverseRequests.class);

    private final Map<String, ReverseRequestHandler> handlers;
    private final Executor executor;
    private final OutboundChannel outbound;
    private final String description;

    ReverseRequests(Map<String, ReverseRequestHandler> handlers, Executor executor, OutboundChannel outbound,
            String description) {
        this.handlers = Map.copyOf(handlers);
        this.executor = executor;
        this.outbound = outbound;
        this.description = description;
    }

    /** Whether a handler is registered for {@code command}, which the client then advertises where DAP has a flag. */
    boolean handles(String command) {
        return handlers.containsKey(command);
    }

    /** Takes a reverse request off the connection; the answer is worked out on the executor. */
    void received(Request request) {
        executor.execute(() -> answer(request));
    }

    private void answer(Request request) {
        ReverseRequestHandler handler = handlers.get(request.command());
        if (handler == null) {
            LOG.warn("{} sent reverse request '{}' seq {}, which the client has no handler for; answering with an error",
                    description, request.command(), request.seq());
            respond(ErrorResponses.noHandler(request));
            return;
        }
        CompletionStage<?> stage;
        try {
            stage = handler.handle(request);
            if (stage == null) {
                stage = CompletableFuture.completedFuture(null);
            }
        } catch (Exception | LinkageError e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((body, failure) -> {
            if (failure == null) {
                respond(successOrFailure(request, body));
            } else {
                LOG.debug("the handler of reverse request '{}' seq {} failed", request.command(), request.seq(), failure);
                respond(ErrorResponses.handlerFailed(request, failure));
            }
        });
    }

    /** The success response, or an error response when the handler's body cannot be written as JSON. */
    private static Response successOrFailure(Request request, Object body) {
        try {
            return Response.success(request, body);
        } catch (IllegalArgumentException e) {
            return ErrorResponses.handlerFailed(request, e);
        }
    }

    private void respond(Response response) {
        CompletableFuture<Void> sent = outbound.send(response);
        sent.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("the response to reverse request '{}' request_seq {} was not sent: {}", response.command(),
                        response.requestSeq(), failure.toString());
            }
        });
    }
}
