package dev.dapkit.target.jvm.internal;

import com.sun.jdi.Field;
import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.WatchpointRequest;
import dev.dapkit.server.spi.DataBreakpoints.DataBreakpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;

/**
 * Data breakpoints on fields, as JDI watchpoints: on a field of one object (the object a client
 * expanded) or on a static field. {@code write} stops where the field is assigned,
 * {@code read} where it is read, {@code readWrite} at both. A watched object is kept from garbage
 * collection while its breakpoint exists.
 *
 * <p>Thread-safe.
 */
final class Watchpoints {

    /** A field the client may watch, by the {@code dataId} handed out for it. */
    private record Watchable(ReferenceType type, Field field, ObjectReference object, String description) {
    }

    private final VirtualMachine vm;
    private final Map<String, Watchable> watchables = new HashMap<>();
    private final List<WatchpointRequest> requests = new ArrayList<>();
    private final List<ObjectReference> held = new ArrayList<>();

    Watchpoints(VirtualMachine vm) {
        this.vm = vm;
    }

    /** Whether a child of a container can be watched, and how. */
    synchronized DataBreakpointInfoResponse info(Object container, String name) {
        DataBreakpointInfoResponse response = new DataBreakpointInfoResponse();
        Watchable watchable = null;
        if (container instanceof ObjectFields fields) {
            Field field = fields.field(name);
            if (field != null) {
                watchable = new Watchable(field.declaringType(), field, fields.object(),
                        "field " + name + " of " + ValueText.of(fields.object()));
            }
        } else if (container instanceof StaticFields statics) {
            Field field = statics.type().fieldByName(name);
            if (field != null && field.isStatic()) {
                watchable = new Watchable(field.declaringType(), field, null,
                        "static field " + SourcePaths.simpleName(field.declaringType().name()) + "." + name);
            }
        }
        if (watchable == null) {
            response.setDescription(container == null
                    ? "watching an expression needs the expression evaluator; expand an object and watch its field"
                    : "'" + name + "' is not a field (local variables and elements cannot be watched)");
            return response;
        }
        List<DataBreakpointAccessType> access = new ArrayList<>();
        if (vm.canWatchFieldModification()) {
            access.add(DataBreakpointAccessType.WRITE);
        }
        if (vm.canWatchFieldAccess()) {
            access.add(DataBreakpointAccessType.READ);
            if (vm.canWatchFieldModification()) {
                access.add(DataBreakpointAccessType.READ_WRITE);
            }
        }
        if (access.isEmpty()) {
            response.setDescription("this JVM cannot watch fields");
            return response;
        }
        String dataId = watchable.object() == null
                ? "static:" + watchable.type().name() + ":" + name
                : "field:" + watchable.object().uniqueID() + ":" + watchable.type().name() + ":" + name;
        watchables.put(dataId, watchable);
        response.setDataId(dataId);
        response.setDescription(watchable.description());
        response.setAccessTypes(access.toArray(DataBreakpointAccessType[]::new));
        response.setCanPersist(watchable.object() == null);
        return response;
    }

    /** Replaces every data breakpoint; one answer each, in order. */
    synchronized List<Breakpoint> set(List<DataBreakpoint> breakpoints) {
        clear();
        List<Breakpoint> answers = new ArrayList<>();
        for (DataBreakpoint b : breakpoints) {
            Watchable w = watchables.get(b.dataId());
            Breakpoint answer = new Breakpoint();
            if (w == null) {
                answer.setVerified(false);
                answer.setMessage("unknown dataId '" + b.dataId() + "': ask dataBreakpointInfo for a field in this session");
                answers.add(answer);
                continue;
            }
            DataBreakpointAccessType access = b.accessType() == null ? DataBreakpointAccessType.WRITE : b.accessType();
            EventRequestManager manager = vm.eventRequestManager();
            try {
                if (access != DataBreakpointAccessType.READ) {
                    watch(manager.createModificationWatchpointRequest(w.field()), w, b.id());
                }
                if (access != DataBreakpointAccessType.WRITE) {
                    watch(manager.createAccessWatchpointRequest(w.field()), w, b.id());
                }
                answer.setVerified(true);
                answer.setMessage(w.description());
            } catch (ObjectCollectedException e) {
                answer.setVerified(false);
                answer.setMessage("the object of " + w.description() + " was garbage collected");
            }
            answers.add(answer);
        }
        return answers;
    }

    private void watch(WatchpointRequest request, Watchable w, int id) {
        if (w.object() != null) {
            request.addInstanceFilter(w.object());
            w.object().disableCollection();
            held.add(w.object());
        }
        request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        RequestTags.tag(request, RequestTags.Role.DATA, id);
        request.enable();
        requests.add(request);
    }

    /** Removes every data breakpoint. */
    synchronized void clear() {
        try {
            vm.eventRequestManager().deleteEventRequests(requests);
            for (ObjectReference object : held) {
                try {
                    object.enableCollection();
                } catch (ObjectCollectedException e) {
                    // already gone
                }
            }
        } catch (VMDisconnectedException e) {
            // gone with the JVM
        }
        requests.clear();
        held.clear();
    }
}
