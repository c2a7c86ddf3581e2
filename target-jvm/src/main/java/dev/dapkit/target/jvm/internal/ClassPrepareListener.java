package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;

/**
 * Something that waits for classes to load: a breakpoint set whose class is not loaded yet. It
 * creates its {@link ClassPrepareRequest}s with {@link #request}, and the event thread hands it each
 * class they catch, while the JVM is suspended, so that it can arm breakpoints before the class runs.
 */
interface ClassPrepareListener {

    /** Called on the event thread for each class one of this listener's requests caught. */
    void prepared(ReferenceType type);

    /** A disabled request, tagged with this listener; the caller adds filters and enables it. */
    default ClassPrepareRequest request(VirtualMachine vm) {
        ClassPrepareRequest request = vm.eventRequestManager().createClassPrepareRequest();
        request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        request.putProperty(ClassPrepareListener.class, this);
        return request;
    }

    /** The listener that made a request, or null. */
    static ClassPrepareListener of(EventRequest request) {
        return request == null ? null : (ClassPrepareListener) request.getProperty(ClassPrepareListener.class);
    }
}
