package dev.dapkit.target.jvm.internal;

import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.util.List;

/**
 * {@code stopOnEntry}: a breakpoint of the target's own at the first line of the main class's
 * {@code main}, set when that class loads; the event thread reports its hit as reason
 * {@code entry} and deletes it. Used once, from the session thread and then the event thread.
 */
final class EntryBreakpoint implements ClassPrepareListener {

    private final VirtualMachine vm;
    private ClassPrepareRequest prepare;

    private EntryBreakpoint(VirtualMachine vm) {
        this.vm = vm;
    }

    /** Arms the entry stop for {@code mainClass}, a binary class name. */
    static void arm(VirtualMachine vm, String mainClass) {
        EntryBreakpoint entry = new EntryBreakpoint(vm);
        List<ReferenceType> loaded = vm.classesByName(mainClass);
        if (!loaded.isEmpty() && loaded.get(0).isPrepared()) {
            entry.prepared(loaded.get(0));
            return;
        }
        entry.prepare = entry.request(vm);
        entry.prepare.addClassFilter(mainClass);
        entry.prepare.addCountFilter(1);
        entry.prepare.enable();
    }

    @Override
    public synchronized void prepared(ReferenceType type) {
        if (prepare != null) {
            vm.eventRequestManager().deleteEventRequest(prepare);
            prepare = null;
        }
        Method main = null;
        for (Method m : type.methodsByName("main")) {
            if (m.location() != null && (main == null || m.signature().equals("([Ljava/lang/String;)V"))) {
                main = m;
            }
        }
        if (main == null) {
            return;
        }
        BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(main.location());
        request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        RequestTags.tag(request, RequestTags.Role.ENTRY, 0);
        request.enable();
    }
}
