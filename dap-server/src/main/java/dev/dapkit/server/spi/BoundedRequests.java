package dev.dapkit.server.spi;

/**
 * Optional marker: the target answers the requests a client sends around every stop in bounded
 * time: {@code threads}, {@code stackTrace}, {@code scopes}, {@code variables}, {@code continue},
 * {@code next}, {@code stepIn}, {@code stepOut} and {@code pause}. Bounded means a few exchanges
 * with the debuggee, and any debuggee code run for them (a collection's {@code size()}) bounded by
 * a timeout of its own; never waiting for the user or the program.
 *
 * <p>Such a request that arrives while the session has nothing else running or queued may then be
 * answered on the connection's reading thread, when the connection has one of its own
 * ({@link dev.dapkit.model.transport.DapConnection#readsOnOwnThread}): that saves two thread
 * hand-offs per request, which is what a step and the screen refresh after it are made of. The
 * threading contract is unchanged: the engine still calls the target from one thread at a time,
 * each call happening-before the next, though not always from the same thread. A {@code cancel}
 * cannot overtake a request answered this way; it is bounded, so it is simply answered.
 */
public interface BoundedRequests {
}
