package dev.dapkit.server.spi;

import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;

/** Optional: breakpoints on data access, e.g. field watchpoints. */
public interface DataBreakpoints {

    /**
     * Whether a breakpoint can be set on the child {@code name} of {@code container} (or on the
     * expression {@code name} when {@code container} is null) and how; a non-null {@code dataId}
     * in the answer means yes.
     */
    DataBreakpointInfoResponse dataBreakpointInfo(VariableContainer container, String name, TargetFrame frame)
            throws TargetException;

    /** Replaces every data breakpoint; one entry per requested breakpoint, in order. */
    List<Breakpoint> setDataBreakpoints(List<DataBreakpoint> breakpoints) throws TargetException;

    /**
     * A data breakpoint the client wants.
     *
     * @param id the DAP id the engine issued
     * @param dataId the id from {@link #dataBreakpointInfo}
     * @param accessType read, write or both; null means write
     * @param condition see {@link LineBreakpoint#condition()}
     * @param hitCondition see {@link LineBreakpoint#hitCondition()}
     */
    record DataBreakpoint(int id, String dataId, DataBreakpointAccessType accessType, String condition,
            String hitCondition) {
    }
}
