package dev.dapkit.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.DataBreakpoints;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.FunctionBreakpoints;
import dev.dapkit.server.spi.TargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetDataBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetDataBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;

/**
 * Serves the breakpoint requests: {@code setBreakpoints}, {@code setFunctionBreakpoints},
 * {@code setExceptionBreakpoints}, {@code setDataBreakpoints} and {@code dataBreakpointInfo}.
 * Before {@code launch}/{@code attach} the configuration is registered and answered as pending;
 * {@link BreakpointSync#replayAll()} sends it to the target afterwards.
 *
 * <p>Called on the session thread only.
 */
final class BreakpointHandlers {

    private final TargetHolder target;
    private final BreakpointRegistry registry;
    private final BreakpointSync sync;
    private final BreakpointView view;
    private final SourceTranslator sources;
    private final ClientProfile client;
    private final SessionPhase phase;
    private final SuspendedState suspended;

    BreakpointHandlers(TargetHolder target, BreakpointRegistry registry, BreakpointSync sync, BreakpointView view,
            SourceTranslator sources, ClientProfile client, SessionPhase phase, SuspendedState suspended) {
        this.target = target;
        this.registry = registry;
        this.sync = sync;
        this.view = view;
        this.sources = sources;
        this.client = client;
        this.phase = phase;
        this.suspended = suspended;
    }

    void register(HandlerTable table) {
        table.on("setBreakpoints", SetBreakpointsArguments.class, Requirement.INITIALIZED, (p, a) -> setBreakpoints(a));
        table.on("setFunctionBreakpoints", SetFunctionBreakpointsArguments.class, Requirement.INITIALIZED,
                (p, a) -> setFunctionBreakpoints(a));
        table.on("setExceptionBreakpoints", SetExceptionBreakpointsArguments.class, Requirement.INITIALIZED,
                (p, a) -> setExceptionBreakpoints(a));
        table.on("setDataBreakpoints", SetDataBreakpointsArguments.class, Requirement.INITIALIZED,
                (p, a) -> setDataBreakpoints(a));
        table.on("dataBreakpointInfo", DataBreakpointInfoArguments.class, Requirement.LAUNCHED,
                (p, a) -> dataBreakpointInfo(a));
    }

    private SetBreakpointsResponse setBreakpoints(SetBreakpointsArguments a) throws TargetException {
        Source clientSource = a.getSource();
        Source targetSource = sources.toTarget(clientSource);
        List<BreakpointRegistry.Spec> specs = new ArrayList<>();
        LineConverter lines = client.lines();
        for (SourceBreakpoint b : requested(a)) {
            Integer line = lines.lineToTarget(b.getLine());
            Integer column = lines.columnToTarget(b.getColumn());
            specs.add(new BreakpointRegistry.Spec(line + ":" + column,
                    rule(b.getCondition(), b.getHitCondition(), b.getLogMessage()), line, column, b));
        }
        List<BreakpointRegistry.Entry> entries = registry.replace(BreakpointRegistry.Kind.LINE,
                groupOf(clientSource), clientSource, targetSource, specs);
        if (phase.isStarted()) {
            sync.pushLines(targetSource, entries);
        }
        SetBreakpointsResponse response = new SetBreakpointsResponse();
        response.setBreakpoints(toClient(entries));
        return response;
    }

    private SetFunctionBreakpointsResponse setFunctionBreakpoints(SetFunctionBreakpointsArguments a)
            throws TargetException {
        target.capability(FunctionBreakpoints.class, "setFunctionBreakpoints");
        List<BreakpointRegistry.Spec> specs = new ArrayList<>();
        for (FunctionBreakpoint b : orEmpty(a.getBreakpoints())) {
            specs.add(new BreakpointRegistry.Spec("name:" + b.getName(), rule(b.getCondition(), b.getHitCondition(), null),
                    null, null, b));
        }
        List<BreakpointRegistry.Entry> entries = registry.replace(BreakpointRegistry.Kind.FUNCTION,
                BreakpointSync.FUNCTIONS, null, null, specs);
        if (phase.isStarted()) {
            sync.pushFunctions(entries);
        }
        SetFunctionBreakpointsResponse response = new SetFunctionBreakpointsResponse();
        response.setBreakpoints(toClient(entries));
        return response;
    }

