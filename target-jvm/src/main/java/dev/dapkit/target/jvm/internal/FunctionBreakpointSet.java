package dev.dapkit.target.jvm.internal;

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
import dev.dapkit.server.spi.FunctionBreakpoints.FunctionBreakpoint;
import dev.dapkit.server.spi.TargetEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.lsp4j.debug.Breakpoint;

/**
 * Function breakpoints: {@code com.example.Main.run} (also {@code Main.run}, {@code Main#run},
 * {@code Main::run}, {@code Outer$Inner.run}; parameters in parentheses are ignored) stops at the
 * first line of every overload of the method. A class that is not loaded yet is waited for.
 *
 * <p>Thread-safe: the session thread sets them while the event thread reports classes.
 */
final class FunctionBreakpointSet implements ClassPrepareListener {

    private final VirtualMachine vm;
    private final SourcePaths sources;
    private final TargetEvents events;
    private final List<Wanted> wanted = new ArrayList<>();

    /** One breakpoint, the method it names, and what it became. */
    private static final class Wanted {
        final int id;
        final String className;
        final String methodName;
        final List<BreakpointRequest> requests = new ArrayList<>();
        final List<ClassPrepareRequest> waits = new ArrayList<>();
        final java.util.Set<ReferenceType> armed = new java.util.HashSet<>();
        Breakpoint answer;

        Wanted(int id, String className, String methodName) {
            this.id = id;
            this.className = className;
            this.methodName = methodName;
        }

        boolean names(ReferenceType type) {
            String name = type.name();
            return className.contains(".") ? name.equals(className)
                    : name.equals(className) || name.endsWith("." + className) || name.endsWith("$" + className);
        }
    }

    FunctionBreakpointSet(VirtualMachine vm, SourcePaths sources, TargetEvents events) {
        this.vm = vm;
        this.sources = sources;
        this.events = events;
    }

    synchronized List<Breakpoint> set(List<FunctionBreakpoint> breakpoints) {
        clear();
        List<Breakpoint> answers = new ArrayList<>();
        for (FunctionBreakpoint b : breakpoints) {
            String name = b.name().strip();
            int paren = name.indexOf('(');
            String plain = (paren < 0 ? name : name.substring(0, paren)).replace("::", ".").replace('#', '.');
            int dot = plain.lastIndexOf('.');
            if (dot <= 0 || dot == plain.length() - 1) {
                answers.add(unverified("'" + b.name() + "' is not Class.method (e.g. com.example.Main.run)"));
                continue;
            }
            Wanted w = new Wanted(b.id(), plain.substring(0, dot), plain.substring(dot + 1));
            wanted.add(w);
            List<ReferenceType> loaded = vm.allClasses().stream()
                    .filter(t -> !(t instanceof ArrayType) && t.isPrepared() && w.names(t)).toList();
            for (ReferenceType type : loaded) {
                arm(w, type);
            }
            if (w.answer == null) {
                w.answer = unverified("class " + w.className + " is not loaded yet; the breakpoint is set when it loads");
            }
            waitFor(w);
            answers.add(copy(w.answer));
        }
        return answers;
    }

    @Override
    public synchronized void prepared(ReferenceType type) {
        for (Wanted w : wanted) {
            if (w.names(type) && !w.armed.contains(type)) {
                boolean before = Boolean.TRUE.equals(w.answer.isVerified());
                arm(w, type);
                if (!before || !Boolean.TRUE.equals(w.answer.isVerified())) {
                    Breakpoint changed = copy(w.answer);
                    changed.setId(w.id);
                    events.breakpointChanged(changed);
                }
            }
        }
    }

    private void arm(Wanted w, ReferenceType type) {
        w.armed.add(type);
        List<Method> methods = type.methodsByName(w.methodName).stream().filter(m -> m.location() != null).toList();
        if (methods.isEmpty()) {
            if (w.answer == null || !Boolean.TRUE.equals(w.answer.isVerified())) {
                TreeSet<String> names = new TreeSet<>();
                type.methods().forEach(m -> names.add(m.name()));
                w.answer = unverified(type.name() + " has no method '" + w.methodName + "' with code (its methods: "
                        + names + ")");
            }
            return;
        }
        EventRequestManager manager = vm.eventRequestManager();
        for (Method method : methods) {
            Location first = method.location();
            BreakpointRequest request = manager.createBreakpointRequest(first);
            request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            RequestTags.tag(request, RequestTags.Role.FUNCTION, w.id);
            request.enable();
            w.requests.add(request);
            if (w.answer == null || !Boolean.TRUE.equals(w.answer.isVerified())) {
                Breakpoint answer = new Breakpoint();
                answer.setVerified(true);
                answer.setSource(sources.sourceOf(type));
                answer.setLine(first.lineNumber() > 0 ? first.lineNumber() : null);
                w.answer = answer;
            }
        }
    }

    private void waitFor(Wanted w) {
        if (w.className.contains(".")) {
            ClassPrepareRequest request = request(vm);
            request.addClassFilter(w.className);
            request.enable();
            w.waits.add(request);
        } else {
            for (String pattern : List.of(w.className, "*." + w.className, "*$" + w.className)) {
                ClassPrepareRequest request = request(vm);
                request.addClassFilter(pattern);
                request.enable();
                w.waits.add(request);
            }
        }
    }

    /** Removes every function breakpoint. */
    synchronized void clear() {
        try {
            EventRequestManager manager = vm.eventRequestManager();
            for (Wanted w : wanted) {
                manager.deleteEventRequests(w.requests);
                manager.deleteEventRequests(w.waits);
            }
        } catch (VMDisconnectedException e) {
            // gone with the JVM
        }
        wanted.clear();
    }

    private static Breakpoint unverified(String why) {
        Breakpoint b = new Breakpoint();
        b.setVerified(false);
        b.setMessage(why);
        return b;
    }

    private static Breakpoint copy(Breakpoint from) {
        Breakpoint b = new Breakpoint();
        b.setVerified(from.isVerified());
        b.setMessage(from.getMessage());
        b.setSource(from.getSource());
        b.setLine(from.getLine());
        return b;
    }
}
