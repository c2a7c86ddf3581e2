package dev.dapkit.server.spi;

/**
 * Optional marker: the target answers {@code threads}, {@code stackTrace}, {@code scopes} and
 * {@code variables} in bounded time (a few exchanges with the debuggee, and any debuggee code it
 * runs for them is bounded by a timeout of its own), and never waits for the user or the program.
 *
 * <p>Such a request that arrives while the session has nothing else running or queued may then be
 * answered on the connection's reading thread, when the connection has one of its own
 * ({@link dev.dapkit.model.transport.DapConnection#readsOnOwnThread}): that saves two thread
 * hand-offs per request, which is what a client's screen refresh after every stop is made of. The
 * threading contract is unchanged: the engine still calls the target from one thread at a time,
 * each call happening-before the next, though not always from the same thread. A {@code cancel}
 * cannot overtake a request answered this way; it is bounded, so it is simply answered.
 */
public interface BoundedInspection {
}
