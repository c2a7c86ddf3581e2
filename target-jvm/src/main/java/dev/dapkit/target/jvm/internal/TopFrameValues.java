package dev.dapkit.target.jvm.internal;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import java.util.List;
import java.util.Map;

/**
 * What the top frame of a stopped thread holds, read ahead ({@link StopReadAhead}): {@code this}
 * and the values of the variables visible at its line. Reading the values is one JDWP command, and
 * in the debuggee a VM operation per variable (HotSpot reads each local at a safepoint), so it is
 * among the slowest parts of a screen refresh.
 *
 * @param self the frame's {@code this}, or null in a static or native method
 * @param visible the variables visible at the frame's line, in {@link StackFrame#visibleVariables()} order
 * @param values their values
 */
record TopFrameValues(ObjectReference self, List<LocalVariable> visible, Map<LocalVariable, Value> values) {

    /**
     * Reads the top frame of {@code thread}; null when its class was compiled without local
     * variable tables (the caller then shows the arguments), when the thread runs again, or when
     * it has no frame.
     */
    static TopFrameValues read(ThreadReference thread) {
        try {
            StackFrame top = thread.frame(0);
            List<LocalVariable> visible = top.visibleVariables();
            return new TopFrameValues(top.thisObject(), visible, top.getValues(visible));
        } catch (AbsentInformationException | IncompatibleThreadStateException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
