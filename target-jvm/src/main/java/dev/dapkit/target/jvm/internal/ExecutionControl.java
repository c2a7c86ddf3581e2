package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import dev.dapkit.server.spi.TargetEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;

/**
 * Runs and stops the debuggee: holds it at its start until {@code configurationDone}, records each
 * stop, resumes (every thread or one), steps with JDI step requests, pauses, and carries on a step
 * that a breakpoint cut short when the engine resumes that stop unseen.
 *
 * <p>The whole JVM is suspended at every stop. The target counts the suspensions it made (each kept
 * event set and each pause) and undoes exactly those on resume, so a thread the program itself
 * suspended stays suspended.
 *
 * <p>Thread-safe: the event thread reports stops while the session thread resumes and steps.
 */
final class ExecutionControl {

    /** How often a step may go on past compiler-made code before it stops wherever it is. */
    private static final int MAX_DETOURS = 20;

    /** What a step request was made for. */
    private record ActiveStep(StepRequest request, boolean restart, int detours) {
    }

    /** What a finished step event means. */
    enum StepOutcome {
        /** The step is done: stop, reason {@code step}. */
        STEP,
        /** The restart of a frame is done: stop, reason {@code restart}. */
        RESTART,
        /** The step landed where it must not stop and goes on; resume the event set. */
        GO_ON,
        /** The event belongs to no step of the target's now; resume the event set. */
        STALE
    }

    private final VirtualMachine vm;
    private final ThreadRegistry threads;
    private final TargetEvents events;
    private final Map<Long, ActiveStep> steps = new HashMap<>();
    /** Step requests whose one event came and was shown; see {@link #deleteSpentSteps}. */
    private final List<StepRequest> spentSteps = new ArrayList<>();
    private final Set<Long> invoking = ConcurrentHashMap.newKeySet();
    private final List<ObjectReference> pinned = new ArrayList<>();
    private final List<Runnable> resumeActions = new CopyOnWriteArrayList<>();
    private final Map<Integer, ExceptionEvent> exceptions = new HashMap<>();
    /** Threads resumed on their own since the last stop, by unique id: the stop no longer holds them. */
    private final Set<Long> runningAlone = new HashSet<>();
    /** See {@link #version}. */
    private final AtomicLong version = new AtomicLong();
    private int holds;
    private boolean configured;
    private boolean startHeld;
    private boolean stopped;
    private Integer pauseWhileStopped;

    ExecutionControl(VirtualMachine vm, ThreadRegistry threads, TargetEvents events) {
        this.vm = vm;
        this.threads = threads;
        this.events = events;
    }

    /**
     * The JVM started; with a suspending start it stays held until configuration is done.
     *
     * @return whether the start's suspension is kept (else the caller resumes it)
     */
    synchronized boolean started(int suspendPolicy) {
        if (suspendPolicy == EventRequest.SUSPEND_NONE || configured) {
            return false;
        }
        holds++;
        startHeld = true;
        version.incrementAndGet();
        return true;
    }

    /** Configuration is done: a JVM held at its start runs. */
    synchronized void configurationDone() {
        configured = true;
        if (startHeld) {
            startHeld = false;
            resumeAll();
        }
    }

    /** The debuggee stopped; the event set's suspension is kept. */
    synchronized void stopped(Stop stop, ExceptionEvent exception) {
        holds++;
        stopped = true;
        version.incrementAndGet();
        runningAlone.clear();
        threads.stoppedInJava(stop.thread());
        int threadId = threads.idOf(stop.thread());
        if (exception != null) {
            exceptions.put(threadId, exception);
        }
        events.stopped(stop.event(threadId));
    }

    /** The user's {@code continue}: a step the last stop cut short is over. */
    synchronized boolean resume(ThreadReference thread, boolean allThreads) {
        clearSteps();
        pauseWhileStopped = null;
        if (allThreads || thread == null) {
            resumeAll();
            return true;
        }
        resumeThread(thread);
        return false;
    }

