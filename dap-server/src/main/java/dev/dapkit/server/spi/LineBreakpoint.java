package dev.dapkit.server.spi;

/**
 * A line breakpoint the client wants.
 *
 * @param id the DAP id the engine issued; report it in {@code stopped.hitBreakpointIds} and
 *     {@link TargetEvents#breakpointChanged}
 * @param line the 1-based line
 * @param column the 1-based column, or null
 * @param condition an expression to test on each hit; null unless the target implements
 *     {@link NativeBreakpointConditions} (the engine tests it otherwise)
 * @param hitCondition e.g. {@code >= 3}; null unless the target implements {@link NativeBreakpointConditions}
 * @param logMessage a logpoint's message with {@code {expression}} parts; null unless the target
 *     implements {@link NativeBreakpointConditions}
 */
public record LineBreakpoint(int id, int line, Integer column, String condition, String hitCondition,
        String logMessage) {

    /** A plain breakpoint on a line. */
    public static LineBreakpoint at(int id, int line) {
        return new LineBreakpoint(id, line, null, null, null, null);
    }
}
