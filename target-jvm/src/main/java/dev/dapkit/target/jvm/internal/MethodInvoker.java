package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ClassType;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvocationException;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import dev.dapkit.server.spi.RequestCancellation;
import dev.dapkit.server.spi.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a method of an object in the debuggee for the debugger ({@code size()}, {@code toArray()},
 * {@code toString()}): in the stopped thread alone (other threads stay suspended), bounded by a
 * timeout and by the request's cancellation, on a thread of its own so the session thread can give
 * up waiting. The result is kept from garbage collection until the debuggee resumes.
 *
 * <p>JDI runs methods only in a thread suspended by an event (a breakpoint, a step), not in one
 * suspended by a pause; such a call fails with a message saying so.
 *
 * <p>Thread-safe.
 */
final class MethodInvoker {

    /** How long a method the debugger runs may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ExecutionControl execution;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dapkit-jvm-invoke");
        thread.setDaemon(true);
        return thread;
    });

    MethodInvoker(ExecutionControl execution) {
        this.execution = execution;
    }

    /**
     * Calls {@code object.name()} (a method without arguments, found by name and signature in the
     * object's class or its superclasses) in {@code thread}.
     */
    Value invoke(ThreadReference thread, ObjectReference object, String name, String signature,
            RequestCancellation cancellation) throws TargetException {
        String what = SourcePaths.simpleName(object.referenceType().name()) + "." + name + "()";
        Method method = object.referenceType() instanceof ClassType type ? type.concreteMethodByName(name, signature)
                : null;
        if (method == null) {
            throw JvmErrors.invocationFailed(what, "the class has no such method");
        }
        CompletableFuture<Value> result = new CompletableFuture<>();
        cancellation.onCancel(() -> result.cancel(false));
        executor.execute(() -> {
            execution.invoking(thread, true);
            try {
                result.complete(object.invokeMethod(thread, method, List.of(), ObjectReference.INVOKE_SINGLE_THREADED));
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            } finally {
                execution.invoking(thread, false);
            }
        });
        try {
            Value value = result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (value instanceof ObjectReference returned) {
                execution.pin(returned);
            }
            return value;
        } catch (TimeoutException e) {
            throw JvmErrors.invocationFailed(what, "it did not return within " + TIMEOUT.toSeconds() + " s (it still"
                    + " runs in the debuggee's thread)");
        } catch (CancellationException e) {
            throw JvmErrors.cancelled(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JvmErrors.cancelled(what);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        }
    }

    private static TargetException failure(String what, Throwable cause) {
        if (cause instanceof InvocationException thrown) {
            ObjectReference exception = thrown.exception();
            String message = ExceptionDescriber.messageOf(exception);
            return JvmErrors.invocationFailed(what, "it threw " + exception.referenceType().name()
                    + (message == null ? "" : ": " + message));
        }
        if (cause instanceof IncompatibleThreadStateException || cause instanceof IllegalThreadStateException) {
            return JvmErrors.invocationFailed(what, "the thread was not stopped by a breakpoint or a step (a paused"
                    + " thread cannot run methods in JDI); see the (raw) fields instead");
        }
        if (cause instanceof VMDisconnectedException) {
            return JvmErrors.debuggeeGone(what);
        }
        return JvmErrors.invocationFailed(what, cause.toString());
    }

    /** Stops the invoking thread; a method still running in the debuggee is left to finish. */
    void close() {
        executor.shutdownNow();
    }
}
