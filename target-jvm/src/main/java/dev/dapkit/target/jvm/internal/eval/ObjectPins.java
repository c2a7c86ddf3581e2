package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps objects that an evaluation created (strings, boxes, arrays, results of invoked
 * methods) from being garbage-collected: nothing in the debuggee refers to them, and the
 * next invocation lets the collector run. Each pin costs one JDWP round trip, so only
 * objects made during the evaluation are pinned, never objects read from variables.
 *
 * <p>Not thread-safe; owned by one evaluation on the session thread.
 */
final class ObjectPins {

    private final List<ObjectReference> pinned = new ArrayList<>();

    /** Pins {@code value} if it is an object, and returns it. */
    <T extends Value> T pin(T value) throws EvaluationException {
        if (value instanceof ObjectReference) {
            ObjectReference object = (ObjectReference) value;
            try {
                object.disableCollection();
            } catch (ObjectCollectedException e) {
                throw new EvaluationException("a value created during evaluation was garbage-collected before it could be used; try again", e);
            }
            pinned.add(object);
        }
        return value;
    }

    /** Unpins everything except {@code keep} (may be null) and returns whether {@code keep} was pinned here. */
    boolean releaseAllBut(Value keep) {
        boolean kept = false;
        for (ObjectReference object : pinned) {
            if (object.equals(keep)) {
                // JDWP pins are not counted: releasing a duplicate would release the kept one
                kept = true;
                continue;
            }
            release(object);
        }
        pinned.clear();
        return kept;
    }

    static void release(ObjectReference object) {
        try {
            object.enableCollection();
        } catch (ObjectCollectedException | VMDisconnectedException e) {
            // Nothing to undo: the object or the whole VM is gone.
        }
    }
}
