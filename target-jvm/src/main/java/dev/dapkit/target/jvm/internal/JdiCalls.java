package dev.dapkit.target.jvm.internal;

import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InternalException;
import com.sun.jdi.InvalidStackFrameException;
import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.VMCannotBeModifiedException;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VMOutOfMemoryException;
import dev.dapkit.server.spi.TargetException;

/**
 * Runs a request's JDI work and turns JDI's unchecked failures into DAP errors that say what
 * happened: the JVM went away, a frame went stale, an object was collected, a thread runs. So a
 * request in progress when the debuggee dies fails cleanly instead of as an internal error.
 * Stateless.
 */
final class JdiCalls {

    /** JDI work of a request. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws TargetException, IncompatibleThreadStateException;
    }

    /** JDI work of a request that answers nothing. */
    @FunctionalInterface
    interface VoidWork {
        void run() throws TargetException, IncompatibleThreadStateException;
    }

    private JdiCalls() {
    }

    static <T> T call(String request, Work<T> work) throws TargetException {
        try {
            return work.run();
        } catch (VMDisconnectedException e) {
            throw withCause(JvmErrors.debuggeeGone(request), e);
        } catch (InvalidStackFrameException e) {
            throw withCause(JvmErrors.staleFrame(request), e);
        } catch (ObjectCollectedException e) {
            throw withCause(JvmErrors.objectCollected(request), e);
        } catch (IncompatibleThreadStateException | IllegalThreadStateException e) {
            throw withCause(JvmErrors.notStopped(request, "the thread"), e);
        } catch (VMCannotBeModifiedException e) {
            throw withCause(JvmErrors.unsupported(request, "the JVM is read-only (a core file or a read-only"
                    + " connection)"), e);
        } catch (VMOutOfMemoryException e) {
            throw withCause(JvmErrors.jdwpFailure(request, "the JVM is out of memory"), e);
        } catch (InternalException e) {
            throw withCause(JvmErrors.jdwpFailure(request, "JDWP error " + e.errorCode() + " (" + e.getMessage() + ")"),
                    e);
        }
    }

    static void run(String request, VoidWork work) throws TargetException {
        call(request, () -> {
            work.run();
            return null;
        });
    }

    private static TargetException withCause(TargetException error, Throwable cause) {
        return new TargetException(error.error(), error.reason(), cause);
    }
}
