package dev.dapkit.server.spi;

/**
 * Optional marker: the target tests breakpoint conditions and hit conditions and writes logpoint
 * messages itself (in the debuggee, say, without stopping it). Without this marker the engine does
 * it, through the target's {@link Evaluator}.
 */
public interface NativeBreakpointConditions {
}
