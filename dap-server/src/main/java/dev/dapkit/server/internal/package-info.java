/**
 * The server engine's parts; not exported. A session ({@link dev.dapkit.server.internal.ServerSession})
 * is assembled from small pieces with one job each: the {@code InboundRouter} on the connection's
 * delivery or reading thread, the {@code SessionLane} (the session thread), the {@code SessionDispatcher} and
 * its {@code HandlerTable} of typed command handlers, the {@code MessageSequencer}, the
 * {@code ErrorMapper}, handle tables, the breakpoint registry, the path mapper, the output buffer,
 * reverse requests and progress.
 */
package dev.dapkit.server.internal;
