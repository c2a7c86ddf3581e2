package dev.dapkit.client.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * The breakpoints and exception filters a scripted session sends in its configuration phase
 * (and afterwards, file by file, as they change). Not thread-safe: one script owns it.
 */
public final class SessionConfiguration {

    private final Map<Path, TreeSet<Integer>> lines = new LinkedHashMap<>();
    private List<String> exceptionFilters;

    /** Adds a line breakpoint in {@code source} (an absolute, normalized path). */
    public void addBreakpoint(Path source, int line) {
        lines.computeIfAbsent(source, p -> new TreeSet<>()).add(line);
    }

    /** The exception filters to set; without this, the ones the adapter marks {@code default}. */
    public void exceptionFilters(List<String> filters) {
        exceptionFilters = List.copyOf(filters);
    }

    /** Sends {@code setBreakpoints} for every file, then {@code setExceptionBreakpoints} when there are filters to set. */
    public void sendAll(IDebugProtocolServer server, Capabilities capabilities, BoundedWait wait) {
        for (Path source : lines.keySet()) {
            sendBreakpoints(server, source, wait);
        }
        List<String> filters = exceptionFilters != null ? exceptionFilters : defaultFilters(capabilities);
        if (filters != null) {
            SetExceptionBreakpointsArguments exceptions = new SetExceptionBreakpointsArguments();
            exceptions.setFilters(filters.toArray(String[]::new));
            wait.await(server.setExceptionBreakpoints(exceptions), "the 'setExceptionBreakpoints' request");
        }
    }

    /** Sends {@code setBreakpoints} with every line planned for {@code source}; returns the adapter's answer. */
    public List<Breakpoint> sendBreakpoints(IDebugProtocolServer server, Path source, BoundedWait wait) {
        Source file = new Source();
        file.setPath(source.toString());
        file.setName(source.getFileName().toString());
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        arguments.setSource(file);
        arguments.setBreakpoints(lines.getOrDefault(source, new TreeSet<>()).stream().map(line -> {
            SourceBreakpoint breakpoint = new SourceBreakpoint();
            breakpoint.setLine(line);
            return breakpoint;
        }).toArray(SourceBreakpoint[]::new));
        Breakpoint[] answered = wait.await(server.setBreakpoints(arguments), "setting breakpoints in " + source)
                .getBreakpoints();
        return answered == null ? List.of() : List.of(answered);
    }

    /** The filters the adapter marks {@code default}, as VS Code sends them; null when it offers none. */
    private static List<String> defaultFilters(Capabilities capabilities) {
        ExceptionBreakpointsFilter[] offered = capabilities.getExceptionBreakpointFilters();
        if (offered == null || offered.length == 0) {
            return null;
        }
        List<String> filters = new ArrayList<>();
        for (ExceptionBreakpointsFilter filter : offered) {
            if (Boolean.TRUE.equals(filter.getDefault_())) {
                filters.add(filter.getFilter());
            }
        }
        return filters;
    }
}
