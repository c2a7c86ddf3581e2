package dev.dapkit.server.spi;

import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionFilterOptions;
import org.eclipse.lsp4j.debug.ExceptionOptions;

/** Optional: stops when exceptions are raised ({@code setExceptionBreakpoints}). */
public interface ExceptionBreakpoints {

    /** The filters the client shows as check boxes, e.g. "Caught" and "Uncaught". */
    List<ExceptionBreakpointsFilter> exceptionFilters();

    /** Whether {@link ExceptionOptions} (exception paths and break modes) are understood. */
    default boolean supportsExceptionOptions() {
        return false;
    }

    /**
     * Replaces the exception breakpoints.
     *
     * @param filters ids of the enabled filters
     * @param filterOptions enabled filters with conditions (only when a filter supports conditions)
     * @param exceptionOptions finer configuration, when {@link #supportsExceptionOptions()}
     * @return what became of each filter, in DAP's order: one entry per element of {@code filters}
     *     followed by one per element of {@code filterOptions}; or an empty list when the target
     *     has nothing to say about them, and the response then lists no breakpoints. The engine
     *     fills in the ids; a list of any other length is used as far as it goes, and logged
     */
    List<Breakpoint> setExceptionBreakpoints(List<String> filters, List<ExceptionFilterOptions> filterOptions,
            List<ExceptionOptions> exceptionOptions) throws TargetException;
}
