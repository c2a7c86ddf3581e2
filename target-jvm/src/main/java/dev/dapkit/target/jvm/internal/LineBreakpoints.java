package dev.dapkit.target.jvm.internal;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ArrayType;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.TargetEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;

/**
 * Line breakpoints, by source file. A file's classes are found by its package and name: the
 * top-level class, its nested, inner, local and anonymous classes and the lambdas in them (all
 * share the file as their {@code SourceFile}), those loaded now and, through a class-prepare
 * request, those that load later. A breakpoint stops at the first instruction of its line in every
 * method with code there. A breakpoint on a line without code moves: from a blank, brace or
 * annotation line inside a method to the method's next line with code, from a method's
 * declaration to its first line; and it reports the line it moved to. A statement line without
 * code in the loaded classes stays where it is (its class, an anonymous one say, may load later).
 *
 * <p>Before any class of the file has loaded, a breakpoint in an existing file is answered
 * verified at its line, and corrected by a {@code breakpoint} event when the classes load (moved,
 * or unverified when no loaded class has code there). A file that does not exist is answered
 * unverified, saying so.
 *
 * <p>Thread-safe: the session thread sets breakpoints while the event thread reports classes.
 */
final class LineBreakpoints implements ClassPrepareListener {

    private final VirtualMachine vm;
    private final SourcePaths sources;
    private final TargetEvents events;
    private final Map<Path, FileBreakpoints> files = new HashMap<>();

    /** The breakpoints of one file and what they were placed in. */
    private static final class FileBreakpoints {
        final JavaSourceFile file;
        final List<ReferenceType> types = new ArrayList<>();
        final List<Placed> placed = new ArrayList<>();
        ClassPrepareRequest prepare;

        FileBreakpoints(JavaSourceFile file) {
            this.file = file;
        }
    }

    /** One breakpoint, where it went, and its JDI requests by location. */
    private static final class Placed {
        final int id;
        final int line;
        int actualLine;
        boolean verified;
        String message;
        final Map<Location, BreakpointRequest> requests = new HashMap<>();

        Placed(int id, int line) {
            this.id = id;
            this.line = line;
        }
    }

    LineBreakpoints(VirtualMachine vm, SourcePaths sources, TargetEvents events) {
        this.vm = vm;
        this.sources = sources;
        this.events = events;
    }

