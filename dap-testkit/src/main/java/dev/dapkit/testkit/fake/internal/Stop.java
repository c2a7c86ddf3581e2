package dev.dapkit.testkit.fake.internal;

import java.util.List;

/**
 * Why and where the program stopped. Immutable.
 *
 * @param thread the thread the stop is about
 * @param reason why
 * @param hitBreakpointIds the ids of the breakpoints set where the thread stopped, whatever the
 *     reason (a step that ends on a breakpoint's line names it too); else empty
 * @param error the error, for an exception stop; else null
 * @param uncaught for an exception stop, whether no {@code try} of the thread would catch it
 */
public record Stop(VmThread thread, Reason reason, List<Integer> hitBreakpointIds, RaisedError error, boolean uncaught) {

    public Stop {
        hitBreakpointIds = List.copyOf(hitBreakpointIds);
    }

    static Stop of(VmThread thread, Reason reason) {
        return new Stop(thread, reason, List.of(), null, false);
    }

    /** Why a program stops. */
    public enum Reason { ENTRY, STEP, BREAKPOINT, FUNCTION_BREAKPOINT, EXCEPTION, PAUSE }
}
