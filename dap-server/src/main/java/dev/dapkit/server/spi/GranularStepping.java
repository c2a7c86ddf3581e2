package dev.dapkit.server.spi;

/**
 * Optional marker: the target honours {@link StepOptions#granularity()} (statement, line,
 * instruction), so the engine advertises {@code supportsSteppingGranularity}.
 */
public interface GranularStepping {
}
