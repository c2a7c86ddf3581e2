package dev.dapkit.target.jvm.internal;

import com.sun.jdi.request.EventRequest;
import java.util.List;

/**
 * What the target writes on the JDI event requests it creates, so that the event thread knows
 * what an event is for: the DAP id of the breakpoint behind a request, and its role. Stateless.
 */
final class RequestTags {

    /** The role of a request that stops the debuggee. */
    enum Role {
        /** A line breakpoint the client set. */
        LINE,
        /** A function breakpoint the client set. */
        FUNCTION,
        /** A data breakpoint (field watchpoint) the client set. */
        DATA,
        /** The target's own breakpoint at the first line of {@code main}, for {@code stopOnEntry}. */
        ENTRY
    }

    private static final String ID = "dapkit.breakpointId";
    private static final String ROLE = "dapkit.role";

    private RequestTags() {
    }

    static <R extends EventRequest> R tag(R request, Role role, int breakpointId) {
        request.putProperty(ROLE, role);
        request.putProperty(ID, breakpointId);
        return request;
    }

    /** The role of a request, or null for a request that stops nothing. */
    static Role role(EventRequest request) {
        return request == null ? null : (Role) request.getProperty(ROLE);
    }

    /** The DAP breakpoint id of a request, or 0 when it has none. */
    static int breakpointId(EventRequest request) {
        Object id = request == null ? null : request.getProperty(ID);
        return id instanceof Integer i ? i : 0;
    }

    /** The ids of the requests that have one, in order. */
    static List<Integer> ids(List<? extends EventRequest> requests) {
        return requests.stream().map(RequestTags::breakpointId).filter(id -> id > 0).toList();
    }
}
