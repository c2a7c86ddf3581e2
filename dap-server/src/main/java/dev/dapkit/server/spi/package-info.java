/**
 * The target SPI: what a debugger backend implements so that dapkit's server engine can drive it.
 *
 * <p>A backend implements the required core, {@link dev.dapkit.server.spi.DebugTarget}, and any of
 * the optional capability interfaces in this package ({@link dev.dapkit.server.spi.Evaluator},
 * {@link dev.dapkit.server.spi.ExceptionBreakpoints}, ...). The engine detects which ones the target
 * object implements, advertises the matching DAP capabilities, and answers every request the target
 * cannot serve with a proper DAP error. Everything DAP asks of an adapter that does not depend on
 * the debuggee is the engine's job: message ordering, handles for frames and variables, breakpoint
 * ids, conditions, hit counts and logpoints (through the target's {@code Evaluator} when the target
 * cannot do them itself), path mapping, cancellation, progress, output buffering and re-attach.
 *
 * <h2>Threading</h2>
 * The engine calls a target from one thread at a time, each call happening-before the next: a
 * target need not synchronize its request methods against each other. The calls come from the
 * session thread, or, for a target marked {@link dev.dapkit.server.spi.BoundedRequests}, the
 * requests around a stop from the connection's own reading thread; a target must not tie state to
 * the calling thread. Targets report what happens in the debuggee through
 * {@link dev.dapkit.server.spi.TargetEvents}, which may be called from any thread and never calls
 * back into the target: the engine queues each event and acts on it on the session thread.
 *
 * <h2>Cancellation</h2>
 * The engine answers a {@code cancel} of a request that has not started yet for every target. A
 * request already running ends early only if the target cooperates: it takes the request's
 * {@link dev.dapkit.server.spi.RequestCancellation} from
 * {@link dev.dapkit.server.spi.TargetContext#currentRequest()} and polls it or registers an action
 * on it. Each request has its own signal, so a cancel is never lost nor applied to the wrong request.
 *
 * <h2>Values</h2>
 * DAP data keeps LSP4J Debug's model classes ({@code StackFrame}, {@code Variable},
 * {@code Breakpoint}, ...). Objects a target hands to the engine become the engine's: the target
 * builds them, returns them and does not touch them again. Where the engine must later hand a thing
 * back to the target (a frame to list its scopes, a value to expand), the target returns its own
 * object implementing {@link dev.dapkit.server.spi.TargetFrame} or
 * {@link dev.dapkit.server.spi.VariableContainer}; the engine issues the DAP integer for it and
 * forgets the mapping when the debuggee resumes.
 *
 * <h2>Lines and paths</h2>
 * Lines and columns are 1-based whatever the client asked for. Paths are the target's own (the
 * debuggee's file system); the engine maps them to and from the client's with {@code pathMappings}.
 */
package dev.dapkit.server.spi;
