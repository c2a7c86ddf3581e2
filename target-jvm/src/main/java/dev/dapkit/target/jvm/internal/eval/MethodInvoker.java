package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.InvocationException;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs code in the debuggee ({@code invokeMethod}, {@code newInstance}) with a time limit.
 * The JDI call blocks until the debuggee returns, so it runs on a short-lived helper thread
 * while the caller waits at most the scope's timeout. JDI cannot abort an invocation: on
 * timeout the call keeps running in the debuggee, the helper thread keeps waiting for it, and
 * the debuggee thread is marked busy (further invocations on it are refused with a clear
 * message) until the call returns, after which the thread is suspended again as before.
 *
 * <p>The busy map is shared by all evaluations of one {@link Evaluator} and is thread-safe;
 * everything else runs on the evaluating thread.
 */
final class MethodInvoker {

    /** A JDI invocation, run on the helper thread. */
    interface Call {
        Value run() throws InvalidTypeException, ClassNotLoadedException, IncompatibleThreadStateException,
                InvocationException;
    }

    private final EvaluationScope scope;
    private final ObjectPins pins;
    private final Map<ThreadReference, PendingInvocation> busyThreads;

    MethodInvoker(EvaluationScope scope, ObjectPins pins, Map<ThreadReference, PendingInvocation> busyThreads) {
        this.scope = scope;
        this.pins = pins;
        this.busyThreads = busyThreads;
    }

    ThreadReference thread() {
        return scope.thread();
    }

    /** Refuses when the scope may not run code; {@code action} completes "use the debug console to ...". */
    void checkSideEffectsAllowed(String action) throws EvaluationException {
        if (!scope.allowsSideEffects()) {
            throw new EvaluationException("hover does not run code; use the debug console to " + action);
        }
    }

    /**
     * Runs {@code call} and returns its result, pinned.
     *
     * @param what how the call is named in messages, e.g. {@code toString()}
     */
    Value invoke(String what, Call call) throws EvaluationException {
        checkSideEffectsAllowed("call " + what);
        ThreadReference thread = scope.thread();
        PendingInvocation running = busyThreads.get(thread);
        if (running != null) {
            throw new EvaluationException("cannot invoke methods: " + running.what() + " is still running on thread '"
                    + thread.name() + "' after an earlier evaluation timed out");
        }
        CompletableFuture<Value> result = new CompletableFuture<>();
        Thread helper = new Thread(() -> {
            try {
                result.complete(call.run());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }, "dapkit-invoke " + what);
        helper.setDaemon(true);
        helper.start();
        Duration timeout = scope.invokeTimeout();
        try {
            return pins.pin(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            PendingInvocation pending = new PendingInvocation(what, result);
            busyThreads.put(thread, pending);
            result.whenComplete((value, failure) -> busyThreads.remove(thread, pending));
            throw new EvaluationException(what + " took longer than " + describe(timeout)
                    + "; it keeps running in the debuggee (JDI cannot abort it) and thread '" + thread.name()
                    + "' stays busy until it returns", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvaluationException("evaluation was interrupted while " + what + " was running", e);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        }
    }

    private EvaluationException failure(String what, Throwable cause) throws EvaluationException {
        if (cause instanceof InvocationException) {
            return new EvaluationException(describeException(((InvocationException) cause).exception()), cause);
        }
        if (cause instanceof IncompatibleThreadStateException) {
            return new EvaluationException("cannot invoke methods: the thread is not suspended by an event", cause);
        }
        if (cause instanceof ClassNotLoadedException) {
            return new EvaluationException("cannot call " + what + ": the type "
                    + ((ClassNotLoadedException) cause).className() + " is not loaded in the debuggee", cause);
        }
        if (cause instanceof InvalidTypeException || cause instanceof IllegalArgumentException) {
            return new EvaluationException("cannot call " + what + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof ObjectCollectedException) {
            return new EvaluationException("cannot call " + what + ": an object it needs was garbage-collected", cause);
        }
        if (cause instanceof VMDisconnectedException) {
            return new EvaluationException("the debuggee disconnected while " + what + " was running", cause);
        }
        return new EvaluationException("calling " + what + " failed: " + cause, cause);
    }

    /** {@code java.lang.IllegalStateException: boom}, from the exception's own {@code toString()}. */
    private String describeException(ObjectReference exception) throws EvaluationException {
        pins.pin(exception);
        List<Method> toString = exception.referenceType().methodsByName("toString", "()Ljava/lang/String;");
        if (!toString.isEmpty()) {
            try {
                Value text = invoke("toString()", () -> exception.invokeMethod(
                        scope.thread(), toString.get(0), List.of(), ObjectReference.INVOKE_SINGLE_THREADED));
                if (text instanceof StringReference) {
                    return ((StringReference) text).value();
                }
            } catch (EvaluationException e) {
                // Fall back to the fields, which can be read without running code.
            }
        }
        String name = exception.referenceType().name();
        Field detail = exception.referenceType().fieldByName("detailMessage");
        Value message = detail == null ? null : exception.getValue(detail);
        return message instanceof StringReference ? name + ": " + ((StringReference) message).value() : name;
    }

    /** {@code 2 s}, {@code 1500 ms}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
