package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.ModificationWatchpointEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.ThreadDeathEvent;
import com.sun.jdi.event.ThreadStartEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.event.VMStartEvent;
import com.sun.jdi.event.WatchpointEvent;
import com.sun.jdi.request.EventRequest;
import dev.dapkit.server.spi.TargetEvents;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.eclipse.lsp4j.debug.ThreadEventArgumentsReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread per session that consumes the JVM's event queue: it reports thread starts and
 * deaths, hands loaded classes to the breakpoint sets waiting for them (while the JVM is still
 * suspended), turns each event set that stops the debuggee into one stop (a step that lands on a
 * breakpoint is one stop, reason {@code step}, naming the breakpoint), resumes the sets that stop
 * nothing, and tells the session when the JVM is gone. It only reports to {@link TargetEvents},
 * which queues; it never calls back into the engine.
 */
final class JdiEventLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(JdiEventLoop.class);

    /** Decides whether an exception event stops the debuggee. */
    interface ExceptionFilter {
        /** Whether to stop on this exception. */
        boolean stops(ExceptionEvent event);
    }

    /** What the session does when the JVM is gone. */
    interface EndListener {
        /** @param died whether the JVM reported its death (else only the connection dropped) */
        void ended(boolean died);
    }

    private final VirtualMachine vm;
    private final ThreadRegistry threads;
    private final TargetEvents events;
    private final ExecutionControl execution;
    private final ExceptionFilter exceptions;
    private final EndListener end;
    private boolean died;

    JdiEventLoop(VirtualMachine vm, ThreadRegistry threads, TargetEvents events, ExecutionControl execution,
            ExceptionFilter exceptions, EndListener end) {
        this.vm = vm;
        this.threads = threads;
        this.events = events;
        this.execution = execution;
        this.exceptions = exceptions;
        this.end = end;
    }

    /** Starts the loop on a daemon thread of its own. */
    Thread start(String name) {
        Thread thread = new Thread(this, "dapkit-jvm-events-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            boolean connected = true;
            while (connected) {
                EventSet set = vm.eventQueue().remove();
                connected = handle(set);
            }
        } catch (VMDisconnectedException e) {
            LOG.debug("the JVM's debug connection closed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("the JVM event thread failed; the session ends", e);
        } finally {
            end.ended(died);
        }
    }

    /** Acts on one event set; returns false when the JVM disconnected. */
    private boolean handle(EventSet set) {
        List<LocatableEvent> stopping = new ArrayList<>();
        boolean keep = false;
        for (Event event : set) {
            if (event instanceof VMStartEvent) {
                keep |= execution.started(set.suspendPolicy());
            } else if (event instanceof VMDeathEvent) {
                died = true;
            } else if (event instanceof VMDisconnectEvent) {
                return false;
            } else if (event instanceof ThreadStartEvent start) {
                thread(threads.idOf(start.thread()), ThreadEventArgumentsReason.STARTED);
            } else if (event instanceof ThreadDeathEvent death) {
                execution.threadDied(death.thread());
                int id = threads.forget(death.thread());
                if (id > 0) {
                    thread(id, ThreadEventArgumentsReason.EXITED);
                }
            } else if (event instanceof ClassPrepareEvent prepare) {
                prepared(prepare);
            } else if (event instanceof LocatableEvent located) {
                stopping.add(located);
            }
        }
        Stop stop = stopping.isEmpty() ? null : stop(stopping);
        if (stop != null) {
            execution.stopped(stop, exceptionOf(stopping));
            execution.deleteSpentSteps();
        } else if (!keep && set.suspendPolicy() != EventRequest.SUSPEND_NONE) {
            set.resume();
        }
        return true;
    }

    private void prepared(ClassPrepareEvent prepare) {
        ClassPrepareListener listener = ClassPrepareListener.of(prepare.request());
        if (listener == null) {
            return;
        }
        try {
            listener.prepared(prepare.referenceType());
        } catch (VMDisconnectedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("arming breakpoints in {} failed", prepare.referenceType().name(), e);
        }
    }

    /** One stop from the events of one set, or null when none of them stops the debuggee. */
    private Stop stop(List<LocatableEvent> located) {
        ThreadReference thread = located.get(0).thread();
        if (execution.isInvoking(thread)) {
            // a breakpoint hit inside a method the debugger runs (a toString()) stops nothing
            return null;
        }
        List<String> reasons = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        String description = null;
        String text = null;
        for (LocatableEvent event : located) {
            if (event instanceof StepEvent step) {
                switch (execution.stepped(step)) {
                    case STEP -> reasons.add(StoppedEventArgumentsReason.STEP);
                    case RESTART -> reasons.add(Stop.RESTART);
                    default -> { }
                }
            } else if (event instanceof BreakpointEvent breakpoint) {
                RequestTags.Role role = RequestTags.role(breakpoint.request());
                if (role == RequestTags.Role.ENTRY) {
                    vm.eventRequestManager().deleteEventRequest(breakpoint.request());
                    reasons.add(StoppedEventArgumentsReason.ENTRY);
                } else if (role != null) {
                    reasons.add(role == RequestTags.Role.FUNCTION ? StoppedEventArgumentsReason.FUNCTION_BREAKPOINT
                            : StoppedEventArgumentsReason.BREAKPOINT);
                    ids.add(RequestTags.breakpointId(breakpoint.request()));
                }
            } else if (event instanceof WatchpointEvent watch && RequestTags.role(watch.request()) != null) {
                reasons.add(StoppedEventArgumentsReason.DATA_BREAKPOINT);
                ids.add(RequestTags.breakpointId(watch.request()));
                description = watchDescription(watch);
            } else if (event instanceof ExceptionEvent exception && exceptions.stops(exception)) {
                reasons.add(StoppedEventArgumentsReason.EXCEPTION);
                String type = exception.exception().referenceType().name();
                description = (exception.catchLocation() == null ? "Uncaught " : "Caught ") + type;
                text = ExceptionDescriber.messageOf(exception.exception());
            }
        }
        String reason = firstOf(reasons, Stop.RESTART, StoppedEventArgumentsReason.STEP,
                StoppedEventArgumentsReason.ENTRY, StoppedEventArgumentsReason.EXCEPTION,
                StoppedEventArgumentsReason.BREAKPOINT, StoppedEventArgumentsReason.FUNCTION_BREAKPOINT,
                StoppedEventArgumentsReason.DATA_BREAKPOINT);
        return reason == null ? null : new Stop(thread, reason, ids.stream().distinct().toList(), description, text);
    }

    private static String firstOf(List<String> reasons, String... priority) {
        for (String reason : priority) {
            if (reasons.contains(reason)) {
                return reason;
            }
        }
        return null;
    }

    private ExceptionEvent exceptionOf(List<LocatableEvent> located) {
        for (LocatableEvent event : located) {
            if (event instanceof ExceptionEvent exception) {
                return exception;
            }
        }
        return null;
    }

    private static String watchDescription(WatchpointEvent watch) {
        String field = watch.field().declaringType().name() + "." + watch.field().name();
        if (watch instanceof ModificationWatchpointEvent change) {
            return field + " changes from " + ValueText.brief(watch.valueCurrent()) + " to "
                    + ValueText.brief(change.valueToBe());
        }
        return field + " is read";
    }

    private void thread(int id, String reason) {
        ThreadEventArguments thread = new ThreadEventArguments();
        thread.setReason(reason);
        thread.setThreadId(id);
        events.thread(thread);
    }
}
