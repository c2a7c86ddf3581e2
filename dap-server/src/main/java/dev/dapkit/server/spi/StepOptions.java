package dev.dapkit.server.spi;

import org.eclipse.lsp4j.debug.SteppingGranularity;

/**
 * How to step.
 *
 * @param granularity statement, line or instruction; the engine passes {@code LINE} unless the
 *     target implements {@link GranularStepping}
 * @param singleThread whether only the stepping thread may run; the engine passes it only to a
 *     target that advertises single-thread execution
 */
public record StepOptions(SteppingGranularity granularity, boolean singleThread) {

    /** Line stepping with every thread free to run. */
    public static final StepOptions DEFAULT = new StepOptions(SteppingGranularity.LINE, false);

    public StepOptions {
        if (granularity == null) {
            granularity = SteppingGranularity.LINE;
        }
    }
}
