package dev.dapkit.server.internal;

import dev.dapkit.model.DapError;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.TargetException;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an error response (STYLE §8). Whatever failed, the client
 * gets {@code success: false}, a short {@code message} and a {@code body.error}; never a stack
 * trace. Failures nobody expected are logged here, with their stack trace, at ERROR.
 *
 * <p>Immutable and thread-safe.
 */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private static final String LSP4J_RESPONSE_ERROR = "org.eclipse.lsp4j.jsonrpc.ResponseErrorException";

    /** The short reason DAP clients recognise for a cancelled request. */
    static final String CANCELLED = "cancelled";

    private final String targetName;

    /** @param targetName how errors name the backend, e.g. the target id {@code jvm} */
    ErrorMapper(String targetName) {
        this.targetName = targetName;
    }

    /** The error response to {@code request} for {@code failure}. */
    Response toResponse(Request request, Throwable failure) {
        return toResponse(request, failure, false);
    }

    /**
     * The error response to {@code request} for {@code failure}.
     *
     * @param cancelled whether the client cancelled the request while it ran; its short message is
     *     then {@code cancelled}, whatever the failure was
     */
    Response toResponse(Request request, Throwable failure, boolean cancelled) {
        Throwable cause = unwrap(failure);
        DapError error;
        String reason;
        if (cause instanceof RequestFailure f) {
            error = f.error();
            reason = f.reason();
        } else if (cause instanceof TargetException t) {
            error = t.error();
            reason = t.reason();
        } else if (cause instanceof CancellationException) {
            error = EngineError.CANCELLED.error("'" + request.command() + "' was cancelled").hidden();
            reason = CANCELLED;
        } else if (cause instanceof UnsupportedOperationException) {
            error = RequestFailure.notSupported(request.command(), targetName).error();
            reason = null;
        } else if (isLsp4jResponseError(cause)) {
            error = EngineError.INTERNAL_ERROR.error(cause.getMessage() == null ? "the server failed" : cause.getMessage());
            reason = null;
        } else {
            LOG.error("target '{}' failed while handling '{}' (seq {})", targetName, request.command(), request.seq(), cause);
            error = EngineError.INTERNAL_ERROR.error("internal error in target '" + targetName + "' while handling '"
                    + request.command() + "': " + describe(cause));
            reason = null;
        }
        return failure(request, cancelled ? CANCELLED : reason, error);
    }

    /** The response for a request cancelled before it ran. */
    Response cancelled(Request request) {
        return failure(request, CANCELLED,
                EngineError.CANCELLED.error("'" + request.command() + "' was cancelled before it ran").hidden());
    }

    /** An error response with the given error. */
    static Response failure(Request request, String reason, DapError error) {
        return Response.failure(request, reason != null ? reason : error.formatted(), Map.of("error", error.toMessage()));
    }

    /**
     * Whether {@code t} is LSP4J's {@code ResponseErrorException}, whose message is the error's text.
     * Matched by name: its {@code ResponseError} cannot even be loaded without Gson, which dapkit
     * keeps off the class path, so the class must not be touched unless one was really thrown.
     */
    private static boolean isLsp4jResponseError(Throwable t) {
        return LSP4J_RESPONSE_ERROR.equals(t.getClass().getName());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