    /** Replaces the breakpoints of one file; one answer per breakpoint, in order. */
    synchronized List<Breakpoint> set(Source source, List<LineBreakpoint> wanted) {
        String path = source.getPath();
        if (path == null) {
            return unverified(wanted, "the JVM target sets breakpoints in source files by path; "
                    + (source.getName() == null ? "this source" : source.getName()) + " has none");
        }
        Path file;
        try {
            file = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return unverified(wanted, "\"" + path + "\" is not a path on this machine: " + e.getMessage());
        }
        FileBreakpoints old = files.remove(file);
        if (old != null) {
            remove(old);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        if (!Files.isRegularFile(file)) {
            return unverified(wanted, "there is no file " + file + " on the machine of the JVM target: a breakpoint"
                    + " goes in the source file its class was compiled from");
        }
        JavaSourceFile info;
        try {
            info = JavaSourceFile.read(file);
        } catch (IOException e) {
            return unverified(wanted, "cannot read " + file + " to find its package: " + e.getMessage());
        }
        sources.learnRoot(file, info.packageName());
        FileBreakpoints breakpoints = new FileBreakpoints(info);
        // Ask to hear of new classes before listing the loaded ones: a class prepared in between
        // would otherwise be in neither. One seen both ways is armed once (prepared() skips known types).
        breakpoints.prepare = prepareRequest(info);
        breakpoints.types.addAll(loadedTypes(info));
        for (LineBreakpoint w : wanted) {
            Placed placed = new Placed(w.id(), w.line());
            resolve(breakpoints, placed);
            breakpoints.placed.add(placed);
        }
        files.put(file, breakpoints);
        return breakpoints.placed.stream().map(p -> describe(breakpoints, p)).toList();
    }

    /** A class of a file with breakpoints loaded: arms them in it and reports those that changed. */
    @Override
    public synchronized void prepared(ReferenceType type) {
        for (FileBreakpoints breakpoints : files.values()) {
            if (!breakpoints.types.contains(type) && belongs(type, breakpoints.file)) {
                breakpoints.types.add(type);
                for (Placed placed : breakpoints.placed) {
                    String before = state(placed);
                    resolve(breakpoints, placed);
                    if (!before.equals(state(placed))) {
                        events.breakpointChanged(describe(breakpoints, placed));
                    }
                }
            }
        }
    }

    /** Removes every breakpoint and request (the session detaches). */
    synchronized void clear() {
        files.values().forEach(this::remove);
        files.clear();
    }

    private void resolve(FileBreakpoints breakpoints, Placed placed) {
        List<Location> at = firstPerMethod(breakpoints.types, placed.line);
        int line = placed.line;
        if (at.isEmpty()) {
            Integer moved = movedLine(breakpoints, placed.line);
            if (moved != null) {
                line = moved;
                at = firstPerMethod(breakpoints.types, moved);
            }
        }
        if (!at.isEmpty() || breakpoints.types.isEmpty()) {
            placed.verified = true;
            placed.actualLine = at.isEmpty() ? placed.line : line;
            placed.message = null;
        } else {
            placed.verified = false;
            placed.actualLine = placed.line;
            placed.message = "line " + placed.line + " of " + breakpoints.file.fileName() + " has no code in the classes"
                    + " loaded so far; the breakpoint is set if a class with code there loads";
        }
        arm(placed, new HashSet<>(at));
    }

    /**
     * Where a breakpoint on a line without code goes: from a blank, brace or annotation line inside
     * a method to the method's next line with code; from a method's declaration to its first line.
     * Null when it stays (a statement line whose class has not loaded yet: an anonymous class, say).
     */
    private static Integer movedLine(FileBreakpoints breakpoints, int line) {
        JavaSourceFile.LineKind kind = breakpoints.file.kind(line);
        if (kind == JavaSourceFile.LineKind.CODE) {
            return null;
        }
        String declared = kind == JavaSourceFile.LineKind.DECLARATION ? breakpoints.file.declaredName(line) : null;
        Integer inMethod = null;
        Integer nextStart = null;
        String nextName = null;
        for (ReferenceType type : breakpoints.types) {
            for (Method method : type.methods()) {
                List<Integer> lines = lines(method);
                if (lines.isEmpty()) {
                    continue;
                }
                int min = lines.stream().min(Integer::compare).get();
                int max = lines.stream().max(Integer::compare).get();
                if (min <= line && line <= max) {
                    Integer after = lines.stream().filter(l -> l > line).min(Integer::compare).orElse(null);
                    inMethod = after == null ? inMethod : inMethod == null ? after : Math.min(inMethod, after);
                } else if (min > line && (nextStart == null || min < nextStart)) {
                    nextStart = min;
                    nextName = method.name().equals("<init>") ? SourcePaths.simpleName(type.name()) : method.name();
                }
            }
        }
        if (kind == JavaSourceFile.LineKind.FILLER) {
            return inMethod;
        }
        boolean sameMethod = declared != null && nextName != null
                && (declared.equals(nextName) || nextName.endsWith("$" + declared));
        return inMethod == null && sameMethod ? nextStart : null;
    }

    private static List<Integer> lines(Method method) {
        try {
            return method.allLineLocations().stream().map(Location::lineNumber).filter(l -> l > 0).toList();
        } catch (AbsentInformationException e) {
            return List.of();
        }
    }

    private void arm(Placed placed, Set<Location> locations) {
        EventRequestManager requests = vm.eventRequestManager();
        placed.requests.entrySet().removeIf(e -> {
            boolean gone = !locations.contains(e.getKey());
            if (gone) {
                requests.deleteEventRequest(e.getValue());
            }
            return gone;
        });
        for (Location location : locations) {
            if (!placed.requests.containsKey(location)) {
                BreakpointRequest request = requests.createBreakpointRequest(location);
                request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
                RequestTags.tag(request, RequestTags.Role.LINE, placed.id);
                request.enable();
                placed.requests.put(location, request);
            }
        }
    }

    /** The first location of a line in each method that has code there. */
    private static List<Location> firstPerMethod(List<ReferenceType> types, int line) {
        Map<Method, Location> first = new HashMap<>();
        for (ReferenceType type : types) {
            try {
                for (Location location : type.locationsOfLine(line)) {
                    first.merge(location.method(), location, (a, b) -> a.codeIndex() <= b.codeIndex() ? a : b);
                }
            } catch (AbsentInformationException e) {
                // compiled without line numbers: nothing to stop at in it
            }
        }
        return List.copyOf(first.values());
    }

    /** The prepared classes of a file loaded now. */
    private List<ReferenceType> loadedTypes(JavaSourceFile file) {
        List<ReferenceType> types = new ArrayList<>();
        for (ReferenceType type : vm.allClasses()) {
            if (!(type instanceof ArrayType) && type.isPrepared() && belongs(type, file)) {
                types.add(type);
            }
        }
        return types;
    }

    private static boolean belongs(ReferenceType type, JavaSourceFile file) {
        String name = type.name();
        if (!SourcePaths.packageOf(name).equals(file.packageName())) {
            return false;
        }
        String primary = file.primaryClass();
        if (name.equals(primary) || name.startsWith(primary + "$")) {
            return true;
        }
        try {
            return type.sourceName().equals(file.fileName());
        } catch (AbsentInformationException e) {
            return false;
        }
    }

    private ClassPrepareRequest prepareRequest(JavaSourceFile file) {
        ClassPrepareRequest request = request(vm);
        if (!file.packageName().isEmpty()) {
            request.addClassFilter(file.packageName() + ".*");
        }
        if (vm.canUseSourceNameFilters()) {
            request.addSourceNameFilter(file.fileName());
        } else {
            request.addClassFilter(file.primaryClass() + "*");
        }
        request.enable();
        return request;
    }

    private void remove(FileBreakpoints breakpoints) {
        try {
            EventRequestManager requests = vm.eventRequestManager();
            for (Placed placed : breakpoints.placed) {
                requests.deleteEventRequests(List.copyOf(placed.requests.values()));
            }
            if (breakpoints.prepare != null) {
                requests.deleteEventRequest(breakpoints.prepare);
            }
        } catch (VMDisconnectedException e) {
            // the JVM is gone and its requests with it
        }
    }

    private static String state(Placed placed) {
        return placed.verified + ":" + placed.actualLine + ":" + placed.requests.keySet();
    }

    private static Breakpoint describe(FileBreakpoints breakpoints, Placed placed) {
        Breakpoint b = new Breakpoint();
        b.setId(placed.id);
        b.setVerified(placed.verified);
        b.setLine(placed.actualLine);
        b.setMessage(placed.message);
        Source source = new Source();
        source.setName(breakpoints.file.fileName());
        source.setPath(breakpoints.file.path().toString());
        b.setSource(source);
        return b;
    }

    private static List<Breakpoint> unverified(List<LineBreakpoint> wanted, String why) {
        return wanted.stream().map(w -> {
            Breakpoint b = new Breakpoint();
            b.setVerified(false);
            b.setLine(w.line());
            b.setMessage(why);
            return b;
        }).toList();
    }
}
