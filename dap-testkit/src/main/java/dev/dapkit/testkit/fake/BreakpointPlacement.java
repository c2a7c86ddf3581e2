package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.FunctionBreakpoints.FunctionBreakpoint;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.testkit.fake.internal.FunctionDef;
import dev.dapkit.testkit.fake.internal.SourceFile;
import dev.dapkit.testkit.fake.internal.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;

/**
 * Places breakpoints in a program as a real debugger does: a line breakpoint goes on the first line
 * at or after the one asked for where a statement starts (a blank, comment or {@code def} line
 * moves down, reported with the line it moved to); a function breakpoint stops on the function's
 * first statement. One that cannot be placed is answered unverified, saying why. Stateless.
 */
final class BreakpointPlacement {

    private BreakpointPlacement() {
    }

    static List<Breakpoint> placeLines(Vm vm, Source source, List<LineBreakpoint> wanted) {
        String path = source.getPath();
        SourceFile file = path == null ? null : vm.file(path);
        Map<Integer, List<Integer>> idsByLine = new HashMap<>();
        List<Breakpoint> placed = new ArrayList<>();
        for (LineBreakpoint b : wanted) {
            Integer line = file == null ? null : file.stopLineAtOrAfter(b.line());
            if (line != null) {
                idsByLine.computeIfAbsent(line, l -> new ArrayList<>()).add(b.id());
                placed.add(verified(file, line));
            } else if (file != null) {
                placed.add(unverified(b.line(), "line " + b.line() + " of " + file.name() + " has no statement at or after it"));
            } else {
                placed.add(unverified(b.line(), path == null
                        ? "the fake target knows sources by path only, not by sourceReference"
                        : "the program has no file " + path + " (its files: " + paths(vm) + ")"));
            }
        }
        if (file != null) {
            vm.setLineBreakpoints(file.path(), idsByLine);
        }
        return placed;
    }

    static List<Breakpoint> placeFunctions(Vm vm, List<FunctionBreakpoint> wanted) {
        Map<String, FunctionDef> functions = new HashMap<>();
        vm.files().forEach(f -> functions.putAll(f.functions()));
        Map<String, List<Integer>> idsByName = new HashMap<>();
        List<Breakpoint> placed = new ArrayList<>();
        for (FunctionBreakpoint b : wanted) {
            FunctionDef function = functions.get(b.name());
            if (function == null) {
                placed.add(unverified(null, "the program has no function '" + b.name() + "' (functions: "
                        + new java.util.TreeSet<>(functions.keySet()) + ")"));
            } else {
                idsByName.computeIfAbsent(b.name(), n -> new ArrayList<>()).add(b.id());
                placed.add(verified(vm.file(function.path()), function.firstLine()));
            }
        }
        vm.setFunctionBreakpoints(idsByName);
        return placed;
    }

    private static Breakpoint verified(SourceFile file, int line) {
        Breakpoint b = new Breakpoint();
        b.setVerified(true);
        b.setSource(FakeFrame.source(file));
        b.setLine(line);
        return b;
    }

    private static Breakpoint unverified(Integer line, String why) {
        Breakpoint b = new Breakpoint();
        b.setVerified(false);
        b.setLine(line);
        b.setMessage(why);
        return b;
    }

    private static List<String> paths(Vm vm) {
        return vm.files().stream().map(SourceFile::path).toList();
    }
}
