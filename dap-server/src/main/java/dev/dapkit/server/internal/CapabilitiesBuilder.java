package dev.dapkit.server.internal;

import dev.dapkit.server.spi.CompletionProvider;
import dev.dapkit.server.spi.DataBreakpoints;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.ExceptionInfoProvider;
import dev.dapkit.server.spi.ExpressionSetter;
import dev.dapkit.server.spi.FrameRestarter;
import dev.dapkit.server.spi.FunctionBreakpoints;
import dev.dapkit.server.spi.GranularStepping;
import dev.dapkit.server.spi.LoadedSourcesProvider;
import dev.dapkit.server.spi.ModulesProvider;
import dev.dapkit.server.spi.NativeBreakpointConditions;
import dev.dapkit.server.spi.Restartable;
import dev.dapkit.server.spi.SingleThreadExecution;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.VariableSetter;
import java.util.List;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;

/**
 * Derives the DAP {@link Capabilities} of a session from the SPI interfaces its target implements
 * and from what the engine does for every target.
 *
 * <p>Stateless and thread-safe.
 */
final class CapabilitiesBuilder {

    private CapabilitiesBuilder() {
    }

    /**
     * The capabilities for {@code target}.
     *
     * @throws TargetException when the target fails to list its exception filters
     */
    static Capabilities of(DebugTarget target) throws TargetException {
        Capabilities c = new Capabilities();
        // What the engine does for every target.
        c.setSupportsConfigurationDoneRequest(true);
        c.setSupportsHitConditionalBreakpoints(true);
        c.setSupportsCancelRequest(true);
        c.setSupportsTerminateRequest(true);
        c.setSupportTerminateDebuggee(true);
        c.setSupportsDelayedStackTraceLoading(true);

        boolean evaluator = target instanceof Evaluator;
        boolean conditions = evaluator || target instanceof NativeBreakpointConditions;
        c.setSupportsConditionalBreakpoints(conditions);
        c.setSupportsLogPoints(conditions);
        c.setSupportsEvaluateForHovers(evaluator);
        c.setSupportsClipboardContext(evaluator);
        c.setSupportsSetVariable(target instanceof VariableSetter);
        c.setSupportsSetExpression(target instanceof ExpressionSetter);
        c.setSupportsFunctionBreakpoints(target instanceof FunctionBreakpoints);
        c.setSupportsDataBreakpoints(target instanceof DataBreakpoints);
        c.setSupportsCompletionsRequest(target instanceof CompletionProvider);
        c.setSupportsExceptionInfoRequest(target instanceof ExceptionInfoProvider);
        c.setSupportsModulesRequest(target instanceof ModulesProvider);
        c.setSupportsLoadedSourcesRequest(target instanceof LoadedSourcesProvider);
        c.setSupportsRestartRequest(target instanceof Restartable);
        c.setSupportsRestartFrame(target instanceof FrameRestarter);
        c.setSupportsSteppingGranularity(target instanceof GranularStepping);
        c.setSupportsSingleThreadExecutionRequests(target instanceof SingleThreadExecution);
        c.setSupportsValueFormattingOptions(false);

        if (target instanceof ExceptionBreakpoints exceptions) {
            List<ExceptionBreakpointsFilter> filters = exceptions.exceptionFilters();
            c.setExceptionBreakpointFilters(filters == null ? new ExceptionBreakpointsFilter[0]
                    : filters.toArray(ExceptionBreakpointsFilter[]::new));
            c.setSupportsExceptionOptions(exceptions.supportsExceptionOptions());
            c.setSupportsExceptionFilterOptions(true);
        } else {
            c.setSupportsExceptionOptions(false);
            c.setSupportsExceptionFilterOptions(false);
        }
        return c;
    }
}
