package dev.dapkit.model;

import java.lang.reflect.Type;

/**
 * What a receiver will bind the body of a successful response to, asked while the response is
 * being read, so that the body is bound in the same pass that reads the envelope instead of being
 * skipped first and parsed again later.
 *
 * <p>A client knows this from its table of open requests: the response to its {@code stackTrace}
 * request {@code 7} will become a {@code StackTraceResponse}. A receiver of a
 * {@link dev.dapkit.model.transport.DapConnection} offers it by implementing this interface as well
 * as {@code Consumer<DapMessage>}; the connections that decode frames themselves (TCP, streams)
 * then hand it to their {@link dev.dapkit.model.framing.FrameDecoder}. Where it is not offered,
 * or answers null, messages are read exactly as without it.
 *
 * <p>The body bound while reading rides with the response's {@link RawJson} and is handed out by the
 * first {@link RawJson#bind(Class)} for that very type; a value that does not fit the type, or a
 * body that is not valid JSON, is reported as it is without this hint (by the reader, or by that
 * later bind). Only the body of a response with {@code "success": true} whose {@code type},
 * {@code request_seq}, {@code success} and {@code command} come before its {@code body} is bound
 * early (dapkit writes its responses in that order; some adapters do not, and their responses are
 * read as before), and only to one of LSP4J Debug's model classes, or an array of one.
 *
 * <p><b>Threading.</b> Called on the thread that decodes, which for a network connection may be an
 * event loop shared with other connections, once per successful response, possibly while other
 * threads register new requests: it must be thread-safe, quick, and must not block. It must not
 * throw; if it does, the exception is logged and the body is read as without it.
 */
@FunctionalInterface
public interface ExpectedBodies {

    /**
     * The type the body of the successful response to request {@code requestSeq}, a
     * {@code command} request, will be bound to; null when unknown (the request is not open, its
     * body is wanted raw, or not at all).
     */
    Type successBody(int requestSeq, String command);
}
