package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ClassType;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.ExceptionRequest;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionFilterOptions;

/**
 * Exception breakpoints: the filters {@value #CAUGHT} (thrown and caught) and {@value #UNCAUGHT}
 * (no handler in the thread). Each filter takes a condition: exception class names, comma
 * separated ({@code java.io.IOException, com.example.*, TimeoutException}); an exception stops
 * when its class or a superclass matches one. Without a condition, {@value #CAUGHT} leaves out
 * exceptions thrown inside the JDK's own classes, which throw and catch many for their own
 * reasons; naming a class stops on it wherever it is thrown.
 *
 * <p>Thread-safe: the session thread sets the filters while the event thread tests exceptions.
 */
final class ExceptionBreakpointSet implements JdiEventLoop.ExceptionFilter {

    static final String CAUGHT = "caught";
    static final String UNCAUGHT = "uncaught";

    private final VirtualMachine vm;
    private final List<ExceptionRequest> requests = new ArrayList<>();
    private List<String> caughtClasses;
    private List<String> uncaughtClasses;

    ExceptionBreakpointSet(VirtualMachine vm) {
        this.vm = vm;
    }

    /** The filters the client shows. */
    static List<ExceptionBreakpointsFilter> filters() {
        return List.of(filter(CAUGHT, "Caught Exceptions", "Stop where an exception is thrown that a catch handles"),
                filter(UNCAUGHT, "Uncaught Exceptions", "Stop where an exception is thrown that nothing catches"));
    }

    private static ExceptionBreakpointsFilter filter(String id, String label, String description) {
        ExceptionBreakpointsFilter filter = new ExceptionBreakpointsFilter();
        filter.setFilter(id);
        filter.setLabel(label);
        filter.setDescription(description);
        filter.setDefault_(false);
        filter.setSupportsCondition(true);
        filter.setConditionDescription("Exception classes, comma separated, e.g. java.io.IOException, com.example.*");
        return filter;
    }

    /** Replaces the exception breakpoints; one answer per filter, then one per filter option. */
    synchronized List<Breakpoint> set(List<String> filters, List<ExceptionFilterOptions> options) {
        clear();
        List<Breakpoint> answers = new ArrayList<>();
        for (String filter : filters) {
            answers.add(enable(filter, null));
        }
        for (ExceptionFilterOptions option : options) {
            answers.add(enable(option.getFilterId(), option.getCondition()));
        }
        if (caughtClasses != null) {
            ExceptionRequest caught = vm.eventRequestManager().createExceptionRequest(null, true, false);
            if (caughtClasses.isEmpty()) {
                StepFilters.EXCLUDED_CLASSES.forEach(caught::addClassExclusionFilter);
            }
            arm(caught);
        }
        if (uncaughtClasses != null) {
            arm(vm.eventRequestManager().createExceptionRequest(null, false, true));
        }
        return answers;
    }

    private Breakpoint enable(String filter, String condition) {
        List<String> classes = condition == null || condition.isBlank() ? List.of()
                : List.of(condition.split("[,\\s]+")).stream().filter(s -> !s.isBlank()).toList();
        Breakpoint answer = new Breakpoint();
        if (CAUGHT.equals(filter)) {
            caughtClasses = merge(caughtClasses, classes);
        } else if (UNCAUGHT.equals(filter)) {
            uncaughtClasses = merge(uncaughtClasses, classes);
        } else {
            answer.setVerified(false);
            answer.setMessage("unknown exception filter '" + filter + "'; the filters are " + CAUGHT + " and " + UNCAUGHT);
            return answer;
        }
        answer.setVerified(true);
        return answer;
    }

    /** Class lists of one filter combined; an empty list (every class) wins. */
    private static List<String> merge(List<String> held, List<String> more) {
        if (held == null) {
            return more;
        }
        if (held.isEmpty() || more.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(held);
        all.addAll(more);
        return all;
    }

    private void arm(ExceptionRequest request) {
        request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        request.enable();
        requests.add(request);
    }

    @Override
    public synchronized boolean stops(ExceptionEvent event) {
        List<String> classes = event.catchLocation() == null ? uncaughtClasses : caughtClasses;
        return classes != null && (classes.isEmpty() || matches(event.exception().referenceType(), classes));
    }

    private static boolean matches(ReferenceType type, List<String> patterns) {
        for (ReferenceType t = type; t != null; t = t instanceof ClassType c ? c.superclass() : null) {
            String name = t.name();
            for (String pattern : patterns) {
                boolean hit = pattern.endsWith(".*") ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                        : pattern.contains(".") ? name.equals(pattern) : SourcePaths.simpleName(name).equals(pattern);
                if (hit) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes every exception breakpoint. */
    synchronized void clear() {
        caughtClasses = null;
        uncaughtClasses = null;
        try {
            EventRequestManager manager = vm.eventRequestManager();
            manager.deleteEventRequests(requests);
        } catch (VMDisconnectedException e) {
            // gone with the JVM
        }
        requests.clear();
    }
}
