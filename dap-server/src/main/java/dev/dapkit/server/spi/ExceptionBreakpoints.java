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
     * @return one breakpoint per filter and filter option, in that order (may be empty)
     */
    List<Breakpoint> setExceptionBreakpoints(List<String> filters, List<ExceptionFilterOptions> filterOptions,
            List<ExceptionOptions> exceptionOptions) throws TargetException;
}