    /** Goes on after a stop the client never saw: a step it cut short goes on, a pause asked for meanwhile happens. */
    synchronized void resumeFilteredStop() {
        if (pauseWhileStopped != null) {
            int threadId = pauseWhileStopped;
            pauseWhileStopped = null;
            clearSteps();
            events.stopped(new Stop(null, StoppedEventArgumentsReason.PAUSE, List.of(), null, null).event(threadId));
            return;
        }
        resumeAll();
    }

    /**
     * Steps a suspended thread.
     *
     * @param size {@link StepRequest#STEP_LINE} or {@link StepRequest#STEP_MIN}
     * @param depth {@link StepRequest#STEP_OVER}, {@link StepRequest#STEP_INTO} or {@link StepRequest#STEP_OUT}
     * @param restart whether the step re-enters a popped frame (its stop's reason is {@code restart})
     */
    synchronized void step(ThreadReference thread, int size, int depth, boolean singleThread, boolean restart) {
        clearSteps();
        pauseWhileStopped = null;
        steps.put(thread.uniqueID(), new ActiveStep(stepRequest(thread, size, depth), restart, 0));
        if (singleThread) {
            resumeThread(thread);
        } else {
            resumeAll();
        }
    }

    private StepRequest stepRequest(ThreadReference thread, int size, int depth) {
        StepRequest request = vm.eventRequestManager().createStepRequest(thread, size, depth);
        StepFilters.EXCLUDED_CLASSES.forEach(request::addClassExclusionFilter);
        request.addCountFilter(1);
        request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        request.enable();
        return request;
    }

    /** A step request fired: whether to stop, and how. Called on the event thread. */
    synchronized StepOutcome stepped(StepEvent event) {
        ThreadReference thread = event.thread();
        ActiveStep step = steps.get(thread.uniqueID());
        if (step == null || !step.request().equals(event.request())) {
            delete(event.request());
            return StepOutcome.STALE;
        }
        steps.remove(thread.uniqueID());
        if (StepFilters.skips(event.location()) && step.detours() < MAX_DETOURS) {
            // JDI allows one step request per thread: the old one must go before the next is made
            delete(step.request());
            int depth = event.location().lineNumber() < 0 ? StepRequest.STEP_OUT : StepRequest.STEP_INTO;
            steps.put(thread.uniqueID(), new ActiveStep(stepRequest(thread, StepRequest.STEP_LINE, depth),
                    step.restart(), step.detours() + 1));
            return StepOutcome.GO_ON;
        }
        // Its count filter has spent it already; deleting it is a JDWP round trip that would hold
        // the stop back from the client, so it is deleted once the stop is reported.
        spentSteps.add(step.request());
        return step.restart() ? StepOutcome.RESTART : StepOutcome.STEP;
    }

    /** Suspends every thread and reports the pause, or, while stopped, remembers it for {@link #resumeFilteredStop}. */
    synchronized void pause(int threadId) {
        if (stopped || startHeld) {
            pauseWhileStopped = threadId;
            return;
        }
        vm.suspend();
        holds++;
        stopped = true;
        version.incrementAndGet();
        runningAlone.clear();
        int shown = threads.thread(threadId) != null ? threadId : anyThreadId();
        events.stopped(new Stop(null, StoppedEventArgumentsReason.PAUSE, List.of(), null, null).event(shown));
    }

    private int anyThreadId() {
        List<Map.Entry<Integer, ThreadReference>> all = threads.all();
        for (Map.Entry<Integer, ThreadReference> t : all) {
            if ("main".equals(t.getValue().name())) {
                return t.getKey();
            }
        }
        return all.isEmpty() ? 0 : all.get(0).getKey();
    }

    /**
     * A number that changes whenever the debuggee may have changed: it stopped, resumed (wholly or
     * one thread), ran a method for the debugger, lost a thread, or had a value set
     * ({@link #changed}). What was read of the debuggee at one version holds while it lasts.
     */
    long version() {
        return version.get();
    }