    private SetDataBreakpointsResponse setDataBreakpoints(SetDataBreakpointsArguments a) throws TargetException {
        target.capability(DataBreakpoints.class, "setDataBreakpoints");
        List<BreakpointRegistry.Spec> specs = new ArrayList<>();
        for (DataBreakpoint b : orEmpty(a.getBreakpoints())) {
            specs.add(new BreakpointRegistry.Spec("data:" + b.getDataId() + ":" + b.getAccessType(),
                    rule(b.getCondition(), b.getHitCondition(), null), null, null, b));
        }
        List<BreakpointRegistry.Entry> entries = registry.replace(BreakpointRegistry.Kind.DATA, BreakpointSync.DATA,
                null, null, specs);
        if (phase.isStarted()) {
            sync.pushData(entries);
        }
        SetDataBreakpointsResponse response = new SetDataBreakpointsResponse();
        response.setBreakpoints(toClient(entries));
        return response;
    }

    private SetExceptionBreakpointsResponse setExceptionBreakpoints(SetExceptionBreakpointsArguments a)
            throws TargetException {
        target.capability(ExceptionBreakpoints.class, "setExceptionBreakpoints");
        sync.holdExceptions(new BreakpointSync.ExceptionConfig(orEmpty(a.getFilters()), orEmpty(a.getFilterOptions()),
                orEmpty(a.getExceptionOptions())));
        SetExceptionBreakpointsResponse response = new SetExceptionBreakpointsResponse();
        if (phase.isStarted()) {
            List<BreakpointRegistry.Entry> entries = sync.pushExceptions();
            if (!entries.isEmpty()) {
                response.setBreakpoints(toClient(entries));
            }
        }
        return response;
    }

    private Object dataBreakpointInfo(DataBreakpointInfoArguments a) throws TargetException {
        DataBreakpoints data = target.capability(DataBreakpoints.class, "dataBreakpointInfo");
        Integer reference = a.getVariablesReference();
        DataBreakpointInfoResponse info = data.dataBreakpointInfo(reference == null || reference == 0 ? null
                : suspended.container(reference), a.getName(), suspended.frameOrNull(a.getFrameId()));
        if (info == null || info.getDataId() != null) {
            return info;
        }
        // DAP requires dataId, null when the data cannot be watched; the LSP4J mapping leaves nulls out
        ObjectNode body = RawJson.from(info).tree().deepCopy();
        body.putNull("dataId");
        return RawJson.from(body);
    }

    private BreakpointRule rule(String condition, String hitCondition, String logMessage) {
        return target.engineEvaluatesConditions()
                ? BreakpointRule.forEngine(condition, hitCondition, logMessage, target.canEvaluateConditions(), target.id())
                : BreakpointRule.forNativeTarget(condition, hitCondition, logMessage);
    }

    private Breakpoint[] toClient(List<BreakpointRegistry.Entry> entries) {
        return entries.stream().map(view::toClient).toArray(Breakpoint[]::new);
    }

    /** The breakpoints asked for, including the deprecated {@code lines} form. */
    private static List<SourceBreakpoint> requested(SetBreakpointsArguments a) {
        if (a.getBreakpoints() != null) {
            return Arrays.asList(a.getBreakpoints());
        }
        List<SourceBreakpoint> fromLines = new ArrayList<>();
        if (a.getLines() != null) {
            for (int line : a.getLines()) {
                SourceBreakpoint b = new SourceBreakpoint();
                b.setLine(line);
                fromLines.add(b);
            }
        }
        return fromLines;
    }

    /**
     * Breakpoints are grouped by the source as the client named it, so each file's list replaces
     * only its own, and ids survive a path mapping that arrives later (with the launch).
     */
    private static String groupOf(Source clientSource) {
        Integer reference = clientSource.getSourceReference();
        if (reference != null && reference > 0) {
            return "source-ref:" + reference;
        }
        return "source-path:" + clientSource.getPath() + (clientSource.getPath() == null ? ":" + clientSource.getName() : "");
    }

    private static <T> List<T> orEmpty(T[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
