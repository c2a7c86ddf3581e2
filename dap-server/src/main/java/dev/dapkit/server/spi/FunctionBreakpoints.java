package dev.dapkit.server.spi;

import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;

/** Optional: breakpoints on functions by name ({@code setFunctionBreakpoints}). */
public interface FunctionBreakpoints {

    /**
     * Replaces every function breakpoint.
     *
     * @param breakpoints the breakpoints to have; conditions are present only for a target that
     *     implements {@link NativeBreakpointConditions}
     * @return one entry per requested breakpoint, in the same order
     */
    List<Breakpoint> setFunctionBreakpoints(List<FunctionBreakpoint> breakpoints) throws TargetException;

    /**
     * A function breakpoint the client wants.
     *
     * @param id the DAP id the engine issued
     * @param name the function, in the debuggee's language (e.g. {@code com.example.Main.run})
     * @param condition see {@link LineBreakpoint#condition()}
     * @param hitCondition see {@link LineBreakpoint#hitCondition()}
     */
    record FunctionBreakpoint(int id, String name, String condition, String hitCondition) {
    }
}