    /** The debugger set a value in the debuggee (a variable, a field, an array element). */
    void changed() {
        version.incrementAndGet();
    }

    /** Whether the target is at a stop (shown or being tested) or a pause. */
    synchronized boolean isStopped() {
        return stopped || startHeld;
    }

    /**
     * Whether the target's own suspension (a stop, a pause, the held start) holds {@code thread}
     * now, known without asking the JVM; false says only that the target does not know it held.
     */
    synchronized boolean holds(ThreadReference thread) {
        return (stopped || startHeld) && !runningAlone.contains(thread.uniqueID());
    }

    /** The exception a thread stopped on, or null. */
    synchronized ExceptionEvent exception(int threadId) {
        return exceptions.get(threadId);
    }

    /** A thread ended: its step can never finish. */
    synchronized void threadDied(ThreadReference thread) {
        version.incrementAndGet();
        ActiveStep step = steps.remove(thread.uniqueID());
        if (step != null) {
            delete(step.request());
        }
    }

    /** Keeps an object the user is looking at from being collected until the debuggee resumes. */
    synchronized void pin(ObjectReference object) {
        try {
            object.disableCollection();
            pinned.add(object);
        } catch (ObjectCollectedException | UnsupportedOperationException e) {
            // gone already, or a JVM that cannot pin: its children may fail to show, with a message
        }
    }

    /** Marks a thread as running a method for the debugger: its events are not stops. */
    void invoking(ThreadReference thread, boolean running) {
        version.incrementAndGet();
        if (running) {
            invoking.add(thread.uniqueID());
        } else {
            invoking.remove(thread.uniqueID());
        }
    }

    boolean isInvoking(ThreadReference thread) {
        return thread != null && invoking.contains(thread.uniqueID());
    }

    /** Forgets everything the target asked of the JVM (on detach): the JVM runs on untouched. */
    synchronized void release() {
        clearSteps();
        resumeAll();
    }

    private void resumeAll() {
        version.incrementAndGet();
        stopped = false;
        runningAlone.clear();
        exceptions.clear();
        unpin();
        int n = holds;
        holds = 0;
        for (int i = 0; i < n; i++) {
            vm.resume();
        }
    }

    private void resumeThread(ThreadReference thread) {
        version.incrementAndGet();
        exceptions.remove(threads.idOf(thread));
        runningAlone.add(thread.uniqueID());
        unpin();
        // the thread alone may have been suspended more than once (two stops); it must run. The count
        // is read once: once running, the thread may stop again, and that new stop must hold
        int count = thread.suspendCount();
        for (int i = 0; i < count; i++) {
            thread.resume();
        }
    }

    /** Runs {@code action} each time the debuggee resumes, when the objects shown to the user are let go. */
    void onResume(Runnable action) {
        resumeActions.add(action);
    }

    private void unpin() {
        resumeActions.forEach(Runnable::run);
        for (ObjectReference object : pinned) {
            try {
                object.enableCollection();
            } catch (ObjectCollectedException | VMDisconnectedException e) {
                // nothing left to release
            }
        }
        pinned.clear();
    }

    /**
     * Deletes the step requests that have fired and stopped. Called by the event thread once it
     * has reported the stop, and before any new step (JDI allows one step request per thread).
     */
    synchronized void deleteSpentSteps() {
        spentSteps.forEach(this::delete);
        spentSteps.clear();
    }

    private void clearSteps() {
        deleteSpentSteps();
        steps.values().forEach(s -> delete(s.request()));
        steps.clear();
    }

    private void delete(EventRequest request) {
        try {
            EventRequestManager requests = vm.eventRequestManager();
            requests.deleteEventRequest(request);
        } catch (VMDisconnectedException e) {
            // the JVM is gone; so is the request
        }
    }
}
